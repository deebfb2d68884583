using Mutua.Core;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.Communities;
using Mutua.Web.Tests.Infrastructure;
using static Mutua.Web.Tests.Infrastructure.Actors;

namespace Mutua.Web.Tests.Security;

/// <summary>
/// Every endpoint under /api/v1 × every kind of person (DESIGN §6: "every endpoint is tested for the
/// roles that may and may not use it"). Allowed: 2xx. Denied: 401 for anonymous, 403 or 404 for a
/// signed-in person, and nothing in the database changed. Never a 500.
/// </summary>
public sealed class ApiAccessMatrixTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    /// <summary>What a cell needs: the demo's ids and whatever its arrangement made.</summary>
    public sealed class Cell(DemoPeople d)
    {
        public DemoPeople D { get; } = d;
        public string Unique { get; } = Guid.NewGuid().ToString("N")[..8];
        public Guid InvitationId { get; set; }
        public string Code { get; set; } = "";
        public Guid PledgeId { get; set; }
        public Guid SessionId { get; set; }
        public Guid SavingsGroupId { get; set; }
        public static string LastMonth => DateTime.UtcNow.AddDays(-40).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record Endpoint(string Name, string Method, Func<Cell, string> Path, string[] Allowed,
        Func<Cell, object>? Body = null, Func<MutuaFactory, Cell, Task>? Arrange = null, Func<HttpContent>? Content = null);

    private static readonly string[] Everyone = Actors.SignedIn;
    private static readonly string[] InCommunity = [SameHousehold, OtherHousehold, Coordinator, Sponsor, Admin];
    private static readonly string[] PeopleOfCommunity = [SameHousehold, OtherHousehold, Coordinator, Admin];
    private static readonly string[] Managers = [Coordinator, Admin];
    private static readonly string[] OwnHouseholdAndManagers = [SameHousehold, Coordinator, Admin];
    private static readonly string[] OwnHouseholdOnly = [SameHousehold];
    private static readonly string[] AdminOnly = [Admin];
    private static readonly string[] SupportersInCommunity = [OtherHousehold, Coordinator, Sponsor, Admin];
    private static readonly string[] SupportersAnywhere = [OtherHousehold, Coordinator, Sponsor, Admin, OtherCommunity, OtherCoordinator];
    private static readonly string[] SponsorOnly = [Sponsor];
    private static readonly string[] Nobody = [];
    // The rotating group SavingsGroupAsync makes: Jamal started it (its secretary), Keisha is a member.
    private static readonly string[] SavingsMembers = [SameHousehold, OtherHousehold];
    private static readonly string[] SavingsOfficers = [SameHousehold];
    // Anyone of a household of the community starts a group (Denise the coordinator has one); not the sponsor or the admin.
    private static readonly string[] HouseholdsOfCommunity = [SameHousehold, OtherHousehold, Coordinator];
    // A community's savings groups as aggregates: its coordinators and sponsors, and admins; not the groups' members.
    private static readonly string[] SavingsRollUpViewers = [Coordinator, Sponsor, Admin];

    public static readonly Endpoint[] Endpoints =
    [
        new("GET /me", "GET", _ => "/api/v1/me", Everyone),
        new("PATCH /me", "PATCH", _ => "/api/v1/me", Everyone, _ => new { }),
        new("GET /me/buddy-contact", "GET", _ => "/api/v1/me/buddy-contact", Everyone),
        new("PUT /me/buddy-contact", "PUT", _ => "/api/v1/me/buddy-contact", Everyone, _ => new { phone = "+1 617 555 0142", atGroupMeeting = true }),
        new("GET /me/sessions", "GET", _ => "/api/v1/me/sessions", Everyone),
        new("DELETE /me/sessions/{id}", "DELETE", c => $"/api/v1/me/sessions/{c.SessionId}", OwnHouseholdOnly,
            Arrange: async (app, c) => c.SessionId = await MatrixState.OtherSessionAsync(app, c.D.Jamal)),
        new("POST /me/sessions/end-others", "POST", _ => "/api/v1/me/sessions/end-others", Everyone),
        // The same password again: the password stays what the other cells sign in with.
        new("POST /me/password", "POST", _ => "/api/v1/me/password", Everyone,
            _ => new { currentPassword = MutuaFactory.Password, newPassword = MutuaFactory.Password }),

        new("GET /communities", "GET", _ => "/api/v1/communities", Everyone),
        new("POST /communities", "POST", _ => "/api/v1/communities", AdminOnly, c => new
        {
            name = $"Test community {c.Unique}", place = "Lowell, Massachusetts", country = "US", defaultLanguage = "en",
            currency = "USD", timeZone = "America/New_York",
        }),
        new("GET /communities/{id}", "GET", c => $"/api/v1/communities/{c.D.Dudley}", InCommunity),
        new("PUT /communities/{id}/agency", "PUT", c => $"/api/v1/communities/{c.D.Dudley}/agency", Managers,
            c => new { name = $"Agency {c.Unique}", about = "Visits families.", contact = "Karen" }),
        // A newcomer's own; none of these people joined Dudley as one (a newcomer: Communities/WelcomePageTests).
        new("GET /communities/{id}/welcome", "GET", c => $"/api/v1/communities/{c.D.Dudley}/welcome", Nobody),

        new("GET /communities/{id}/groups", "GET", c => $"/api/v1/communities/{c.D.Dudley}/groups", InCommunity),
        new("POST /communities/{id}/groups", "POST", c => $"/api/v1/communities/{c.D.Dudley}/groups", Managers,
            c => new { name = $"Group {c.Unique}" }),
        new("GET /groups/{id}", "GET", c => $"/api/v1/groups/{c.D.WarrenStreetCircle}", PeopleOfCommunity),
        new("PATCH /groups/{id}", "PATCH", c => $"/api/v1/groups/{c.D.WarrenStreetCircle}", Managers,
            c => new { name = $"Warren Street {c.Unique}" }),

        new("GET /communities/{id}/households", "GET", c => $"/api/v1/communities/{c.D.Dudley}/households", Managers),
        new("POST /communities/{id}/households", "POST", c => $"/api/v1/communities/{c.D.Dudley}/households", Managers,
            c => new { name = $"Household {c.Unique}", groupId = c.D.DudleyParents }),
        new("GET /households/{id}", "GET", c => $"/api/v1/households/{c.D.JamalHousehold}", OwnHouseholdAndManagers),
        new("PATCH /households/{id} rename", "PATCH", c => $"/api/v1/households/{c.D.JamalHousehold}", OwnHouseholdOnly,
            c => new { name = $"Jamal, Rosa & kids {c.Unique}" }),
        new("PATCH /households/{id} move to another group", "PATCH", c => $"/api/v1/households/{c.D.JamalHousehold}", Managers,
            c => new { groupId = c.D.BlueHillSavers }),
        new("PATCH /households/{id} ungroup", "PATCH", c => $"/api/v1/households/{c.D.JamalHousehold}", Managers,
            _ => new { ungroup = true }),

        new("GET /communities/{id}/people", "GET", c => $"/api/v1/communities/{c.D.Dudley}/people", Managers),
        new("POST /communities/{id}/people/{person}/roles supporter", "POST",
            c => $"/api/v1/communities/{c.D.Dudley}/people/{c.D.Andre}/roles", Managers, _ => new { role = "supporter" }),
        new("POST /communities/{id}/people/{person}/roles coordinator", "POST",
            c => $"/api/v1/communities/{c.D.Dudley}/people/{c.D.Andre}/roles", AdminOnly, _ => new { role = "coordinator" }),
        new("DELETE /communities/{id}/people/{person}/roles/{role} supporter", "DELETE",
            c => $"/api/v1/communities/{c.D.Dudley}/people/{c.D.Andre}/roles/Supporter", Managers,
            Arrange: (app, c) => GrantAsync(app, c.D.Andre, c.D.Dudley, Role.Supporter)),
        new("DELETE /communities/{id}/people/{person}/roles/{role} sponsor", "DELETE",
            c => $"/api/v1/communities/{c.D.Dudley}/people/{c.D.Andre}/roles/Sponsor", AdminOnly,
            Arrange: (app, c) => GrantAsync(app, c.D.Andre, c.D.Dudley, Role.Sponsor)),

        new("GET /communities/{id}/invitations", "GET", c => $"/api/v1/communities/{c.D.Dudley}/invitations", InCommunity),
        new("POST /communities/{id}/invitations new household in own group", "POST",
            c => $"/api/v1/communities/{c.D.Dudley}/invitations", PeopleOfCommunity,
            c => new { role = "member", newHouseholdName = $"The {c.Unique} family" }),
        new("POST /communities/{id}/invitations into the household", "POST",
            c => $"/api/v1/communities/{c.D.Dudley}/invitations", OwnHouseholdAndManagers,
            c => new { role = "member", householdId = c.D.JamalHousehold }),
        new("POST /communities/{id}/invitations new household in another group", "POST",
            c => $"/api/v1/communities/{c.D.Dudley}/invitations", Managers,
            c => new { role = "member", groupId = c.D.BlueHillSavers }),
        new("POST /communities/{id}/invitations supporter", "POST",
            c => $"/api/v1/communities/{c.D.Dudley}/invitations", Managers, _ => new { role = "supporter" }),
        new("POST /communities/{id}/invitations sponsor", "POST",
            c => $"/api/v1/communities/{c.D.Dudley}/invitations", AdminOnly, _ => new { role = "sponsor" }),
        new("DELETE /invitations/{id} made by the coordinator", "DELETE", c => $"/api/v1/invitations/{c.InvitationId}", Managers,
            Arrange: (app, c) => InviteAsync(app, c, c.D.Denise)),
        new("DELETE /invitations/{id} made by the household", "DELETE", c => $"/api/v1/invitations/{c.InvitationId}", OwnHouseholdAndManagers,
            Arrange: (app, c) => InviteAsync(app, c, c.D.Jamal, c.D.JamalHousehold)),
        new("GET /invitation-codes/{code}", "GET", c => $"/api/v1/invitation-codes/{c.Code}", Actors.All,
            Arrange: (app, c) => InviteAsync(app, c, c.D.Denise)),

        new("GET /households/{id}/checkins", "GET", c => $"/api/v1/households/{c.D.JamalHousehold}/checkins", OwnHouseholdOnly),
        new("GET /households/{id}/checkins/{month}", "GET", c => $"/api/v1/households/{c.D.JamalHousehold}/checkins/{Cell.LastMonth}",
            OwnHouseholdOnly, Arrange: CheckInAsync),
        new("PUT /households/{id}/checkins/{month}", "PUT", c => $"/api/v1/households/{c.D.JamalHousehold}/checkins/{Cell.LastMonth}",
            OwnHouseholdOnly, c => new { savingsBalance = 12_500, whatsNew = $"Saved a little more ({c.Unique})" }),

        // Aggregates only (small cells suppressed), so everyone with a place in the community may read them.
        new("GET /communities/{id}/insights", "GET", c => $"/api/v1/communities/{c.D.Dudley}/insights", InCommunity),
        new("GET /communities/{id}/insights?groupId&format=csv", "GET",
            c => $"/api/v1/communities/{c.D.Dudley}/insights?groupId={c.D.WarrenStreetCircle}&format=csv", InCommunity),

        // The help network: names for the community's people, anonymous ids for its sponsors (tested in NetworkApiTests).
        new("GET /communities/{id}/network", "GET", c => $"/api/v1/communities/{c.D.Dudley}/network", InCommunity),
        new("GET /communities/{id}/network?format=gexf", "GET", c => $"/api/v1/communities/{c.D.Dudley}/network?format=gexf", InCommunity),
        new("GET /communities/{id}/network/attention", "GET", c => $"/api/v1/communities/{c.D.Dudley}/network/attention", Managers),
        new("GET /households/{id}/circle", "GET", c => $"/api/v1/households/{c.D.JamalHousehold}/circle", OwnHouseholdAndManagers),
        // A household's sharing settings: nobody outside a family reads or edits them, coordinators included.
        new("GET /households/{id}/sharing", "GET", c => $"/api/v1/households/{c.D.JamalHousehold}/sharing", OwnHouseholdOnly),
        new("PUT /households/{id}/sharing", "PUT", c => $"/api/v1/households/{c.D.JamalHousehold}/sharing", OwnHouseholdOnly,
            _ => new { nameOnMap = "group" }),
        // Projects: "Tool library in the basement" is Jamal & Rosa's, published to Dudley only; the food cart is public.
        new("GET /projects", "GET", _ => "/api/v1/projects?q=tool&sort=newest", Everyone),
        new("POST /projects", "POST", _ => "/api/v1/projects", OwnHouseholdOnly, c => new
        {
            householdId = c.D.JamalHousehold, title = $"Bike repair {c.Unique}", story = "Fixing bikes for kids on the block.", category = "smallBusiness",
            needs = new object[] { new { kind = "money", description = "Tools", target = 30_000 } },
        }),
        new("GET /projects/{id}", "GET", c => $"/api/v1/projects/{c.D.ToolLibrary}", InCommunity),
        new("GET /projects/{id} public", "GET", c => $"/api/v1/projects/{c.D.FoodCart}", Everyone),
        new("PATCH /projects/{id}", "PATCH", c => $"/api/v1/projects/{c.D.ToolLibrary}", OwnHouseholdOnly, c => new { title = $"Tool library {c.Unique}" }),
        new("POST /projects/{id}/updates", "POST", c => $"/api/v1/projects/{c.D.ToolLibrary}/updates", OwnHouseholdOnly,
            c => new { text = $"Shelves are up ({c.Unique})" }),
        new("POST /projects/{id}/photos", "POST", c => $"/api/v1/projects/{c.D.ToolLibrary}/photos", OwnHouseholdOnly, Content: PhotoContent),
        new("POST /projects/{id}/verification", "POST", c => $"/api/v1/projects/{c.D.ToolLibrary}/verification", SponsorOnly,
            _ => new { note = "Visited the basement." }),
        new("DELETE /projects/{id}/verification", "DELETE", c => $"/api/v1/projects/{c.D.ToolLibrary}/verification", SponsorOnly,
            Arrange: (app, c) => VerifyAsync(app, c)),
        new("POST /projects/{id}/pledges", "POST", c => $"/api/v1/projects/{c.D.ToolLibrary}/pledges", SupportersInCommunity,
            c => new { needId = c.D.ToolLibraryMoney, amount = 2_500 }),
        new("POST /projects/{id}/pledges to a public project", "POST", c => $"/api/v1/projects/{c.D.FoodCart}/pledges", SupportersAnywhere,
            c => new { needId = c.D.FoodCartMoney, amount = 2_500 }),
        new("POST /pledges/{id}/confirmation", "POST", c => $"/api/v1/pledges/{c.PledgeId}/confirmation", OwnHouseholdOnly,
            _ => new { reference = "Zelle 5521" }, Arrange: (app, c) => PledgeAsync(app, c)),
        new("DELETE /pledges/{id}", "DELETE", c => $"/api/v1/pledges/{c.PledgeId}", [OtherHousehold], Arrange: (app, c) => PledgeAsync(app, c)),
        new("PUT /projects/{id}/follow", "PUT", c => $"/api/v1/projects/{c.D.ToolLibrary}/follow", InCommunity),
        new("DELETE /projects/{id}/follow", "DELETE", c => $"/api/v1/projects/{c.D.ToolLibrary}/follow", InCommunity),
        new("GET /projects/{id}/spread", "GET", c => $"/api/v1/projects/{c.D.ToolLibrary}/spread", InCommunity),
        // Dudley's ambassador is Fatima, none of the actors: the dashboard is hers alone.
        new("GET /ambassador", "GET", _ => "/api/v1/ambassador", Nobody),

        // Savings groups (issue 14): the group's members read its books, its officers write them.
        new("POST /savings-groups", "POST", _ => "/api/v1/savings-groups", HouseholdsOfCommunity, c => new
        {
            communityId = c.D.Dudley, name = $"Tanda {c.Unique}", kind = "rosca", members = new[] { c.D.Jamal, c.D.Keisha },
            constitution = new { sharePrice = 50_00 },
        }),
        new("GET /savings-groups/{id}", "GET", c => $"/api/v1/savings-groups/{c.SavingsGroupId}", SavingsMembers, Arrange: SavingsGroupAsync),
        new("POST /savings-groups/{id}/meetings", "POST", c => $"/api/v1/savings-groups/{c.SavingsGroupId}/meetings", SavingsOfficers,
            _ => new { date = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), boxCash = 0 },
            Arrange: SavingsGroupAsync),
        // A recorded meeting's sheet: the demo's meetings of Warren Street Savings Circle (Jamal's, Keisha a member).
        new("GET /savings-groups/{id}/meetings/{number}", "GET", c => $"/api/v1/savings-groups/{c.D.WarrenStreetSavings}/meetings/1", SavingsMembers),
        new("GET /savings-groups/{id}/passbook/{personId}", "GET", c => $"/api/v1/savings-groups/{c.SavingsGroupId}/passbook/{c.D.Keisha}",
            SavingsMembers, Arrange: SavingsGroupAsync),
        new("GET /savings-groups/{id}/payout-order", "GET", c => $"/api/v1/savings-groups/{c.SavingsGroupId}/payout-order", SavingsMembers,
            Arrange: SavingsGroupAsync),
        new("PUT /savings-groups/{id}/payout-order", "PUT", c => $"/api/v1/savings-groups/{c.SavingsGroupId}/payout-order", SavingsOfficers,
            c => new { order = new[] { c.D.Keisha, c.D.Jamal } }, Arrange: SavingsGroupAsync),
        new("GET /savings-groups/{id}/share-out", "GET", c => $"/api/v1/savings-groups/{c.SavingsGroupId}/share-out", SavingsMembers,
            Arrange: SavingsGroupAsync),
        new("POST /savings-groups/{id}/share-out", "POST", c => $"/api/v1/savings-groups/{c.SavingsGroupId}/share-out", SavingsOfficers,
            _ => new { }, Arrange: SavingsGroupAsync),
        new("GET /communities/{id}/savings", "GET", c => $"/api/v1/communities/{c.D.Dudley}/savings", SavingsRollUpViewers),

        // Personal data (issue 11): a household's own members only, not its coordinator, sponsor or admin.
        new("GET /households/{id}/data", "GET", c => $"/api/v1/households/{c.D.JamalHousehold}/data", OwnHouseholdOnly),
        // Closing acts on the caller alone; without the password nobody gets through (a real closure: PersonalDataTests).
        new("POST /me/closure with a wrong password", "POST", _ => "/api/v1/me/closure", Nobody,
            _ => new { password = "not the password", confirm = true }),
    ];

    private static HttpContent PhotoContent()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestPhoto.Png());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "photo", "shelves.png");
        return form;
    }


    private static Task VerifyAsync(MutuaFactory app, Cell c) => app.WithDbAsync(async db =>
    {
        await db.Projects.Where(p => p.Id == c.D.ToolLibrary).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.VerifiedAt, DateTimeOffset.UtcNow).SetProperty(p => p.VerifiedById, c.D.Sponsor));
    });

    /// <summary>A rotating group of Jamal's (its secretary) with Keisha, started a week ago so a meeting of yesterday fits.</summary>
    private static Task SavingsGroupAsync(MutuaFactory app, Cell c) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var group = new Mutua.Core.Savings.SavingsGroup
        {
            CommunityId = c.D.Dudley, Name = $"Tanda {c.Unique}", Kind = Mutua.Core.Savings.SavingsGroupKind.Rosca, Currency = "USD",
            CreatedById = c.D.Jamal, CreatedAt = now,
        };
        db.SavingsGroups.Add(group);
        db.SavingsCycles.Add(new Mutua.Core.Savings.SavingsCycle
        {
            GroupId = group.Id, Number = 1, StartedAt = now, StartedOn = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-7)), SharePrice = 50_00,
            MaxSharesPerMeeting = 1,
        });
        db.SavingsMembers.AddRange(new[] { c.D.Jamal, c.D.Keisha }.Select(p => new Mutua.Core.Savings.SavingsMember
        {
            GroupId = group.Id, PersonId = p, JoinedAt = now,
        }));
        db.SavingsOfficers.Add(new Mutua.Core.Savings.SavingsOfficer
        {
            GroupId = group.Id, PersonId = c.D.Jamal, Role = Mutua.Core.Savings.SavingsOfficerRole.Secretary, ChosenAt = now,
        });
        await db.SaveChangesAsync();
        c.SavingsGroupId = group.Id;
    });

    private static Task PledgeAsync(MutuaFactory app, Cell c) => app.WithDbAsync(async db =>
    {
        var pledge = new Mutua.Core.Projects.Pledge
        {
            ProjectId = c.D.ToolLibrary, NeedId = c.D.ToolLibraryMoney, PersonId = c.D.Keisha, Amount = 5_000, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Pledges.Add(pledge);
        await db.SaveChangesAsync();
        c.PledgeId = pledge.Id;
    });

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var actor in Actors.All) data.Add(endpoint.Name, actor);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Api_access(string endpoint, string actor)
    {
        var ct = TestContext.Current.CancellationToken;
        var e = Endpoints.Single(x => x.Name == endpoint);
        var allowed = e.Allowed.Contains(actor);
        using var client = await app.ApiAsync(Actors.Login(actor));
        await MatrixState.ResetAsync(app);
        var cell = new Cell(app.Demo);
        if (e.Arrange is not null) await e.Arrange(app, cell);
        var before = await MatrixState.FingerprintAsync(app);

        using var request = new HttpRequestMessage(new HttpMethod(e.Method), e.Path(cell));
        if (e.Body is not null) request.Content = JsonContent.Create(e.Body(cell));
        if (e.Content is not null) request.Content = e.Content();
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var status = (int)response.StatusCode;

        if (allowed)
        {
            Assert.True(status is >= 200 and < 300, $"{actor} may use {endpoint}, but it answered {status}: {body}");
        }
        else
        {
            if (actor == Anonymous)
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"anonymous must get 401 from {endpoint}, got {status}: {body}");
            else
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                    $"{actor} must get 403 or 404 from {endpoint}, got {status}: {body}");
            Assert.Equal(before, await MatrixState.FingerprintAsync(app));
        }
    }

    /// <summary>Every row, as each person of another community, and anyone not signed in, who may not use it.</summary>
    public static TheoryData<string, string> StrangerCells()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var actor in new[] { Anonymous, OtherCommunity, OtherCoordinator }.Where(a => !endpoint.Allowed.Contains(a))) data.Add(endpoint.Name, actor);
        }
        return data;
    }

    /// <summary>
    /// Issue 11, finding 7: a refusal must not tell that an id exists. For a person of another community,
    /// Dudley's real ids answer exactly as ids that exist nowhere (status, content type, body).
    /// </summary>
    [Theory]
    [MemberData(nameof(StrangerCells))]
    public async Task Another_communitys_ids_answer_like_ids_that_do_not_exist(string endpoint, string actor)
    {
        var ct = TestContext.Current.CancellationToken;
        var e = Endpoints.Single(x => x.Name == endpoint);
        using var client = await app.ApiAsync(Actors.Login(actor));
        await MatrixState.ResetAsync(app);
        var cell = new Cell(app.Demo);
        if (e.Arrange is not null) await e.Arrange(app, cell);
        var nowhere = new Cell(Strangers.Randomised(app.Demo)) { InvitationId = Guid.NewGuid(), PledgeId = Guid.NewGuid(), Code = cell.Code, SavingsGroupId = Guid.NewGuid() };

        var real = await DescribeAsync(client, e, cell, ct);
        var random = await DescribeAsync(client, e, nowhere, ct);

        Assert.True(real == random, $"{actor} on {endpoint} can tell Dudley's ids from random ones:\nreal:   {real}\nrandom: {random}");
    }

    private static async Task<string> DescribeAsync(HttpClient client, Endpoint e, Cell cell, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(e.Method), e.Path(cell));
        var body = "";
        if (e.Body is not null)
        {
            body = System.Text.Json.JsonSerializer.Serialize(e.Body(cell));
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }
        if (e.Content is not null) request.Content = e.Content();
        using var response = await client.SendAsync(request, ct);
        return await Strangers.DescribeAsync(response, e.Path(cell) + " " + body, ct);
    }

    [Fact]
    public void Every_mapped_api_endpoint_is_in_the_matrix()
    {
        // Route patterns the app maps under /api/v1, except sign-in and the code journeys (tested in InvitationJourneyTests).
        var mapped = app.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(r => r.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(r => (r.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {Normalise(r.RoutePattern.RawText!)}"))
            // Sign-in, refresh and sign-out act on the caller's own tokens: SessionTests covers them.
            .Where(x => !x.Contains("/auth/", StringComparison.Ordinal)
                && !x.EndsWith("/signup", StringComparison.Ordinal) && !x.EndsWith("/redemption", StringComparison.Ordinal))
            .Distinct().Order().ToList();
        var covered = Endpoints.Select(e => $"{e.Method} {Normalise("/api/v1" + e.Name[(e.Name.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split(' ')[0])}")
            .ToHashSet();
        Assert.True(mapped.Count >= 20, $"expected the API's endpoints, found {mapped.Count}: {string.Join(", ", mapped)}");
        var missing = mapped.Where(m => !covered.Contains(m)).ToList();
        Assert.True(missing.Count == 0, "endpoints missing from the authorisation matrix: " + string.Join(", ", missing));
    }

    /// <summary>"/communities/{communityId:guid}/groups" and "/communities/{id}/groups" read alike.</summary>
    private static string Normalise(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, "\\{[^}]+\\}", "{}");

    private static Task GrantAsync(MutuaFactory app, Guid person, Guid community, Role role) => app.WithDbAsync(async db =>
    {
        db.CommunityRoles.Add(new CommunityRole { CommunityId = community, PersonId = person, Role = role, GrantedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    });

    private static Task InviteAsync(MutuaFactory app, Cell c, Guid by, Guid? household = null) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var invitation = new Invitation
        {
            Code = InvitationCodes.NewCode(), CommunityId = c.D.Dudley, Role = Role.Member, CreatedById = by, CreatedAt = now,
            ExpiresAt = now.AddDays(14), HouseholdId = household, GroupId = household is null ? c.D.WarrenStreetCircle : null,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        c.InvitationId = invitation.Id;
        c.Code = invitation.Code;
    });

    private static async Task CheckInAsync(MutuaFactory app, Cell c)
    {
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        using var put = await jamal.PutAsJsonAsync($"/api/v1/households/{c.D.JamalHousehold}/checkins/{Cell.LastMonth}",
            new { savingsBalance = 10_000, whatsNew = "Started a savings jar." });
        Assert.True(put.IsSuccessStatusCode, $"arranging a check-in answered {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync()}");
    }
}
