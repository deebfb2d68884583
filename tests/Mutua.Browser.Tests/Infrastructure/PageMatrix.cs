using Microsoft.Playwright;

namespace Mutua.Browser.Tests.Infrastructure;

/// <summary>A page of the matrix: what it is, its address, and who opens it (null: an anonymous visitor).</summary>
public sealed record PageVisit(string Name, string Path, string? Login);

/// <summary>
/// Every page of the access matrix (tests/Mutua.Web.Tests/Security/PageAccessMatrixTests.cs), each as a person who may
/// see it: the one list the whole-app browser checks walk (valid HTML, page weight, axe, a phone's width). A page added
/// to the app gets its row here and is then checked by all of them.
/// </summary>
public static class PageMatrix
{
    public const string Jamal = "jamal@dudley.example";
    public const string Sponsor = "sponsor@dudley.example";
    public const string Admin = "admin@mutua.example";
    public const string Fatima = "fatima@dudley.example";

    public static async Task<IReadOnlyList<PageVisit>> PagesAsync(BrowserApp app)
    {
        var (_, community, group, _) = await app.DudleyAsync();
        var household = (await app.GetJsonAsync(Jamal, "/api/v1/me")).GetProperty("households")[0].GetProperty("id").GetGuid();
        var savingsGroup = await SavingsGroupAsync(app, Jamal);
        var (toolLibrary, toolLibrarySlug) = await ProjectAsync(app, "Tool library in the basement");
        var (foodCart, foodCartSlug) = await ProjectAsync(app, "Warren Street food cart");
        var code = await app.NewInvitationCodeAsync(await app.FruitvaleAsync());

        return
        [
            // The public pages, as an anonymous visitor sees them.
            new("home", "/", null),
            new("sign in", "/Account/Login", null),
            new("denied", "/Account/Denied", null),
            new("closed", "/Account/Closed", null),
            new("join", "/Join", null),
            new("join with a code", $"/Join?code={code}", null),
            new("API reference", "/ApiReference", null),
            new("status page", "/Status/404", null),
            new("error page", "/Error", null),
            new("projects", "/Projects", null),
            new("public project", $"/p/{foodCartSlug}", null),
            new("spread of a public project", $"/Projects/{foodCart}/Spread", null),
            // Signed in: a representative person per page.
            new("home, signed in", "/", Jamal),
            // Savings groups: the secretary's pages of Jamal's group in Dudley.
            new("savings groups", "/Savings", Jamal),
            new("savings group", $"/Savings/{savingsGroup}", Jamal),
            new("record a meeting", $"/Savings/{savingsGroup}/Meeting", Jamal),
            new("passbook", $"/Savings/{savingsGroup}/Passbook", Jamal),
            new("share-out preview", $"/Savings/{savingsGroup}/ShareOut", Jamal),
            new("meeting sheet", $"/Savings/{savingsGroup}/Meetings/1", Jamal),
            new("communities", "/Communities", BrowserApp.Denise),
            new("community", $"/Communities/{community}", BrowserApp.Denise),
            new("group", $"/Groups/{group}", BrowserApp.Denise),
            new("household", $"/Households/{household}", Jamal),
            new("check-in", $"/Households/{household}/CheckIn", Jamal),
            new("invitations", $"/Communities/{community}/Invitations", BrowserApp.Denise),
            new("people", $"/Communities/{community}/People", BrowserApp.Denise),
            new("create a community", "/Communities/Create", Admin),
            new("network map", $"/Communities/{community}/Network", BrowserApp.Denise),
            new("attention", $"/Communities/{community}/Network/Attention", BrowserApp.Denise),
            new("circle", $"/Households/{household}/Circle", Jamal),
            new("sharing", $"/Households/{household}/Sharing", Jamal),
            new("audit", "/Admin/Audit", Admin),
            new("profile", "/Account/Profile", Jamal),
            new("project, owner", $"/p/{toolLibrarySlug}", Jamal),
            new("project, sponsor", $"/p/{toolLibrarySlug}", Sponsor),
            new("project, supporter", $"/p/{foodCartSlug}", BrowserApp.Keisha),
            new("project, ambassador", $"/p/{foodCartSlug}", Fatima),
            new("spread", $"/Projects/{toolLibrary}/Spread", Jamal),
            new("new project", "/Projects/Edit", Jamal),
            new("edit project", $"/Projects/Edit/{toolLibrary}", Jamal),
            new("following", "/Projects/Following", BrowserApp.Keisha),
            new("ambassador links", "/Projects/Ambassador", Fatima),
            new("household data", $"/Households/{household}/Data", Jamal),
            new("my data", "/Account/MyData", Jamal),
            new("insights", $"/Communities/{community}/Insights", Sponsor),
            new("savings of a community", $"/Communities/{community}/Savings", Sponsor),
            new("compare insights", "/Insights/Compare", BrowserApp.Denise),
            new("progress", $"/Households/{household}/Progress", Jamal),
            new("check-ins", $"/Households/{household}/CheckIns", Jamal),
        ];
    }

    /// <summary>The cookies of each person of the matrix, signed in once through the form (null for the anonymous visitor).</summary>
    public static async Task<Dictionary<string, string>> SignedInStatesAsync(BrowserApp app, IEnumerable<PageVisit> pages)
    {
        var states = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var login in pages.Select(p => p.Login).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await using var context = await app.NewContextAsync();
            await BrowserApp.SignInAsync(await context.NewPageAsync(), login);
            states[login] = await context.StorageStateAsync();
        }
        return states;
    }

    public static async Task<(Guid Id, string Slug)> ProjectAsync(BrowserApp app, string title)
    {
        foreach (var item in (await app.GetJsonAsync(BrowserApp.Denise, "/api/v1/projects?q=" + Uri.EscapeDataString(title))).GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("title").GetString() == title) return (item.GetProperty("id").GetGuid(), item.GetProperty("slug").GetString()!);
        }
        throw new InvalidOperationException($"The demo has no project \"{title}\".");
    }

    /// <summary>Opens a page as a browser does (status pages answer 404 or 500 on purpose), waiting until nothing more loads.</summary>
    public static async Task<IResponse> OpenAsync(IPage page, PageVisit visit)
    {
        var response = await page.GotoAsync(visit.Path, new() { WaitUntil = WaitUntilState.Load });
        Assert.True(response is not null, $"{visit.Name} ({visit.Path}) answered nothing");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return response;
    }

    /// <summary>The first savings group on the person's list of them.</summary>
    private static async Task<Guid> SavingsGroupAsync(BrowserApp app, string login)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page, login);
        await page.GotoAsync("/Savings");
        var href = await page.Locator("main .card a[href^='/Savings/']").First.GetAttributeAsync("href");
        return Guid.Parse(href!["/Savings/".Length..]);
    }
}
