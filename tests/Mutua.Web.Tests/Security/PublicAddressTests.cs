using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Mutua.Web.Infrastructure;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Security;

/// <summary>
/// Links nobody can spoof (issue 19): every absolute link Mutua writes starts with Mutua:PublicAddress, whatever Host,
/// X-Forwarded-Host or X-Forwarded-Proto a request carries, and also when the page comes out of the public page cache
/// that such a request filled; a request naming a host that is not Mutua's is refused before any page sees it.
/// </summary>
public sealed partial class PublicAddressTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private const string Fatima = "fatima@dudley.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_for_a_host_that_is_not_Mutuas_is_refused()
    {
        using var client = app.NewClient();
        var slug = await FoodCartSlugAsync();
        foreach (var path in new[] { "/", $"/p/{slug}", "/Projects", "/health/live", "/api/v1/projects" })
        {
            using var forged = await client.GetAsync($"http://evil.example{path}", Ct);
            Assert.True(forged.StatusCode == HttpStatusCode.BadRequest, $"Host evil.example on {path} answered {(int)forged.StatusCode}, not 400");
            using var withPort = await client.GetAsync($"http://evil.example:8080{path}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, withPort.StatusCode);
        }

        // Mutua's own name and this machine's names are answered.
        foreach (var host in new[] { "mutua.example.org", "localhost", "127.0.0.1", "[::1]" })
        {
            using var ok = await client.GetAsync($"http://{host}/Projects", Ct);
            Assert.True(ok.StatusCode == HttpStatusCode.OK, $"Host {host} answered {(int)ok.StatusCode}");
        }
    }

    [Fact]
    public async Task A_public_projects_share_card_links_start_with_the_public_address_whatever_the_request_says_even_from_the_cache()
    {
        var page = $"/p/{await FoodCartSlugAsync()}";
        using var client = app.NewClient(cookies: false);

        // Each forged request first fills the cache for its key, then the same request comes out of it, then a plain one.
        (string Name, Func<HttpRequestMessage> Request)[] requests =
        [
            ("Host 127.0.0.1", () => new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:4444{page}")),
            ("Host [::1]", () => new HttpRequestMessage(HttpMethod.Get, $"http://[::1]{page}")),
            ("X-Forwarded-Host evil.example", () => Forwarded(page)),
            ("plain", () => new HttpRequestMessage(HttpMethod.Get, page)),
        ];
        var cached = 0;
        foreach (var (name, make) in requests)
        {
            for (var i = 0; i < 2; i++)
            {
                using var request = make();
                using var response = await client.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                if (response.Headers.Age is not null) cached++;
                AssertLinksArePublic(name, await response.Content.ReadAsStringAsync(Ct), withImage: true);
            }
        }
        Assert.True(cached >= requests.Length, $"only {cached} answers came from the public page cache; the test must go through it");
    }

    [Fact]
    public async Task An_ambassadors_share_links_start_with_the_public_address_whatever_the_request_says()
    {
        var slug = await FoodCartSlugAsync();
        var ambassador = await app.PagesAsync(Fatima);
        foreach (var path in new[] { "/Projects/Ambassador", $"/p/{slug}" })
        {
            // The cookie goes to localhost; the Host header says otherwise.
            using var request = Forwarded(path, host: "127.0.0.1:4444");
            using var response = await ambassador.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            var links = ShareLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, l => Assert.StartsWith(MutuaFactory.PublicAddress + "/p/", l, StringComparison.Ordinal));
            Assert.DoesNotContain("127.0.0.1", html, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_invitation_says_to_type_the_code_at_the_public_address_whatever_the_request_says()
    {
        var coordinator = await app.PagesAsync(DemoPeople.DeniseLogin);
        using var made = await MutuaFactory.PostFormAsync(coordinator, $"/Communities/{app.Demo.Dudley}/Invitations",
            new() { ["Into"] = "new", ["NewHouseholdName"] = "The Public Addresses" });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        using var request = Forwarded(made.Headers.Location!.ToString(), host: "127.0.0.1:4444");
        using var shown = await coordinator.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var html = await shown.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"{MutuaFactory.PublicAddress}/Join", html, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    private Task<string> FoodCartSlugAsync() =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Id == app.Demo.FoodCart).Select(p => p.Slug).SingleAsync(Ct));

    /// <summary>A request as a proxy (or someone pretending to be one) would send it: another host, another scheme.</summary>
    internal static HttpRequestMessage Forwarded(string path, string? host = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost" + path);
        if (host is not null) request.Headers.Host = host;
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Proto", "http");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Original-Host", "evil.example");
        return request;
    }

    /// <summary>og:url, og:image and the canonical link are all there and all start with the configured address.</summary>
    internal static void AssertLinksArePublic(string name, string html, bool withImage)
    {
        var url = OgUrl().Match(html);
        var canonical = Canonical().Match(html);
        var image = OgImage().Match(html);
        Assert.True(url.Success && canonical.Success, $"{name}: the page has no og:url or canonical link");
        Assert.True(image.Success || !withImage, $"{name}: the page has no og:image");
        foreach (var (what, link) in new[] { ("og:url", url), ("canonical", canonical), ("og:image", image) }.Where(x => x.Item2.Success))
        {
            Assert.True(link.Groups[1].Value.StartsWith(MutuaFactory.PublicAddress + "/", StringComparison.Ordinal),
                $"{name}: {what} is {link.Groups[1].Value}, not under {MutuaFactory.PublicAddress}");
        }
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("//127.0.0.1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("//[::1]", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://localhost", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<meta property=\"og:url\" content=\"([^\"]*)\"")]
    private static partial Regex OgUrl();

    [GeneratedRegex("<meta property=\"og:image\" content=\"([^\"]*)\"")]
    private static partial Regex OgImage();

    [GeneratedRegex("<link rel=\"canonical\" href=\"([^\"]*)\"")]
    private static partial Regex Canonical();

    [GeneratedRegex("<input[^>]*readonly[^>]*value=\"([^\"]*)\"")]
    private static partial Regex ShareLink();
}

/// <summary>
/// Behind a TLS proxy (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true) Mutua reads X-Forwarded-For and -Proto, but the links it
/// writes still come from the public address, never from what the forwarded headers say.
/// </summary>
public sealed class PublicAddressBehindAProxyTests(PublicAddressBehindAProxyTests.ProxiedFactory app) : IClassFixture<PublicAddressBehindAProxyTests.ProxiedFactory>
{
    public sealed class ProxiedFactory : MutuaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // What the environment variable ASPNETCORE_FORWARDEDHEADERS_ENABLED sets.
            builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forwarded_headers_are_read_but_never_change_the_links()
    {
        var page = $"/p/{await app.WithDbAsync(db => db.Projects.Where(p => p.Id == app.Demo.FoodCart).Select(p => p.Slug).SingleAsync(Ct))}";
        using var client = app.NewClient(cookies: false);

        // The headers are read: a request forwarded as HTTPS for Mutua's own name is told to stay on HTTPS (HSTS).
        using var secure = new HttpRequestMessage(HttpMethod.Get, "http://mutua.example.org/Projects");
        secure.Headers.Add("X-Forwarded-Proto", "https");
        using var hsts = await client.SendAsync(secure, Ct);
        Assert.Equal(HttpStatusCode.OK, hsts.StatusCode);
        Assert.True(hsts.Headers.Contains("Strict-Transport-Security"), "forwarded headers are not on: X-Forwarded-Proto https gave no HSTS");

        // A forwarded host never gets past the host filter into a link, through the cache or not.
        foreach (var proto in new[] { "http", "https" })
        {
            for (var i = 0; i < 2; i++)
            {
                using var request = PublicAddressTests.Forwarded(page);
                request.Headers.Remove("X-Forwarded-Proto");
                request.Headers.Add("X-Forwarded-Proto", proto);
                using var response = await client.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                PublicAddressTests.AssertLinksArePublic($"X-Forwarded-Proto {proto}", await response.Content.ReadAsStringAsync(Ct), withImage: true);
            }
        }
        using var plain = await client.GetAsync(page, Ct);
        PublicAddressTests.AssertLinksArePublic("plain", await plain.Content.ReadAsStringAsync(Ct), withImage: true);

        using var evil = await client.GetAsync("http://evil.example/Projects", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
    }
}

/// <summary>Reading Mutua:PublicAddress: what it accepts, what it refuses, and what it says when it refuses.</summary>
public sealed class PublicAddressSettingTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Mutua.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static PublicAddress Read(string? value, string environment = "Production") =>
        PublicAddress.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PublicAddress.Setting] = value }).Build(),
            new Environment(environment));

    [Theory]
    [InlineData("https://mutua.example.org", "https://mutua.example.org")]
    [InlineData("https://mutua.example.org/", "https://mutua.example.org")]
    [InlineData("  https://Mutua.Example.org/  ", "https://mutua.example.org")]
    [InlineData("http://mutua.example.org:8080", "http://mutua.example.org:8080")]
    [InlineData("https://mutua.example.org:443", "https://mutua.example.org")]
    [InlineData("http://127.0.0.1:5203/", "http://127.0.0.1:5203")]
    public void An_address_is_kept_as_scheme_host_and_port(string value, string expected)
    {
        var address = Read(value);
        Assert.Equal(expected, address.ToString());
        Assert.Equal(expected + "/p/abc", address.Link("/p/abc"));
        Assert.Equal(expected + "/Join", address.Link("Join"));
    }

    [Theory]
    [InlineData("https://mutua.example.org/mutua")]
    [InlineData("https://mutua.example.org/p/")]
    [InlineData("https://mutua.example.org/?x=1")]
    [InlineData("https://mutua.example.org/#top")]
    [InlineData("https://someone:secret@mutua.example.org")]
    [InlineData("ftp://mutua.example.org")]
    [InlineData("mutua.example.org")]
    [InlineData("/p")]
    [InlineData("not an address")]
    public void An_address_with_a_path_or_anything_else_but_scheme_host_and_port_stops_the_start(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Read(value));
        Assert.Contains(PublicAddress.Setting, refused.Message, StringComparison.Ordinal);
        Assert.Contains("no path", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Outside_development_a_missing_address_stops_the_start_saying_what_to_set(string? value)
    {
        foreach (var environment in new[] { "Production", "Staging" })
        {
            var refused = Assert.Throws<InvalidOperationException>(() => Read(value, environment));
            Assert.Contains("Mutua__PublicAddress", refused.Message, StringComparison.Ordinal);
        }
        Assert.Equal(PublicAddress.DevelopmentDefault, Read(value, "Development").ToString());
    }

    [Fact]
    public void The_host_is_what_the_host_filter_compares()
    {
        Assert.Equal("mutua.example.org", Read("https://mutua.example.org:8443").Host);
        Assert.Equal("[::1]", Read("http://[::1]:5203").Host);
    }
}
