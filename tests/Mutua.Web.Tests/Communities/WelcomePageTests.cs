using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Projects;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Communities;

/// <summary>
/// A newcomer lands on their own welcome page after joining (issue 13): the first steps and the buddy, with only what
/// the buddy chose to share to be reached. And the community's sponsoring agency, on the community page and on a
/// project waiting for verification.
/// </summary>
public sealed class WelcomePageTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new family joins Dudley with a code Keisha made, through the join form; answers the newcomer's client and id.</summary>
    private async Task<(HttpClient Client, Guid Person, HttpResponseMessage Joined, string Login)> JoinAsync(string firstName)
    {
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        using var created = await keisha.PostAsJsonAsync($"/api/v1/communities/{app.Demo.Dudley}/invitations",
            new { role = "member", newHouseholdName = $"{firstName}'s family" }, Ct);
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString()!;
        var client = app.NewClient();
        var login = $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@newcomer.example";
        var joined = await MutuaFactory.PostFormAsync(client, "/Join", new()
        {
            ["Code"] = code, ["FirstName"] = firstName, ["Login"] = login, ["Password"] = MutuaFactory.Password, ["Language"] = "en",
        }, formPage: $"/Join?code={code}");
        var person = await app.WithDbAsync(db => db.Users.Where(u => u.Email == login).Select(u => u.Id).SingleAsync());
        return (client, person, joined, login);
    }

    private Task<(Guid Id, string Login, string FirstName)> BuddyOfAsync(Guid newcomer) => app.WithDbAsync(db =>
        db.Orientations.Where(o => o.PersonId == newcomer && o.BuddyId != null)
            .Join(db.Users, o => o.BuddyId, u => u.Id, (o, u) => new ValueTuple<Guid, string, string>(u.Id, u.Email ?? u.PhoneNumber!, u.FirstName))
            .SingleAsync());

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // As a browser reads it: Razor writes "+" in attributes as "&#x2B;".
        return WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_newcomer_lands_on_their_welcome_with_the_buddy_and_the_phone_the_buddy_chose_to_share()
    {
        var (newcomer, person, joined, _) = await JoinAsync("Lorena");
        using (joined)
        {
            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
            Assert.Equal($"/Communities/{app.Demo.Dudley}/Welcome", joined.Headers.Location!.OriginalString);
        }
        var (buddyId, buddyLogin, buddyName) = await BuddyOfAsync(person);

        // The buddy chooses, on their profile, a phone to share (typed as dialled in Boston) and the group meeting.
        var buddy = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(buddy, buddyLogin);
        using (var saved = await MutuaFactory.PostFormAsync(buddy, "/Account/Profile?handler=BuddyContact",
            new() { ["BuddyPhone"] = "(617) 555-0142", ["BuddyAtGroupMeeting"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var stored = await app.WithDbAsync(db => db.Users.Where(u => u.Id == buddyId).Select(u => new { u.BuddyPhone, u.BuddyAtGroupMeeting }).SingleAsync());
        Assert.Equal(("+16175550142", true), (stored.BuddyPhone, stored.BuddyAtGroupMeeting));
        Assert.Contains("value=\"+1 617-555-0142\"", await HtmlAsync(buddy, "/Account/Profile"), StringComparison.Ordinal);

        var html = await HtmlAsync(newcomer, $"/Communities/{app.Demo.Dudley}/Welcome");
        Assert.Contains("Welcome to Dudley Neighbors Together", html, StringComparison.Ordinal);
        Assert.Contains($"<strong class=\"buddy-name\">{buddyName}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:+16175550142\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"sms:+16175550142\"", html, StringComparison.Ordinal);
        Assert.Contains($"You can find {buddyName} at the group meeting.", html, StringComparison.Ordinal);
        // What the buddy signs in with is theirs alone, and nothing promises messages that do not exist yet.
        Assert.DoesNotContain(buddyLogin, html, StringComparison.Ordinal);
        Assert.DoesNotContain("message in Mutua", html, StringComparison.OrdinalIgnoreCase);
        // The group is one step away.
        Assert.Contains("href=\"/Groups/", html, StringComparison.Ordinal);

        // Later, the home page's checklist leads back to it.
        Assert.Contains($"href=\"/Communities/{app.Demo.Dudley}/Welcome#buddy\"", await HtmlAsync(newcomer, "/"), StringComparison.Ordinal);

        // "We have met" ticks the step and comes back to the welcome.
        using (var met = await MutuaFactory.PostFormAsync(newcomer, $"/Communities/{app.Demo.Dudley}/Welcome?handler=Met", new()))
        {
            Assert.Equal($"/Communities/{app.Demo.Dudley}/Welcome#buddy", met.Headers.Location!.OriginalString);
        }
        Assert.True(await app.WithDbAsync(db => db.Orientations.AnyAsync(o => o.PersonId == person && o.MetBuddyAt != null)));
        Assert.Contains($"You met {buddyName}, your buddy.", await HtmlAsync(newcomer, $"/Communities/{app.Demo.Dudley}/Welcome"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_but_the_newcomer_sees_their_welcome_and_a_buddy_who_shares_nothing_is_not_reachable_through_it()
    {
        var (newcomer, person, joined, _) = await JoinAsync("Marisa");
        joined.Dispose();
        var (buddyId, buddyLogin, buddyName) = await BuddyOfAsync(person);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == buddyId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.BuddyPhone, (string?)null).SetProperty(u => u.BuddyAtGroupMeeting, false)));

        var html = await HtmlAsync(newcomer, $"/Communities/{app.Demo.Dudley}/Welcome");
        Assert.Contains($"{buddyName} has not shared a way to reach them yet.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"tel:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"sms:", html, StringComparison.Ordinal);

        // The welcome is the newcomer's own: their buddy, another member, the coordinator and another community get none.
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == buddyId).ExecuteUpdateAsync(s => s.SetProperty(u => u.BuddyPhone, "+16175550177")));
        var buddy = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(buddy, buddyLogin);
        foreach (var other in new[] { buddy, await app.PagesAsync(DemoPeople.JamalLogin), await app.PagesAsync(DemoPeople.DeniseLogin),
                     await app.PagesAsync(DemoPeople.RosarioLogin) })
        {
            using var page = await other.GetAsync($"/Communities/{app.Demo.Dudley}/Welcome", Ct);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("5550177", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        // Nor does the phone appear on the pages the community's people share.
        foreach (var path in new[] { $"/Communities/{app.Demo.Dudley}", $"/Groups/{app.Demo.DudleyParents}", "/" })
        {
            Assert.DoesNotContain("5550177", await HtmlAsync(await app.PagesAsync(DemoPeople.KeishaLogin), path), StringComparison.Ordinal);
        }
        Assert.Contains("href=\"tel:+16175550177\"", await HtmlAsync(newcomer, $"/Communities/{app.Demo.Dudley}/Welcome"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_the_API_a_buddy_shares_a_phone_and_only_their_newcomer_reads_it_in_their_welcome()
    {
        var (_, person, joined, login) = await JoinAsync("Nayeli");
        joined.Dispose();
        var (_, buddyLogin, buddyName) = await BuddyOfAsync(person);
        using var buddy = await app.ApiAsync(buddyLogin);
        using var set = await buddy.PutAsJsonAsync("/api/v1/me/buddy-contact", new { phone = "617 555 0199", atGroupMeeting = false }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var read = JsonDocument.Parse(await buddy.GetStringAsync("/api/v1/me/buddy-contact", Ct)).RootElement;
        Assert.Equal("+16175550199", read.GetProperty("phone").GetString());
        Assert.False(read.GetProperty("atGroupMeeting").GetBoolean());
        using var refused = await buddy.PutAsJsonAsync("/api/v1/me/buddy-contact", new { phone = "not a number", atGroupMeeting = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("+16175550199", JsonDocument.Parse(await buddy.GetStringAsync("/api/v1/me/buddy-contact", Ct)).RootElement.GetProperty("phone").GetString());

        using var newcomer = await app.ApiAsync(login, "en");
        var welcome = JsonDocument.Parse(await newcomer.GetStringAsync($"/api/v1/communities/{app.Demo.Dudley}/welcome", Ct)).RootElement;
        Assert.Equal(buddyName, welcome.GetProperty("buddyFirstName").GetString());
        Assert.Equal("+16175550199", welcome.GetProperty("buddyPhone").GetString());
        using var other = await app.ApiAsync(DemoPeople.KeishaLogin);
        using var none = await other.GetAsync($"/api/v1/communities/{app.Demo.Dudley}/welcome", Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task A_phone_that_cannot_be_read_is_said_so_and_nothing_is_stored()
    {
        var jamal = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(jamal, DemoPeople.JamalLogin);
        var before = await app.WithDbAsync(db => db.Users.Where(u => u.Id == app.Demo.Jamal).Select(u => u.BuddyPhone).SingleAsync());
        using var refused = await MutuaFactory.PostFormAsync(jamal, "/Account/Profile?handler=BuddyContact",
            new() { ["BuddyPhone"] = "call me maybe", ["BuddyAtGroupMeeting"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("That phone number cannot be read.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"call me maybe\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.Where(u => u.Id == app.Demo.Jamal).Select(u => u.BuddyPhone).SingleAsync()));
    }

    [Fact]
    public async Task The_coordinator_names_the_sponsoring_agency_its_people_see_it_and_a_project_waits_for_it()
    {
        var denise = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(denise, DemoPeople.DeniseLogin);
        using (var saved = await MutuaFactory.PostFormAsync(denise, $"/Communities/{app.Demo.Dudley}?handler=Agency", new()
        {
            ["AgencyName"] = "  Roxbury Family Partners  ", ["AgencyAbout"] = "Visits families and verifies their projects.",
            ["AgencyContact"] = "Karen, weekdays at 2201 Washington Street",
        }))
        {
            Assert.Equal($"/Communities/{app.Demo.Dudley}?agency=saved#agency", saved.Headers.Location!.OriginalString);
        }
        var stored = await app.WithDbAsync(db => db.Communities.Where(c => c.Id == app.Demo.Dudley)
            .Select(c => new { c.AgencyName, c.AgencyAbout, c.AgencyContact }).SingleAsync());
        Assert.Equal(("Roxbury Family Partners", "Visits families and verifies their projects.", "Karen, weekdays at 2201 Washington Street"),
            (stored.AgencyName, stored.AgencyAbout, stored.AgencyContact));

        var community = await HtmlAsync(await app.PagesAsync(DemoPeople.KeishaLogin), $"/Communities/{app.Demo.Dudley}");
        Assert.Contains("<strong class=\"agency-name\" lang=\"en\">Roxbury Family Partners</strong>", community, StringComparison.Ordinal);
        Assert.Contains("Karen, weekdays at 2201 Washington Street", community, StringComparison.Ordinal);
        // A plain member reads it but has no form to change it.
        Assert.DoesNotContain("handler=Agency", community, StringComparison.Ordinal);

        // Details without a name are refused, with the reason on the form, and change nothing.
        using (var refused = await MutuaFactory.PostFormAsync(denise, $"/Communities/{app.Demo.Dudley}?handler=Agency",
            new() { ["AgencyName"] = " ", ["AgencyAbout"] = "Something" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("field-error", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Equal("Roxbury Family Partners", await app.WithDbAsync(db => db.Communities.Where(c => c.Id == app.Demo.Dudley).Select(c => c.AgencyName).SingleAsync()));

        // A published project of the community not verified yet says who it waits for, to a visitor too.
        await app.WithDbAsync(db => db.Projects.Where(p => p.Id == app.Demo.FoodCart)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.VerifiedAt, (DateTimeOffset?)null).SetProperty(p => p.VerifiedById, (Guid?)null)
                .SetProperty(p => p.UpdatedAt, DateTimeOffset.UtcNow)));
        var slug = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == app.Demo.FoodCart && p.Status == ProjectStatus.Published).Select(p => p.Slug).SingleAsync());
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        var project = JsonDocument.Parse(await jamal.GetStringAsync($"/api/v1/projects/{app.Demo.FoodCart}", Ct)).RootElement;
        Assert.Equal("Roxbury Family Partners", project.GetProperty("awaitingVerificationByAgency").GetString());
        var page = await HtmlAsync(await app.PagesAsync(DemoPeople.JamalLogin), $"/p/{slug}");
        Assert.Contains("Waiting for verification by Roxbury Family Partners", page, StringComparison.Ordinal);
    }
}
