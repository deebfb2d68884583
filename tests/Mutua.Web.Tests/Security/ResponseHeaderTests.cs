using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Security;

/// <summary>The app as served behind a TLS-terminating proxy with forwarded headers on.</summary>
public sealed class BehindProxyFactory : MutuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
    }
}

/// <summary>
/// What a private answer says about itself (issue 11, finding 9): nothing signed in is kept by a
/// browser or a proxy cache, the server does not name itself, and over HTTPS cookies are Secure and
/// HSTS is sent, also behind a TLS proxy.
/// </summary>
public sealed class ResponseHeaderTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string CacheControl(HttpResponseMessage r) => r.Headers.CacheControl?.ToString() ?? "";

    [Theory]
    [InlineData("/")]
    [InlineData("/Communities")]
    [InlineData("/Account/Profile")]
    [InlineData("/Households/{household}")]
    [InlineData("/Households/{household}/CheckIns")]
    [InlineData("/Households/{household}/Progress")]
    [InlineData("/Communities/{dudley}/Insights")]
    [InlineData("/Projects")]
    [InlineData("/p/{foodcart}")]
    [InlineData("/no/such/page")]
    [InlineData("/Communities/{dudley}/Insights?handler=Csv")]
    [InlineData("/Communities/{dudley}/Network?handler=Export&format=graphml")]
    public async Task Signed_in_pages_are_never_stored(string path)
    {
        var client = await app.PagesAsync(DemoPeople.JamalLogin);
        path = await FillAsync(path);
        using var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        Assert.Contains("no-store", CacheControl(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/communities")]
    [InlineData("/api/v1/households/{household}")]
    [InlineData("/api/v1/communities/{dudley}/insights")]
    [InlineData("/api/v1/projects")]
    [InlineData("/api/v1/no/such/thing")]
    public async Task Personal_api_answers_are_never_stored(string path)
    {
        using var client = await app.ApiAsync(DemoPeople.JamalLogin);
        path = await FillAsync(path);
        using var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        Assert.Contains("no-store", CacheControl(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_answer_with_its_tokens_is_never_stored()
    {
        using var client = app.NewClient(cookies: false);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = DemoPeople.KeishaLogin, password = MutuaFactory.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", CacheControl(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_public_pages_and_static_files_stay_cacheable()
    {
        using var visitor = app.NewClient();
        var page = await FillAsync("/p/{foodcart}");
        using var first = await visitor.GetAsync(page, Ct);
        using var second = await visitor.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain("no-store", CacheControl(second), StringComparison.Ordinal);
        Assert.NotNull(second.Headers.Age); // still served from the output cache
        using var css = await visitor.GetAsync("/css/site.css", Ct);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain("no-store", CacheControl(css), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_the_cookies_are_secure_and_hsts_is_sent()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(MutuaFactory.PublicAddress),
        });
        await AssertSecureSignInAsync(client, request => { });
    }

    [Fact]
    public async Task Over_plain_http_there_is_no_hsts()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://" + new Uri(MutuaFactory.PublicAddress).Host),
        });
        using var response = await client.GetAsync("/Account/Login", Ct);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_a_tls_proxy_with_forwarded_headers_on_the_cookies_are_secure_and_hsts_is_sent()
    {
        await using var proxied = new BehindProxyFactory();
        await proxied.InitializeAsync();
        using var client = proxied.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://" + new Uri(MutuaFactory.PublicAddress).Host),
        });
        await AssertSecureSignInAsync(client, request => request.Headers.Add("X-Forwarded-Proto", "https"));
    }

    private static async Task AssertSecureSignInAsync(HttpClient client, Action<HttpRequestMessage> viaProxy)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        viaProxy(get);
        using var form = await client.SendAsync(get, Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.True(form.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no HSTS over HTTPS");
        Assert.Contains("max-age=", hsts!.Single(), StringComparison.Ordinal);
        var antiforgery = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var html = await form.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Login"] = DemoPeople.KeishaLogin, ["Password"] = MutuaFactory.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        viaProxy(post);
        using var signedIn = await client.SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("mutua=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Kestrel_does_not_name_itself()
    {
        await using var served = new MutuaFactory();
        served.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        served.StartServer();
        var address = served.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var live = await client.GetAsync("/health/live", Ct);
        using var page = await client.GetAsync("/Account/Login", Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.False(live.Headers.Contains("Server"), "Server: " + string.Join(",", live.Headers.Server));
        Assert.False(page.Headers.Contains("Server"), "Server: " + string.Join(",", page.Headers.Server));
    }

    private async Task<string> FillAsync(string path)
    {
        var d = app.Demo;
        var slug = path.Contains("{foodcart}", StringComparison.Ordinal)
            ? await app.WithDbAsync(db => db.Projects.Where(p => p.Id == d.FoodCart).Select(p => p.Slug).SingleAsync(Ct)) : "";
        return path.Replace("{household}", d.JamalHousehold.ToString(), StringComparison.Ordinal)
            .Replace("{dudley}", d.Dudley.ToString(), StringComparison.Ordinal)
            .Replace("{foodcart}", slug, StringComparison.Ordinal);
    }
}
