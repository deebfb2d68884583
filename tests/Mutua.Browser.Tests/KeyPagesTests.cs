using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mutua.Browser.Tests;

/// <summary>
/// The key pages on a phone and on a desktop, as different people in different languages: each opens,
/// speaks the person's language, fits the window, and links only to pages that exist. Screenshots go
/// to /tmp/mutua-shots for people to look at; they are a side effect, not what is tested.
/// </summary>
public sealed class KeyPagesTests(BrowserApp app)
{
    private const string RwandaCoordinator = "+250780000101";

    private sealed record Visit(string Name, string Path, string Language);

    [Fact]
    public async Task Key_pages_open_in_the_persons_language_and_fit_a_phone_and_a_desktop()
    {
        var (_, community, group, _) = await app.DudleyAsync();
        var code = await app.NewInvitationCodeAsync(await app.FruitvaleAsync());
        var denise = await app.GetJsonAsync(BrowserApp.Denise, "/api/v1/me");
        var household = denise.GetProperty("households")[0].GetProperty("id").GetGuid();
        var rwanda = await app.GetJsonAsync(RwandaCoordinator, "/api/v1/me");
        var rwandaCommunity = rwanda.GetProperty("communities")[0].GetProperty("id").GetGuid();

        var people = new (string? Login, string? Language, Visit[] Visits)[]
        {
            (null, null,
            [
                new("home", "/", "en"),
                new("sign-in", "/Account/Login", "en"),
                new("join-preview", $"/Join?code={code}", "en"),
                new("api-reference", "/ApiReference", "en"),
            ]),
            (null, "es", [new("home", "/", "es"), new("join-preview", $"/Join?code={code}", "es")]),
            (BrowserApp.Denise, null,
            [
                new("home", "/", "en"),
                new("community", $"/Communities/{community}", "en"),
                new("group", $"/Groups/{group}", "en"),
                new("invitations", $"/Communities/{community}/Invitations", "en"),
                new("household", $"/Households/{household}", "en"),
                new("profile", "/Account/Profile", "en"),
            ]),
            (RwandaCoordinator, null,
            [
                new("home", "/", "rw"),
                new("community", $"/Communities/{rwandaCommunity}", "rw"),
            ]),
        };

        var visitors = from size in new[] { (Viewport: BrowserApp.Phone, Phone: true, Suffix: "phone"), (Viewport: BrowserApp.Desktop, Phone: false, Suffix: "desktop") }
                       from person in people
                       select VisitAsync(size.Viewport, size.Phone, size.Suffix, person.Login, person.Language, person.Visits);
        var problems = (await Task.WhenAll(visitors)).SelectMany(p => p).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>One person on one device, page after page.</summary>
    private async Task<List<string>> VisitAsync(ViewportSize viewport, bool phone, string suffix, string? login, string? language, Visit[] visits)
    {
        await using var context = await app.NewContextAsync(viewport, phone);
        var page = await context.NewPageAsync();
        if (login is not null) await BrowserApp.SignInAsync(page, login);
        if (language is not null)
        {
            await page.GotoAsync("/");
            await BrowserApp.ChooseLanguageAsync(page, language);
        }
        var who = login is null ? "anonymous" : login.StartsWith('+') ? "rwanda" : login.Split('@')[0];
        var problems = new List<string>();
        foreach (var visit in visits)
        {
            var response = await page.GotoAsync(visit.Path);
            Assert.True(response!.Status == 200, $"{visit.Path} as {who} answered {response.Status}.");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", visit.Language);
            await Expect(page.Locator("h1")).ToHaveCountAsync(1);
            await BrowserApp.ScreenshotAsync(page, $"{visit.Name}-{who}-{visit.Language}-{suffix}");
            if (await BrowserApp.WidthProblemAsync(page) is { } problem) problems.Add(problem);
        }
        return problems;
    }

    [Fact]
    public async Task Every_link_on_the_key_pages_leads_to_a_page_that_exists()
    {
        var (_, community, group, _) = await app.DudleyAsync();
        var code = await app.NewInvitationCodeAsync(await app.FruitvaleAsync());
        var checkedLinks = new HashSet<string>(StringComparer.Ordinal);
        var dead = new List<string>();

        foreach (var (login, start) in new (string?, string[])[]
        {
            (null, ["/", "/Account/Login", "/Join", $"/Join?code={code}", "/ApiReference"]),
            (BrowserApp.Denise, ["/", "/Communities", $"/Communities/{community}", $"/Groups/{group}", $"/Communities/{community}/Invitations", "/Account/Profile"]),
            (BrowserApp.Keisha, ["/", "/Communities", $"/Communities/{community}"]),
        })
        {
            await using var context = await app.NewContextAsync();
            var page = await context.NewPageAsync();
            if (login is not null) await BrowserApp.SignInAsync(page, login);
            foreach (var path in start)
            {
                await page.GotoAsync(path);
                var hrefs = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
                foreach (var href in hrefs.Distinct())
                {
                    var url = new Uri(href);
                    if (!href.StartsWith(app.BaseUrl, StringComparison.Ordinal) || url.AbsolutePath == new Uri(page.Url).AbsolutePath && url.Fragment.Length > 0)
                        continue;
                    if (!checkedLinks.Add($"{login}|{url.PathAndQuery}")) continue;
                    // Following the link as the same person (same cookies), without following redirects to sign-in.
                    var answer = await context.APIRequest.GetAsync(url.PathAndQuery, new() { MaxRedirects = 0 });
                    if (answer.Status >= 400 || answer.Status is >= 300 and < 400 && (answer.Headers.GetValueOrDefault("location") ?? "").Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
                        dead.Add($"{path} as {login ?? "anonymous"} → {url.PathAndQuery}: {answer.Status}");
                }
            }
        }
        Assert.True(dead.Count == 0, "Links that lead nowhere:\n" + string.Join("\n", dead));
        Assert.True(checkedLinks.Count > 10);
    }
}
