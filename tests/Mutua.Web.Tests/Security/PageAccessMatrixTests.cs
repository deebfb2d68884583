using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Web.Tests.Infrastructure;
using static Mutua.Web.Tests.Infrastructure.Actors;

namespace Mutua.Web.Tests.Security;

/// <summary>
/// The pages with the same rules as the API. Anonymous: a redirect to /Account/Login. Not allowed:
/// 403, or a redirect to /Account/Denied, and (for forms) nothing changed. Allowed: 200 for a page,
/// the usual redirect after a form.
/// </summary>
public sealed class PageAccessMatrixTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    public sealed record PageCase(string Name, Func<DemoPeople, string> Path, string[] Allowed);

    public sealed record FormCase(string Name, Func<DemoPeople, string> Path, Func<DemoPeople, Dictionary<string, string>> Fields,
        string[] Allowed, Func<MutuaFactory, Task<Dictionary<string, string>>>? Arrange = null);

    private static readonly string[] InCommunity = [SameHousehold, OtherHousehold, Coordinator, Sponsor, Admin];
    private static readonly string[] PeopleOfCommunity = [SameHousehold, OtherHousehold, Coordinator, Admin];
    private static readonly string[] Managers = [Coordinator, Admin];
    private static readonly string[] OwnHouseholdAndManagers = [SameHousehold, Coordinator, Admin];
    private static readonly string[] OwnHouseholdOnly = [SameHousehold];
    private static readonly string[] AdminOnly = [Admin];
    /// <summary>Jamal's own sessions: nobody else can even tell they exist.</summary>
    private static readonly string[] OwnSessionOnly = [SameHousehold];
    private static readonly string[] WithAHousehold = [SameHousehold, OtherHousehold, Coordinator, OtherCommunity, OtherCoordinator];
    private static readonly string[] SupportersInCommunity = [OtherHousehold, Coordinator, Sponsor, Admin];
    // Jamal's savings group: its members read its books (Keisha too), its secretary records meetings; the coordinator,
    // the sponsor and the admin are not members: a group's money is its members' business.
    private static readonly string[] SavingsMembers = [SameHousehold, OtherHousehold];
    private static readonly string[] SavingsOfficers = [SameHousehold];
    // What a community's savings groups add up to: for those who are not in them and answer for the community.
    private static readonly string[] SavingsRollUpViewers = [Coordinator, Sponsor, Admin];

    public static readonly PageCase[] Pages =
    [
        new("/Communities", _ => "/Communities", Actors.SignedIn),
        new("/Communities/{id}", d => $"/Communities/{d.Dudley}", InCommunity),
        new("/Groups/{id}", d => $"/Groups/{d.WarrenStreetCircle}", PeopleOfCommunity),
        new("/Households/{id}", d => $"/Households/{d.JamalHousehold}", OwnHouseholdAndManagers),
        new("/Households/{id}/CheckIn", d => $"/Households/{d.JamalHousehold}/CheckIn", OwnHouseholdOnly),
        new("/Communities/{id}/Invitations", d => $"/Communities/{d.Dudley}/Invitations", PeopleOfCommunity),
        new("/Communities/{id}/People", d => $"/Communities/{d.Dudley}/People", Managers),
        // A newcomer's own welcome (their buddy's contact among it): none of these people joined Dudley as a newcomer, so
        // it is nobody's here; a newcomer and their buddy are in Communities/WelcomePageTests.
        new("/Communities/{id}/Welcome", d => $"/Communities/{d.Dudley}/Welcome", []),
        new("/Communities/Create", _ => "/Communities/Create", AdminOnly),
        new("/Communities/{id}/Network", d => $"/Communities/{d.Dudley}/Network", InCommunity),
        new("/Communities/{id}/Network export", d => $"/Communities/{d.Dudley}/Network?handler=Export&format=graphml", InCommunity),
        new("/Communities/{id}/Network/Attention", d => $"/Communities/{d.Dudley}/Network/Attention", Managers),
        new("/Households/{id}/Circle", d => $"/Households/{d.JamalHousehold}/Circle", OwnHouseholdAndManagers),
        new("/Households/{id}/Sharing", d => $"/Households/{d.JamalHousehold}/Sharing", OwnHouseholdOnly),
        new("/Admin/Audit", _ => "/Admin/Audit", AdminOnly),
        new("/Account/Profile", _ => "/Account/Profile", Actors.SignedIn),
        // Projects: Jamal & Rosa's tool library is published to Dudley only (public projects are open to anyone: ProjectApiTests).
        new("/p/{slug}", d => $"/p/{d.ToolLibrarySlug}", InCommunity),
        new("/Projects/{id}/Spread", d => $"/Projects/{d.ToolLibrary}/Spread", InCommunity),
        new("/Projects/Edit", _ => "/Projects/Edit", WithAHousehold),
        new("/Projects/Edit/{id}", d => $"/Projects/Edit/{d.ToolLibrary}", OwnHouseholdOnly),
        new("/Projects/Following", _ => "/Projects/Following", Actors.SignedIn),
        new("/Projects/Ambassador", _ => "/Projects/Ambassador", []),
        new("/Households/{id}/Data", d => $"/Households/{d.JamalHousehold}/Data", OwnHouseholdOnly),
        new("/Households/{id}/Data download", d => $"/Households/{d.JamalHousehold}/Data?handler=Download", OwnHouseholdOnly),
        new("/Account/MyData", _ => "/Account/MyData", Actors.SignedIn),
        // Aggregates only: anyone with a place in the community (sponsors too), nobody else.
        new("/Communities/{id}/Insights", d => $"/Communities/{d.Dudley}/Insights", InCommunity),
        // Every community's published aggregates side by side: anyone signed in.
        new("/Insights/Compare", _ => "/Insights/Compare", Actors.SignedIn),
        new("/Households/{id}/Progress", d => $"/Households/{d.JamalHousehold}/Progress", OwnHouseholdOnly),
        new("/Households/{id}/CheckIns", d => $"/Households/{d.JamalHousehold}/CheckIns", OwnHouseholdOnly),
        // Savings groups (issue 14): anyone signed in sees their own list (empty outside any group).
        new("/Savings", _ => "/Savings", Actors.SignedIn),
        new("/Savings/{id}", d => $"/Savings/{d.WarrenStreetSavings}", SavingsMembers),
        new("/Savings/{id}/Passbook", d => $"/Savings/{d.WarrenStreetSavings}/Passbook", SavingsMembers),
        new("/Savings/{id}/Passbook/{personId}", d => $"/Savings/{d.WarrenStreetSavings}/Passbook/{d.Keisha}", SavingsMembers),
        new("/Savings/{id}/ShareOut", d => $"/Savings/{d.WarrenStreetSavings}/ShareOut", SavingsMembers),
        // A recorded meeting's sheet and the PDFs to keep on paper: the group's members, like the passbook.
        new("/Savings/{id}/Meetings/{number}", d => $"/Savings/{d.WarrenStreetSavings}/Meetings/1", SavingsMembers),
        new("/Savings/{id}/Meetings/{number} PDF", d => $"/Savings/{d.WarrenStreetSavings}/Meetings/1?handler=Pdf", SavingsMembers),
        new("/Savings/{id}/Passbook PDF", d => $"/Savings/{d.WarrenStreetSavings}/Passbook?handler=Pdf", SavingsMembers),
        new("/Savings/{id}/Passbook/{personId} PDF", d => $"/Savings/{d.WarrenStreetSavings}/Passbook/{d.Keisha}?handler=Pdf", SavingsMembers),
        new("/Savings/{id}/Meeting", d => $"/Savings/{d.WarrenStreetSavings}/Meeting", SavingsOfficers),
        // Aggregates only, for the community's coordinators and sponsors (and admins); members see their own group's books instead.
        new("/Communities/{id}/Savings", d => $"/Communities/{d.Dudley}/Savings", SavingsRollUpViewers),
    ];

    /// <summary>What someone not signed in gets from the pages marked [AllowAnonymous]; never a redirect to sign in.</summary>
    public sealed record PublicCase(string Name, Func<MutuaFactory, Task<string>> Path, HttpStatusCode Status);

    private static Func<MutuaFactory, Task<string>> At(string path) => _ => Task.FromResult(path);

    public static readonly PublicCase[] Public =
    [
        new("/", At("/"), HttpStatusCode.OK),
        new("/Account/Login", At("/Account/Login"), HttpStatusCode.OK),
        // Signing out is a form; the page itself leads home.
        new("/Account/Logout", At("/Account/Logout"), HttpStatusCode.Redirect),
        new("/Account/Denied", At("/Account/Denied"), HttpStatusCode.Forbidden),
        new("/Account/Closed", At("/Account/Closed"), HttpStatusCode.OK),
        new("/Join", At("/Join"), HttpStatusCode.OK),
        new("/Account/SignUp", At("/Account/SignUp"), HttpStatusCode.OK),
        // The language buttons post here; the page itself leads home.
        new("/Language", At("/Language"), HttpStatusCode.Redirect),
        new("/ApiReference", At("/ApiReference"), HttpStatusCode.OK),
        // The page the status codes re-execute; asked for directly it answers 200.
        new("/Status/{code}", At("/Status/404"), HttpStatusCode.OK),
        new("/Error", At("/Error"), HttpStatusCode.InternalServerError),
        new("/Projects", At("/Projects"), HttpStatusCode.OK),
        // The food cart is public (the tool library in the matrix above is not).
        new("/p/{slug} of a public project", async app => $"/p/{await FoodCartSlugAsync(app)}", HttpStatusCode.OK),
        new("/Projects/{id}/Spread of a public project", app => Task.FromResult($"/Projects/{app.Demo.FoodCart}/Spread"), HttpStatusCode.OK),
    ];

    private static Task<string> FoodCartSlugAsync(MutuaFactory app) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Id == app.Demo.FoodCart).Select(p => p.Slug).SingleAsync());

    public static TheoryData<string> PublicCells() => new(Public.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(PublicCells))]
    public async Task Public_page_answers_without_signing_in(string page)
    {
        var p = Public.Single(x => x.Name == page);
        var client = await app.PagesAsync(null);
        var path = await p.Path(app);
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.False(location.Contains("/Account/Login", StringComparison.Ordinal), $"{path} is public, but sent a visitor to {location}");
        Assert.True(response.StatusCode == p.Status, $"anonymous on {path}: expected {(int)p.Status}, got {(int)response.StatusCode} {location}");
    }

    /// <summary>
    /// Closed by default needs the matrix to know every page: each Razor page the app serves (read from its
    /// endpoints) must be reached by a row above, signed-in or public. A new page without a row fails here.
    /// </summary>
    [Fact]
    public async Task Every_page_of_the_app_has_a_row()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, e.RoutePattern))
            .Where(e => e.Page is not null)
            .ToList();
        Assert.NotEmpty(pages);
        var d = app.Demo;
        var paths = Pages.Select(p => p.Path(d)).Concat(Forms.Select(f => f.Path(d))).ToList();
        foreach (var p in Public) paths.Add(await p.Path(app));
        var covered = pages.Where(e => paths.Any(path => Matches(e.RoutePattern, path))).Select(e => e.Page).ToHashSet();
        var missing = pages.Select(e => e.Page).Distinct().Where(page => !covered.Contains(page)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"pages without a row in the access matrix: {string.Join(", ", missing)}");
    }

    /// <summary>Whether a concrete path (query ignored) is one of a page's routes; guid and int constraints are checked.</summary>
    private static bool Matches(RoutePattern pattern, string path)
    {
        var segments = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > pattern.PathSegments.Count) return false;
        for (var i = 0; i < pattern.PathSegments.Count; i++)
        {
            var part = pattern.PathSegments[i].Parts.Single();
            if (i >= segments.Length)
            {
                if (part is RoutePatternParameterPart { IsOptional: true }) continue;
                return false;
            }
            var text = Uri.UnescapeDataString(segments[i]);
            var fits = part switch
            {
                RoutePatternLiteralPart literal => string.Equals(literal.Content, text, StringComparison.OrdinalIgnoreCase),
                RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(c => c.Content == "guid") => Guid.TryParse(text, out _),
                RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(c => c.Content == "int") => int.TryParse(text, out _),
                RoutePatternParameterPart => true,
                _ => false,
            };
            if (!fits) return false;
        }
        return true;
    }

    public static readonly FormCase[] Forms =
    [
        new("form group on /Communities/{id}", d => $"/Communities/{d.Dudley}?handler=Group",
            _ => new() { ["GroupName"] = $"Group {Guid.NewGuid():N}"[..20] }, Managers),
        new("name the sponsoring agency on /Communities/{id}", d => $"/Communities/{d.Dudley}?handler=Agency",
            _ => new() { ["AgencyName"] = $"Agency {Guid.NewGuid():N}"[..20], ["AgencyAbout"] = "Visits families.", ["AgencyContact"] = "Karen" }, Managers),
        new("tick met the buddy on /Communities/{id}/Welcome", d => $"/Communities/{d.Dudley}/Welcome?handler=Met", _ => new(), []),
        new("share a phone with one's newcomers on /Account/Profile", _ => "/Account/Profile?handler=BuddyContact",
            _ => new() { ["BuddyPhone"] = "+1 617 555 0142", ["BuddyAtGroupMeeting"] = "true" }, Actors.SignedIn),
        new("move household on /Communities/{id}", d => $"/Communities/{d.Dudley}?handler=Move",
            d => new() { ["householdId"] = d.JamalHousehold.ToString(), ["groupId"] = d.BlueHillSavers.ToString() }, Managers),
        new("rename group on /Groups/{id}", d => $"/Groups/{d.WarrenStreetCircle}?handler=Rename",
            _ => new() { ["Name"] = $"Warren {Guid.NewGuid():N}"[..20] }, Managers),
        new("rename household on /Households/{id}", d => $"/Households/{d.JamalHousehold}",
            _ => new() { ["Name"] = $"Jamal & Rosa {Guid.NewGuid():N}"[..24] }, OwnHouseholdOnly),
        new("choose who sees the name on the map on /Households/{id}/Sharing", d => $"/Households/{d.JamalHousehold}/Sharing",
            _ => new() { ["NameOnMap"] = "Group" }, OwnHouseholdOnly),
        new("give a role on /Communities/{id}/People", d => $"/Communities/{d.Dudley}/People?handler=Grant",
            d => new() { ["personId"] = d.Andre.ToString(), ["role"] = "Supporter", ["confirmed"] = "true" }, Managers),
        new("invite into the household on /Communities/{id}/Invitations", d => $"/Communities/{d.Dudley}/Invitations",
            d => new() { ["Into"] = "household", ["HouseholdId"] = d.JamalHousehold.ToString() }, OwnHouseholdAndManagers),
        new("invite a new family on /Communities/{id}/Invitations", d => $"/Communities/{d.Dudley}/Invitations",
            _ => new() { ["Into"] = "new", ["NewHouseholdName"] = "The Newcomers" }, PeopleOfCommunity),
        new("pledge on /p/{slug}", d => $"/p/{d.ToolLibrarySlug}?handler=Pledge",
            d => new() { ["needId"] = d.ToolLibraryMoney.ToString(), ["amount"] = "25" }, SupportersInCommunity),
        new("verify on /p/{slug}", d => $"/p/{d.ToolLibrarySlug}?handler=Verify", _ => new() { ["note"] = "Saw the shelves." }, [Sponsor]),
        new("post an update on /p/{slug}", d => $"/p/{d.ToolLibrarySlug}?handler=Update", _ => new() { ["text"] = "Shelves are up." }, OwnHouseholdOnly),
        new("sign out a device on /Account/Profile", _ => "/Account/Profile?handler=EndSession", _ => new(), OwnSessionOnly,
            async app => new() { ["sessionId"] = (await MatrixState.OtherSessionAsync(app, app.Demo.Jamal)).ToString() }),
        new("sign out everywhere else on /Account/Profile", _ => "/Account/Profile?handler=EndOthers", _ => new(), Actors.SignedIn,
            async app => { await MatrixState.OtherSessionsForEveryoneAsync(app); return new(); }),
        new("change password on /Account/Profile", _ => "/Account/Profile?handler=Password",
            _ => new() { ["CurrentPassword"] = MutuaFactory.Password, ["NewPassword"] = MutuaFactory.Password }, Actors.SignedIn,
            async app => { await MatrixState.OtherSessionsForEveryoneAsync(app); return new(); }),
        new("edit on /Projects/Edit/{id}", d => $"/Projects/Edit/{d.ToolLibrary}",
            _ => new() { ["Title"] = $"Tool library {Guid.NewGuid():N}"[..20], ["Category"] = "CommunityProject" }, OwnHouseholdOnly),
        // Closing acts on the one who posts; without the password it closes nobody's (a real closure: PersonalDataTests).
        new("close the account with a wrong password on /Account/MyData", _ => "/Account/MyData",
            _ => new() { ["Password"] = "not the password", ["Confirm"] = "true" }, []),
    ];

    public static TheoryData<string, string> PageCells()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            foreach (var actor in Actors.All) data.Add(page.Name, actor);
        }
        return data;
    }

    public static TheoryData<string, string> FormCells()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in Forms)
        {
            foreach (var actor in Actors.All) data.Add(form.Name, actor);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PageCells))]
    public async Task Page_access(string page, string actor)
    {
        var p = Pages.Single(x => x.Name == page);
        var client = await app.PagesAsync(Actors.Login(actor));
        await MatrixState.ResetAsync(app);
        var path = p.Path(app.Demo);
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";

        if (actor == Anonymous)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/Login", StringComparison.Ordinal),
                $"anonymous on {path} must be sent to /Account/Login, got {status} {location}");
        }
        else if (p.Allowed.Contains(actor))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{actor} may see {path}, but got {status} {location}");
        }
        else
        {
            AssertDenied(response, $"{actor} on {path}");
        }
    }

    [Theory]
    [MemberData(nameof(FormCells))]
    public async Task Form_access(string form, string actor)
    {
        var f = Forms.Single(x => x.Name == form);
        var client = await app.PagesAsync(Actors.Login(actor));
        await MatrixState.ResetAsync(app);
        var d = app.Demo;
        var path = f.Path(d);
        // The token is the person's, not the page's: take it from a page with a form that the actor may see
        // (the sign-in form for someone not signed in: their pages carry no token, so they can be shared from a cache).
        var token = await MutuaFactory.AntiforgeryTokenAsync(client, actor == Anonymous ? "/Account/Login" : "/");
        var fields = new Dictionary<string, string>(f.Fields(d)) { ["__RequestVerificationToken"] = token };
        if (f.Arrange is not null)
        {
            foreach (var (name, value) in await f.Arrange(app)) fields[name] = value;
        }
        var before = await MatrixState.FingerprintAsync(app);
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(path, content, TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        var after = await MatrixState.FingerprintAsync(app);

        if (actor == Anonymous)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/Login", StringComparison.Ordinal),
                $"anonymous posting {form} must be sent to /Account/Login, got {status} {location}");
            Assert.Equal(before, after);
        }
        else if (f.Allowed.Contains(actor))
        {
            // Back to the profile after a profile form is a success; to sign-in or "denied" is not.
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && !location.Contains("/Account/Login", StringComparison.Ordinal)
                && !location.Contains("/Account/Denied", StringComparison.Ordinal),
                $"{actor} may {form}, but got {status} {location}");
            Assert.NotEqual(before, after);
        }
        else
        {
            // A refused form may also come back as the page with the reason on it; what matters is that nothing changed.
            Assert.True(status < 500, $"{actor} posting {form} got {status}");
            Assert.False(response.StatusCode == HttpStatusCode.Redirect && !location.Contains("/Account/Denied", StringComparison.Ordinal),
                $"{actor} must not {form}, but was redirected to {location} as after a success");
            Assert.Equal(before, after);
        }
    }

    /// <summary>Every page and form, as each person of another community, and anyone not signed in, who may not use it.</summary>
    public static TheoryData<string, string> StrangerCells()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, allowed) in Pages.Select(p => (p.Name, p.Allowed)).Concat(Forms.Select(f => (f.Name, f.Allowed))))
        {
            foreach (var actor in new[] { Anonymous, OtherCommunity, OtherCoordinator }.Where(a => !allowed.Contains(a))) data.Add(name, actor);
        }
        return data;
    }

    /// <summary>
    /// Issue 11, finding 7: for a person of another community, Dudley's real ids answer exactly as ids that
    /// exist nowhere: the same status, the same redirect, the same page.
    /// </summary>
    [Theory]
    [MemberData(nameof(StrangerCells))]
    public async Task Another_communitys_ids_answer_like_ids_that_do_not_exist(string name, string actor)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await app.PagesAsync(Actors.Login(actor));
        await MatrixState.ResetAsync(app);
        var real = app.Demo;
        var nowhere = Strangers.Randomised(real);
        var page = Pages.SingleOrDefault(p => p.Name == name);
        string realAnswer, randomAnswer;
        if (page is not null)
        {
            realAnswer = await GetAsync(page.Path(real));
            randomAnswer = await GetAsync(page.Path(nowhere));
        }
        else
        {
            var form = Forms.Single(f => f.Name == name);
            var token = await MutuaFactory.AntiforgeryTokenAsync(client, actor == Anonymous ? "/Account/Login" : "/");
            realAnswer = await PostAsync(form.Path(real), form.Fields(real), token);
            randomAnswer = await PostAsync(form.Path(nowhere), form.Fields(nowhere), token);
        }
        Assert.True(realAnswer == randomAnswer, $"{actor} on {name} can tell Dudley's ids from random ones:\nreal:   {realAnswer}\nrandom: {randomAnswer}");

        async Task<string> GetAsync(string path)
        {
            using var response = await client.GetAsync(path, ct);
            return await Strangers.DescribeAsync(response, path, ct);
        }

        async Task<string> PostAsync(string path, Dictionary<string, string> fields, string token)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
            using var response = await client.PostAsync(path, content, ct);
            return await Strangers.DescribeAsync(response, path + " " + string.Join(" ", fields.Values), ct);
        }
    }

    private static void AssertDenied(HttpResponseMessage response, string what)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/Denied", StringComparison.Ordinal)),
            $"{what} must be refused (403, 404 or /Account/Denied), got {(int)response.StatusCode} {location}");
    }
}
