using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Auditing;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Security;

/// <summary>Security headers, antiforgery on forms, and the audit log of sensitive actions.</summary>
public sealed class SecurityBaselineTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/Account/Login")]
    [InlineData(null, "/Join")]
    [InlineData(null, "/no/such/page")]
    [InlineData(DemoPeople.DeniseLogin, "/Communities")]
    [InlineData(DemoPeople.DeniseLogin, "/Communities/{dudley}")]
    [InlineData(DemoPeople.JamalLogin, "/Households/{household}")]
    [InlineData(DemoPeople.AdminLogin, "/Admin/Audit")]
    public async Task Pages_carry_the_security_headers(string? login, string path)
    {
        var client = await app.PagesAsync(login);
        path = path.Replace("{dudley}", app.Demo.Dudley.ToString(), StringComparison.Ordinal)
            .Replace("{household}", app.Demo.JamalHousehold.ToString(), StringComparison.Ordinal);
        using var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        AssertSecurityHeaders(response, path);
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Machine_endpoints_carry_the_security_headers_too(string path)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(path, Ct);
        AssertSecurityHeaders(response, path);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string path)
    {
        var csp = Header(response, "Content-Security-Policy");
        Assert.False(csp is null, $"{path} has no Content-Security-Policy");
        var directives = csp!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d, StringComparer.OrdinalIgnoreCase);
        var scripts = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src");
        Assert.False(scripts is null, $"{path}: the CSP says nothing about scripts: {csp}");
        Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("*", scripts, StringComparison.Ordinal);
        Assert.True(directives.ContainsKey("frame-ancestors"), $"{path}: no frame-ancestors in {csp}");
        Assert.Contains(directives["frame-ancestors"], new[] { "frame-ancestors 'none'", "frame-ancestors 'self'" });
        Assert.True(directives.ContainsKey("object-src"), $"{path}: no object-src in {csp}");
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.False(string.IsNullOrEmpty(Header(response, "Referrer-Policy")), $"{path} has no Referrer-Policy");
        Assert.NotEqual("unsafe-url", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Pages_have_no_inline_scripts_the_policy_would_block()
    {
        var client = await app.PagesAsync(DemoPeople.DeniseLogin);
        foreach (var path in new[] { "/", $"/Communities/{app.Demo.Dudley}", $"/Communities/{app.Demo.Dudley}/Invitations", "/Account/Profile" })
        {
            var html = await client.GetStringAsync(path, Ct);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch("\\son(click|load|submit|change|input)\\s*=", html);
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        using var client = app.NewClient(cookies: false);
        using var form = await client.GetAsync("/Account/Login", Ct);
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var html = await form.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Login"] = DemoPeople.KeishaLogin, ["Password"] = MutuaFactory.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mutua=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_with_400()
    {
        // Anonymous sign-in form.
        using var anonymous = app.NewClient();
        await MutuaFactory.AntiforgeryTokenAsync(anonymous, "/Account/Login"); // the browser has the cookie, the form lacks the token
        using var login = new FormUrlEncodedContent(new Dictionary<string, string> { ["Login"] = DemoPeople.KeishaLogin, ["Password"] = MutuaFactory.Password });
        using var refused = await anonymous.PostAsync("/Account/Login", login, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Headers.Location);

        // A signed-in coordinator's form: the request a hostile site would forge.
        var denise = await app.PagesAsync(DemoPeople.DeniseLogin);
        var groups = await app.WithDbAsync(db => db.Groups.CountAsync());
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["GroupName"] = "Forged group" });
        using var response = await denise.PostAsync($"/Communities/{app.Demo.Dudley}?handler=Group", forged, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(groups, await app.WithDbAsync(db => db.Groups.CountAsync()));

        // A token from someone else's session does not pass either.
        using var other = app.NewClient();
        var othersToken = await MutuaFactory.AntiforgeryTokenAsync(other, "/Account/Login");
        using var stolen = new FormUrlEncodedContent(new Dictionary<string, string> { ["GroupName"] = "Forged group", ["__RequestVerificationToken"] = othersToken });
        using var response2 = await denise.PostAsync($"/Communities/{app.Demo.Dudley}?handler=Group", stolen, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response2.StatusCode);
        Assert.Equal(groups, await app.WithDbAsync(db => db.Groups.CountAsync()));
    }

    [Fact]
    public async Task The_api_does_not_accept_the_sign_in_cookie()
    {
        // The API takes bearer tokens only, so a cookie cannot be replayed cross-site against it.
        var keisha = await app.PagesAsync(DemoPeople.KeishaLogin);
        using var me = await keisha.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Sign_ins_both_good_and_bad_are_in_the_audit_log()
    {
        var d = app.Demo;
        var subject = d.Keisha.ToString();
        using var client = app.NewClient(cookies: false);
        await MutuaFactory.LoginAsync(client, DemoPeople.KeishaLogin);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignIn && a.ActorId == d.Keisha && a.Detail == "api")));

        using var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = DemoPeople.KeishaLogin, password = "not her password" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.Subject == subject)));

        using var pages = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(pages, DemoPeople.KeishaLogin);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignIn && a.ActorId == d.Keisha && a.Detail == "web")));
    }

    [Fact]
    public async Task Invitations_and_role_changes_are_in_the_audit_log()
    {
        var d = app.Demo;
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var created = await denise.PostAsJsonAsync($"/api/v1/communities/{d.Dudley}/invitations", new { role = "supporter" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invitation = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.InvitationCreated && a.ActorId == d.Denise && a.Subject == invitation.ToString() && a.CommunityId == d.Dudley)));

        using var revoked = await denise.DeleteAsync($"/api/v1/invitations/{invitation}", Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.InvitationRevoked && a.Subject == invitation.ToString())));

        await MatrixState.ResetAsync(app);
        using var granted = await denise.PostAsJsonAsync($"/api/v1/communities/{d.Dudley}/people/{d.Andre}/roles", new { role = "ambassador" }, Ct);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.RoleGranted && a.ActorId == d.Denise && a.Subject == d.Andre.ToString() && a.Detail == "Ambassador")));
        using var taken = await denise.DeleteAsync($"/api/v1/communities/{d.Dudley}/people/{d.Andre}/roles/Ambassador", Ct);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.RoleRevoked && a.ActorId == d.Denise && a.Subject == d.Andre.ToString())));

        using var moved = await denise.PatchAsJsonAsync($"/api/v1/households/{d.JamalHousehold}", new { groupId = d.BlueHillSavers }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.HouseholdMoved && a.Subject == d.JamalHousehold.ToString())));
        await MatrixState.ResetAsync(app);
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log()
    {
        var admin = await app.PagesAsync(DemoPeople.AdminLogin);
        var html = await admin.GetStringAsync("/Admin/Audit", Ct);
        Assert.Contains(AuditActions.SignIn, html, StringComparison.Ordinal);
        var denise = await app.PagesAsync(DemoPeople.DeniseLogin);
        using var refused = await denise.GetAsync("/Admin/Audit", Ct);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        if (refused.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/Account/Denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/v1/auth/login")]
    [InlineData("PUT", "/api/v1/communities")]
    [InlineData("POST", "/openapi/v1.json")]
    public async Task A_known_path_asked_with_the_wrong_method_answers_405_also_to_a_visitor(string method, string path)
    {
        // Closed by default must not turn routing's 405 into "sign in first" (or a redirect to the sign-in page).
        using var anonymous = app.NewClient(cookies: false);
        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Taking_back_a_role_that_is_no_longer_held_says_so_on_the_page()
    {
        // A double click or the back button: the second "take back" finds nothing, and the page says why instead of "not found".
        var d = app.Demo;
        var denise = await app.PagesAsync(DemoPeople.DeniseLogin);
        using var again = await MutuaFactory.PostFormAsync(denise, $"/Communities/{d.Dudley}/People?handler=Revoke",
            new() { ["personId"] = d.Keisha.ToString(), ["role"] = "Ambassador" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("We could not find that. It may have been removed.", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues) : null;
}
