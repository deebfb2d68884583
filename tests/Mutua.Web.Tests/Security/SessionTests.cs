using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Security;

/// <summary>
/// Sessions end on the server (issue 11, finding 5): a cookie or a bearer token captured before
/// signing out opens nothing afterwards, a device can be signed out from the profile, a password
/// change ends the other sessions, and a removed role counts on the very next request.
/// Every test here signs in afresh: the factory's cached tokens and clients must outlive them.
/// </summary>
public sealed class SessionTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Phone = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36";
    private const string Laptop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private async Task<HttpClient> BrowserAsync(string login, string userAgent = Laptop, string password = MutuaFactory.Password)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        await MutuaFactory.SignInWithFormAsync(client, login, password);
        return client;
    }

    private sealed record Tokens(string Access, string Refresh, int ExpiresIn);

    private async Task<Tokens> SignInToApiAsync(string login, string password = MutuaFactory.Password)
    {
        using var client = app.NewClient(cookies: false);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { login, password }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return new Tokens(json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!,
            json.GetProperty("expiresIn").GetInt32());
    }

    private HttpClient Bearer(string token)
    {
        var client = app.NewClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The "mutua" cookie as a browser would send it, to replay from a client without a cookie jar.</summary>
    private static async Task<string> CaptureCookieAsync(MutuaFactory app, string login)
    {
        using var client = app.NewClient(cookies: false);
        using var form = await client.GetAsync("/Account/Login", Ct);
        var antiforgery = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var html = await form.Content.ReadAsStringAsync(Ct);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Login"] = login, ["Password"] = MutuaFactory.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mutua=", StringComparison.Ordinal)).Split(';')[0];
    }

    private async Task<HttpStatusCode> ReplayAsync(string cookie, string path = "/Account/Profile")
    {
        using var client = app.NewClient(cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, Ct);
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> ProfileStatusAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync("/Account/Profile", Ct);
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> MeStatusAsync(HttpClient api)
    {
        using var response = await api.GetAsync("/api/v1/me", Ct);
        return response.StatusCode;
    }

    // ---------------------------------------------------------------- signing out

    [Fact]
    public async Task A_cookie_captured_before_signing_out_opens_nothing_afterwards()
    {
        var cookie = await CaptureCookieAsync(app, DemoPeople.KeishaLogin);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(cookie));

        // The same browser signs out: its jar forgets the cookie, and the server forgets the session.
        using var browser = app.NewClient(cookies: false);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/Account/Profile");
        page.Headers.Add("Cookie", cookie);
        using var profile = await browser.SendAsync(page, Ct);
        var html = await profile.Content.ReadAsStringAsync(Ct);
        var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var antiforgery = profile.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        logout.Headers.Add("Cookie", $"{cookie}; {antiforgery}");
        using var signedOut = await browser.SendAsync(logout, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // Someone who copied the cookie before is sent to sign in, on private pages and on every page after.
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie));
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie, $"/Households/{app.Demo.KeishaHousehold}"));
    }

    [Fact]
    public async Task A_bearer_token_stops_working_when_its_session_signs_out()
    {
        var tokens = await SignInToApiAsync(DemoPeople.KeishaLogin);
        using var api = Bearer(tokens.Access);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(api));

        using var logout = await api.PostAsync("/api/v1/auth/logout", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(api));
        using var again = Bearer(tokens.Access);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(again));
        // Nor does its refresh token bring the session back.
        using var anonymous = app.NewClient(cookies: false);
        using var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.Refresh }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal("application/problem+json", refresh.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_access_token_is_short_lived_and_a_refresh_token_renews_it_in_the_same_session()
    {
        var tokens = await SignInToApiAsync(DemoPeople.KeishaLogin);
        Assert.InRange(tokens.ExpiresIn, 60, 3600);

        using var anonymous = app.NewClient(cookies: false);
        using var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.Refresh }, Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Contains("no-store", refreshed.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var json = await refreshed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var renewed = json.GetProperty("accessToken").GetString()!;
        using var api = Bearer(renewed);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(api));

        // Still one session: signing out with the renewed token also stops the first one.
        using var logout = await api.PostAsync("/api/v1/auth/logout", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var first = Bearer(tokens.Access);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(first));

        // Garbage is refused as a problem document, not a 500.
        using var garbage = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not a token" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        // An access token is no refresh token.
        using var swapped = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = renewed }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, swapped.StatusCode);
    }

    /// <summary>
    /// Found by an outsider's attack: a refresh token kept working after it was used, so a stolen copy would work
    /// beside the real app for 30 days. Now each works once, and a replay ends the session for both holders.
    /// </summary>
    [Fact]
    public async Task A_refresh_token_works_once_and_a_replay_signs_the_session_out()
    {
        var tokens = await SignInToApiAsync(DemoPeople.KeishaLogin);
        using var anonymous = app.NewClient(cookies: false);

        using var first = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.Refresh }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var json = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var (access, refresh) = (json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!);
        using var second = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh }, Ct);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var latest = (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString()!;

        using var replay = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.Refresh }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        // Both holders are out: the session is over, whoever held the newest tokens.
        using var api = Bearer(latest);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(api));
        using var old = Bearer(access);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(old));
    }

    [Fact]
    public async Task A_signed_out_session_is_refused_by_every_web_node()
    {
        await using var second = MutuaFactory.SecondNodeOf(app);
        await second.InitializeAsync();
        var cookie = await CaptureCookieAsync(app, DemoPeople.KeishaLogin);
        var tokens = await SignInToApiAsync(DemoPeople.KeishaLogin);

        using var api = Bearer(tokens.Access);
        using var logout = await api.PostAsync("/api/v1/auth/logout", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var cookieSession = await app.WithDbAsync(db => db.SignInSessions.Where(s => s.PersonId == app.Demo.Keisha && s.Kind == SessionKind.Browser && s.EndedAt == null)
            .OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync(Ct));
        await app.WithDbAsync(db => db.SignInSessions.Where(s => s.Id == cookieSession)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, DateTimeOffset.UtcNow), Ct));

        using var onSecond = second.NewClient(cookies: false);
        onSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Access);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(onSecond));
        using var browser = second.NewClient(cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Profile");
        request.Headers.Add("Cookie", cookie);
        using var response = await browser.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Last_seen_is_written_every_few_minutes_not_on_every_request()
    {
        var tokens = await SignInToApiAsync(DemoPeople.KeishaLogin);
        using var api = Bearer(tokens.Access);
        var session = await app.WithDbAsync(db => db.SignInSessions.Where(s => s.PersonId == app.Demo.Keisha && s.Kind == SessionKind.Api && s.EndedAt == null)
            .OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync(Ct));
        Task<DateTimeOffset> LastSeenAsync() => app.WithDbAsync(db => db.SignInSessions.Where(s => s.Id == session).Select(s => s.LastSeenAt).SingleAsync(Ct));
        Task SetLastSeenAsync(DateTimeOffset at) => app.WithDbAsync(db => db.SignInSessions.Where(s => s.Id == session)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, at), Ct));

        var recently = DateTimeOffset.UtcNow.AddMinutes(-1);
        await SetLastSeenAsync(recently);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(api));
        Assert.Equal(recently.ToUnixTimeMilliseconds(), (await LastSeenAsync()).ToUnixTimeMilliseconds());

        await SetLastSeenAsync(DateTimeOffset.UtcNow.AddMinutes(-10));
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(api));
        Assert.True(await LastSeenAsync() > DateTimeOffset.UtcNow.AddMinutes(-1));

        // A session nobody used for longer than a refresh token lives is over.
        await SetLastSeenAsync(DateTimeOffset.UtcNow.AddDays(-31));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(api));
    }

    [Fact]
    public async Task A_cookie_from_before_sessions_were_kept_is_not_accepted()
    {
        // Made the old way, with no session claim: it could never be signed out, so it signs in to nothing.
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<Person>>();
        var person = await scope.ServiceProvider.GetRequiredService<UserManager<Person>>().FindByEmailAsync(DemoPeople.KeishaLogin);
        var principal = await signIn.CreateUserPrincipalAsync(person!);
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>>()
            .Get(IdentityConstants.BearerScheme);
        var ticket = new Microsoft.AspNetCore.Authentication.AuthenticationTicket(principal,
            new Microsoft.AspNetCore.Authentication.AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddDays(7) }, IdentityConstants.BearerScheme);
        using var api = Bearer(options.BearerTokenProtector.Protect(ticket));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(api));
    }

    // ---------------------------------------------------------------- signed in on these devices

    [Fact]
    public async Task The_profile_lists_the_devices_and_signs_one_out()
    {
        using var phone = await BrowserAsync(DemoPeople.AndreLogin, Phone);
        using var laptop = await BrowserAsync(DemoPeople.AndreLogin, Laptop);

        var html = await laptop.GetStringAsync("/Account/Profile", Ct);
        Assert.Contains("Chrome · Android", html, StringComparison.Ordinal);
        Assert.Contains("Firefox · Windows", html, StringComparison.Ordinal);
        Assert.Contains("This device", html, StringComparison.Ordinal);

        var phoneSession = await app.WithDbAsync(db => db.SignInSessions
            .Where(s => s.PersonId == app.Demo.Andre && s.EndedAt == null && s.Device == "Chrome · Android")
            .OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync(Ct));
        using var signOut = await MutuaFactory.PostFormAsync(laptop, "/Account/Profile?handler=EndSession",
            new() { ["sessionId"] = phoneSession.ToString() }, formPage: "/Account/Profile");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ProfileStatusAsync(phone));
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(laptop));
        Assert.DoesNotContain("Chrome · Android", await laptop.GetStringAsync("/Account/Profile", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_everywhere_else_keeps_only_this_device()
    {
        using var phone = await BrowserAsync(DemoPeople.AndreLogin, Phone);
        using var laptop = await BrowserAsync(DemoPeople.AndreLogin, Laptop);
        var tokens = await SignInToApiAsync(DemoPeople.AndreLogin);
        using var script = Bearer(tokens.Access);

        using var everywhere = await MutuaFactory.PostFormAsync(laptop, "/Account/Profile?handler=EndOthers", new(), formPage: "/Account/Profile");
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);

        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(laptop));
        Assert.Equal(HttpStatusCode.Redirect, await ProfileStatusAsync(phone));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(script));
    }

    [Fact]
    public async Task The_api_lists_the_sessions_and_ends_one_or_all_others()
    {
        using var phone = await BrowserAsync(DemoPeople.AndreLogin, Phone);
        var first = await SignInToApiAsync(DemoPeople.AndreLogin);
        var second = await SignInToApiAsync(DemoPeople.AndreLogin);
        using var api = Bearer(first.Access);
        using var other = Bearer(second.Access);

        var sessions = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/sessions", Ct);
        var list = sessions.EnumerateArray().ToList();
        Assert.Single(list, s => s.GetProperty("thisDevice").GetBoolean());
        Assert.Contains(list, s => s.GetProperty("device").GetString() == "Chrome · Android" && s.GetProperty("kind").GetString() == "browser");
        Assert.All(list, s => Assert.True(s.TryGetProperty("signedInAt", out _) && s.TryGetProperty("lastSeenAt", out _)));

        var otherId = await app.WithDbAsync(db => db.SignInSessions.Where(s => s.PersonId == app.Demo.Andre && s.EndedAt == null && s.Kind == SessionKind.Api)
            .OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync(Ct));
        using var ended = await api.DeleteAsync($"/api/v1/me/sessions/{otherId}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(other));
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(api));

        // Someone else's session answers like one that does not exist.
        var keishas = await SignInToApiAsync(DemoPeople.KeishaLogin);
        var keishaSession = await app.WithDbAsync(db => db.SignInSessions.Where(s => s.PersonId == app.Demo.Keisha && s.EndedAt == null)
            .OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync(Ct));
        using var notYours = await api.DeleteAsync($"/api/v1/me/sessions/{keishaSession}", Ct);
        using var nothing = await api.DeleteAsync($"/api/v1/me/sessions/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, notYours.StatusCode);
        Assert.Equal(nothing.StatusCode, notYours.StatusCode);
        using var keisha = Bearer(keishas.Access);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(keisha));

        using var others = await api.PostAsync("/api/v1/me/sessions/end-others", null, Ct);
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ProfileStatusAsync(phone));
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(api));
    }

    // ---------------------------------------------------------------- password and roles

    private async Task<string> NewPersonAsync(string password)
    {
        var login = $"pw-{Guid.NewGuid():N}"[..16] + "@example.org";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var created = await users.CreateAsync(new Person
        {
            Id = Guid.NewGuid(), UserName = login, Email = login, FirstName = "Pat", CreatedAt = DateTimeOffset.UtcNow,
        }, password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Code)));
        return login;
    }

    [Fact]
    public async Task A_password_change_on_the_profile_ends_the_other_sessions()
    {
        const string old = "an old sentence to sign in";
        const string changed = "a new sentence to sign in";
        var login = await NewPersonAsync(old);
        using var here = await BrowserAsync(login, Laptop, old);
        using var phone = await BrowserAsync(login, Phone, old);
        var tokens = await SignInToApiAsync(login, old);
        using var script = Bearer(tokens.Access);

        // The wrong current password changes nothing.
        using var wrong = await MutuaFactory.PostFormAsync(here, "/Account/Profile?handler=Password",
            new() { ["CurrentPassword"] = "not the password", ["NewPassword"] = changed }, formPage: "/Account/Profile");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(phone));

        using var change = await MutuaFactory.PostFormAsync(here, "/Account/Profile?handler=Password",
            new() { ["CurrentPassword"] = old, ["NewPassword"] = changed }, formPage: "/Account/Profile");
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(here));
        Assert.Equal(HttpStatusCode.Redirect, await ProfileStatusAsync(phone));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(script));
        using var anonymous = app.NewClient(cookies: false);
        using var withOld = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login, password = old }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        await SignInToApiAsync(login, changed);
    }

    [Fact]
    public async Task A_password_change_through_the_api_ends_the_other_sessions()
    {
        const string old = "an old sentence to sign in";
        const string changed = "a new sentence to sign in";
        var login = await NewPersonAsync(old);
        using var phone = await BrowserAsync(login, Phone, old);
        var mine = await SignInToApiAsync(login, old);
        var other = await SignInToApiAsync(login, old);
        using var api = Bearer(mine.Access);

        using var weak = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = old, newPassword = "short" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        using var wrong = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "not it at all", newPassword = changed }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        using var other1 = Bearer(other.Access);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(other1));

        using var change = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = old, newPassword = changed }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(api));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(other1));
        Assert.Equal(HttpStatusCode.Redirect, await ProfileStatusAsync(phone));
    }

    [Fact]
    public async Task A_removed_role_counts_on_the_next_request_with_the_same_token_and_cookie()
    {
        // Roles are read from the database for every request (the viewer), not from the token or cookie.
        var d = app.Demo;
        await app.WithDbAsync(async db =>
        {
            db.CommunityRoles.Add(new CommunityRole { CommunityId = d.Dudley, PersonId = d.Andre, Role = Role.Coordinator, GrantedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Ct);
        });
        try
        {
            var tokens = await SignInToApiAsync(DemoPeople.AndreLogin);
            using var api = Bearer(tokens.Access);
            using var browser = await BrowserAsync(DemoPeople.AndreLogin);
            using (var people = await api.GetAsync($"/api/v1/communities/{d.Dudley}/people", Ct)) Assert.Equal(HttpStatusCode.OK, people.StatusCode);
            using (var page = await browser.GetAsync($"/Communities/{d.Dudley}/People", Ct)) Assert.Equal(HttpStatusCode.OK, page.StatusCode);

            await app.WithDbAsync(db => db.CommunityRoles.Where(r => r.PersonId == d.Andre && r.Role == Role.Coordinator).ExecuteDeleteAsync(Ct));

            using (var people = await api.GetAsync($"/api/v1/communities/{d.Dudley}/people", Ct))
                Assert.True(people.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"got {(int)people.StatusCode}");
            using (var page = await browser.GetAsync($"/Communities/{d.Dudley}/People", Ct))
                Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                    || page.Headers.Location?.ToString().Contains("/Account/Denied", StringComparison.Ordinal) == true, $"got {(int)page.StatusCode}");
        }
        finally
        {
            await app.WithDbAsync(db => db.CommunityRoles.Where(r => r.PersonId == d.Andre && r.Role == Role.Coordinator).ExecuteDeleteAsync(Ct));
        }
    }

    [Fact]
    public async Task Admin_rights_taken_away_count_on_the_next_request()
    {
        var login = await NewPersonAsync("a sentence for the admin");
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == login).ExecuteUpdateAsync(u => u.SetProperty(p => p.IsAdmin, true), Ct));
        var tokens = await SignInToApiAsync(login, "a sentence for the admin");
        using var api = Bearer(tokens.Access);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.True(me.GetProperty("isAdmin").GetBoolean());
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == login).ExecuteUpdateAsync(u => u.SetProperty(p => p.IsAdmin, false), Ct));
        me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.False(me.GetProperty("isAdmin").GetBoolean());
    }
}
