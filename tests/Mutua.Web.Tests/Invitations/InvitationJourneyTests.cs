using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Auditing;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Invitations;

/// <summary>Families recruit their own peers: a code made by a member, previewed and used by a newcomer.</summary>
public sealed class InvitationJourneyTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string UsedInEnglish = "This invitation code has already been used. Ask the person who invited you for a new one.";

    [Fact]
    public async Task A_member_invites_a_new_household_into_her_group_and_the_newcomer_lands_there()
    {
        var d = app.Demo;
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        using var created = await keisha.PostAsJsonAsync($"/api/v1/communities/{d.Dudley}/invitations",
            new { role = "member", newHouseholdName = "Los Ortega" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invitation = await Json(created);
        var code = invitation.GetProperty("code").GetString()!;
        Assert.Equal(d.DudleyParents, invitation.GetProperty("groupId").GetGuid());
        Assert.Equal("open", invitation.GetProperty("state").GetString());
        Assert.Equal($"/api/v1/invitation-codes/{code}", created.Headers.Location?.ToString());

        // The newcomer, not signed in, sees where the code leads, typed the way people type it.
        using var anonymous = await app.ApiAsync(null);
        var typed = $"{code[..4].ToLowerInvariant()}-{code[4..].ToLowerInvariant()}";
        using var preview = await anonymous.GetAsync($"/api/v1/invitation-codes/{typed}", Ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var where = await Json(preview);
        Assert.Equal("Dudley Neighbors Together", where.GetProperty("communityName").GetString());
        Assert.Equal("Dudley Parents", where.GetProperty("groupName").GetString());
        Assert.Equal("Keisha", where.GetProperty("invitedByFirstName").GetString());
        Assert.DoesNotContain("Williams", where.GetRawText(), StringComparison.Ordinal); // no surnames, no full names

        using var signup = await anonymous.PostAsJsonAsync($"/api/v1/invitation-codes/{code}/signup", new
        {
            firstName = "Lucía", fullName = "Lucía Ortega Ramos", login = "lucia.ortega@example.org", password = "una frase larga y segura", language = "es",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
        var joined = await Json(signup);
        Assert.Equal(d.Dudley, joined.GetProperty("communityId").GetGuid());
        Assert.Equal(d.DudleyParents, joined.GetProperty("groupId").GetGuid());

        var token = await MutuaFactory.LoginAsync(anonymous, "lucia.ortega@example.org", "una frase larga y segura");
        using var lucia = app.NewClient(cookies: false);
        lucia.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var meResponse = await lucia.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.OK, meResponse.StatusCode);
        var me = await Json(meResponse);
        Assert.Equal("Lucía", me.GetProperty("firstName").GetString());
        Assert.Equal("es", me.GetProperty("language").GetString());
        var household = Assert.Single(me.GetProperty("households").EnumerateArray());
        Assert.Equal(d.Dudley, household.GetProperty("communityId").GetGuid());
        Assert.Equal(d.DudleyParents, household.GetProperty("groupId").GetGuid());
        Assert.Equal(joined.GetProperty("householdId").GetGuid(), household.GetProperty("id").GetGuid());
        var community = Assert.Single(me.GetProperty("communities").EnumerateArray());
        Assert.Equal(d.Dudley, community.GetProperty("id").GetGuid());
        Assert.Contains("member", community.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // She sees her group with the new household in it, by first names only.
        using var group = await lucia.GetAsync($"/api/v1/groups/{d.DudleyParents}", Ct);
        Assert.Equal(HttpStatusCode.OK, group.StatusCode);
        var groupJson = (await Json(group)).GetRawText();
        Assert.Contains("Los Ortega", groupJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Ortega Ramos", groupJson, StringComparison.Ordinal);

        // The same code again: 409, in Spanish for a Spanish speaker, and no second account.
        var people = await app.WithDbAsync(db => db.Users.CountAsync());
        using var spanish = await app.ApiAsync(null, "es");
        using var again = await spanish.PostAsJsonAsync($"/api/v1/invitation-codes/{code}/signup", new
        {
            firstName = "Otra", login = "otra@example.org", password = "otra frase larga", language = "es",
        }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await Json(again);
        Assert.Equal("invitation_used", problem.GetProperty("error").GetString());
        var title = problem.GetProperty("title").GetString();
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.NotEqual(UsedInEnglish, title);
        Assert.Equal(people, await app.WithDbAsync(db => db.Users.CountAsync()));

        // And the journey is in the audit log: made, redeemed, role given.
        var invitationId = invitation.GetProperty("id").GetGuid().ToString();
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Subject == invitationId).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.InvitationCreated, audit);
        Assert.Contains(AuditActions.InvitationRedeemed, audit);
        var personId = joined.GetProperty("personId").GetGuid().ToString();
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.RoleGranted && a.Subject == personId)));
    }

    [Fact]
    public async Task A_used_code_is_refused_in_English_by_default_with_a_clear_message()
    {
        var code = await NewCodeAsync();
        using var anonymous = await app.ApiAsync(null, "en");
        using var first = await SignUpAsync(anonymous, code, "first.user@example.org");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var preview = await anonymous.GetAsync($"/api/v1/invitation-codes/{code}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, preview.StatusCode);
        Assert.Equal(UsedInEnglish, (await Json(preview)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_expired_code_answers_410_and_creates_nobody()
    {
        var code = await NewCodeAsync();
        await app.WithDbAsync(db => db.Invitations.Where(i => i.Code == code)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var people = await app.WithDbAsync(db => db.Users.CountAsync());
        using var anonymous = await app.ApiAsync(null);
        using var preview = await anonymous.GetAsync($"/api/v1/invitation-codes/{code}", Ct);
        Assert.Equal(HttpStatusCode.Gone, preview.StatusCode);
        Assert.Equal("invitation_expired", (await Json(preview)).GetProperty("error").GetString());
        using var signup = await SignUpAsync(anonymous, code, "late.comer@example.org");
        Assert.Equal(HttpStatusCode.Gone, signup.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await Json(signup)).GetProperty("title").GetString()));
        Assert.Equal(people, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_withdrawn_code_answers_410_and_creates_nobody()
    {
        var d = app.Demo;
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        using var created = await jamal.PostAsJsonAsync($"/api/v1/communities/{d.Dudley}/invitations",
            new { role = "member", householdId = d.JamalHousehold }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invitation = await Json(created);
        var code = invitation.GetProperty("code").GetString()!;
        using var revoked = await jamal.DeleteAsync($"/api/v1/invitations/{invitation.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await Json(revoked)).GetProperty("state").GetString());

        var people = await app.WithDbAsync(db => db.Users.CountAsync());
        using var anonymous = await app.ApiAsync(null);
        using var preview = await anonymous.GetAsync($"/api/v1/invitation-codes/{code}", Ct);
        Assert.Equal(HttpStatusCode.Gone, preview.StatusCode);
        Assert.Equal("invitation_revoked", (await Json(preview)).GetProperty("error").GetString());
        using var signup = await SignUpAsync(anonymous, code, "too.late@example.org");
        Assert.Equal(HttpStatusCode.Gone, signup.StatusCode);
        Assert.Equal(people, await app.WithDbAsync(db => db.Users.CountAsync()));

        // Withdrawing twice is refused, not an error.
        using var twice = await jamal.DeleteAsync($"/api/v1/invitations/{invitation.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(HttpStatusCode.Gone, twice.StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("ZZZZ-ZZZZ")]
    [InlineData("0000-0000")]
    [InlineData("%20")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456-789A-BCDE-FGHJ-KMNP-QRST-UVWX-YZ23-4567-89AB-CDEF-GHJK-MNPQ-RSTU-VWXY-Z234")]
    [InlineData("%E2%9C%93%F0%9F%98%80")]
    [InlineData("'%20OR%201=1--")]
    public async Task An_unknown_or_garbled_code_gets_a_clear_4xx_and_never_a_500(string code)
    {
        using var anonymous = await app.ApiAsync(null, "es");
        using var preview = await anonymous.GetAsync($"/api/v1/invitation-codes/{code}", Ct);
        Assert.True(preview.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"preview of {code} answered {(int)preview.StatusCode}");
        if (preview.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await Json(preview);
            Assert.Equal("invitation_unknown", problem.GetProperty("error").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        }
        var people = await app.WithDbAsync(db => db.Users.CountAsync());
        using var signup = await SignUpAsync(anonymous, code, $"guess.{Guid.NewGuid():N}@example.org");
        Assert.True(signup.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"sign-up with {code} answered {(int)signup.StatusCode}");
        Assert.Equal(people, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Sign_up_with_bad_details_changes_nothing_and_leaves_the_code_usable()
    {
        var code = await NewCodeAsync();
        using var anonymous = await app.ApiAsync(null);
        var people = await app.WithDbAsync(db => db.Users.CountAsync());
        var households = await app.WithDbAsync(db => db.Households.CountAsync());
        object[] bad =
        [
            new { firstName = "", login = "a1@example.org", password = "long enough pass" },
            new { firstName = "   ", login = "a2@example.org", password = "long enough pass" },
            new { firstName = new string('x', 61), login = "a3@example.org", password = "long enough pass" },
            new { firstName = "Ana", fullName = new string('x', 121), login = "a4@example.org", password = "long enough pass" },
            new { firstName = "Ana", login = "", password = "long enough pass" },
            new { firstName = "Ana", login = "not a phone or e-mail", password = "long enough pass" },
            new { firstName = "Ana", login = "a5@example.org", password = "short" },
            new { firstName = "Ana", login = "a6@example.org" },
            new { firstName = "Ana", login = DemoPeople.KeishaLogin, password = "long enough pass" },
        ];
        foreach (var body in bad)
        {
            using var response = await anonymous.PostAsJsonAsync($"/api/v1/invitation-codes/{code}/signup", body, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict,
                $"{JsonSerializer.Serialize(body)} answered {(int)response.StatusCode}");
            Assert.False(string.IsNullOrWhiteSpace((await Json(response)).GetProperty("title").GetString()));
        }
        foreach (var raw in new[] { "{\"firstName\": 5, \"login\": \"b@example.org\", \"password\": \"long enough pass\"}", "{", "[]", "null", "" })
        {
            using var content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
            using var response = await anonymous.PostAsync($"/api/v1/invitation-codes/{code}/signup", content, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Equal(people, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(households, await app.WithDbAsync(db => db.Households.CountAsync()));

        using var preview = await anonymous.GetAsync($"/api/v1/invitation-codes/{code}", Ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        using var good = await SignUpAsync(anonymous, code, "finally.right@example.org");
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
    }

    [Fact]
    public async Task Someone_with_an_account_joins_another_community_with_a_code()
    {
        var d = app.Demo;
        var code = await NewCodeAsync();
        using var anonymous = await app.ApiAsync(null);
        using var refused = await anonymous.PostAsync($"/api/v1/invitation-codes/{code}/redemption", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // Already in Dudley: refused, code still open.
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        using var already = await keisha.PostAsync($"/api/v1/invitation-codes/{code}/redemption", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, already.StatusCode);
        Assert.Equal("already_member", (await Json(already)).GetProperty("error").GetString());

        // Rosario of Arvin joins Dudley as well, and keeps Arvin.
        using var rosario = await app.ApiAsync(DemoPeople.RosarioLogin);
        using var joined = await rosario.PostAsync($"/api/v1/invitation-codes/{code}/redemption", null, Ct);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        using var meResponse = await rosario.GetAsync("/api/v1/me", Ct);
        var me = await Json(meResponse);
        var communities = me.GetProperty("communities").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(d.Dudley, communities);
        Assert.Contains(d.Arvin, communities);
        Assert.Equal(2, me.GetProperty("households").GetArrayLength());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.InvitationRedeemed && a.ActorId == d.Rosario)));

        using var twice = await rosario.PostAsync($"/api/v1/invitation-codes/{code}/redemption", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task Newcomers_racing_for_one_code_make_one_account_and_no_error()
    {
        var code = await NewCodeAsync();
        var people = await app.WithDbAsync(db => db.Users.CountAsync());
        var clients = Enumerable.Range(0, 6).Select(_ => app.NewClient(cookies: false)).ToList();
        var results = await Task.WhenAll(clients.Select((c, i) => SignUpAsync(c, code, $"racer.{i}@example.org")));
        try
        {
            var statuses = results.Select(r => (int)r.StatusCode).Order().ToList();
            Assert.True(statuses.Count(s => s == 201) == 1 && statuses.Count(s => s == 409) == 5,
                "one newcomer gets the code, the others a 409: " + string.Join(", ", statuses));
            Assert.Equal(people + 1, await app.WithDbAsync(db => db.Users.CountAsync()));
        }
        finally
        {
            foreach (var r in results) r.Dispose();
            foreach (var c in clients) c.Dispose();
        }
    }

    [Fact]
    public async Task A_sign_up_through_the_API_with_an_ambassadors_link_counts_for_the_ambassador()
    {
        using var innocent = await app.ApiAsync("+250780000108");
        async Task<(string Code, int SignUps)> DashboardAsync()
        {
            using var answer = await innocent.GetAsync("/api/v1/ambassador", Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var json = await Json(answer);
            return (json.GetProperty("code").GetString()!, json.GetProperty("signUps").GetInt32());
        }
        var (via, before) = await DashboardAsync();
        using var anonymous = await app.ApiAsync(null);

        using var shared = await anonymous.PostAsJsonAsync($"/api/v1/invitation-codes/{await NewCodeAsync()}/signup?via={via}&project={app.Demo.FoodCart}",
            new { firstName = "Amara", fullName = "Amara Shared", login = "amara.shared@example.org", password = "a long pass phrase", language = "en" }, Ct);
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        Assert.Equal(before + 1, (await DashboardAsync()).SignUps);

        // A code that is nobody's counts for nobody, and the sign-up still goes through.
        using var unknown = await anonymous.PostAsJsonAsync($"/api/v1/invitation-codes/{await NewCodeAsync()}/signup?via=zzzzzzzz&project={app.Demo.FoodCart}",
            new { firstName = "Bea", fullName = "Bea Unknown", login = "bea.unknown@example.org", password = "a long pass phrase", language = "en" }, Ct);
        Assert.Equal(HttpStatusCode.Created, unknown.StatusCode);
        Assert.Equal(before + 1, (await DashboardAsync()).SignUps);
    }

    private async Task<string> NewCodeAsync()
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var created = await denise.PostAsJsonAsync($"/api/v1/communities/{app.Demo.Dudley}/invitations",
            new { role = "member", groupId = app.Demo.BlueHillSavers }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Json(created)).GetProperty("code").GetString()!;
    }

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string code, string login) =>
        client.PostAsJsonAsync($"/api/v1/invitation-codes/{code}/signup",
            new { firstName = "Nia", fullName = "Nia Newcomer", login, password = "a long pass phrase", language = "en" }, Ct);

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} is not JSON: {text}");
        }
    }
}
