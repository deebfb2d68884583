using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Platform;

/// <summary>Light on a cheap phone (issue 13): text answers compressed, versioned static files kept a year, a favicon.</summary>
public sealed class CompressionTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpResponseMessage Response, string Text)> GetAsync(HttpClient client, string path, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStreamAsync(Ct);
        Stream plain = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(plain);
        return (response, await reader.ReadToEndAsync(Ct));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_go_out_compressed_and_read_the_same(string encoding)
    {
        using var client = app.NewClient();
        var (compressed, text) = await GetAsync(client, "/Account/Login", encoding);
        var (plain, plainText) = await GetAsync(client, "/Account/Login", "identity");

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("<form", text, StringComparison.Ordinal);
        // The antiforgery token differs per answer; the rest of the page is the same.
        static string WithoutTokens(string html) => Regex.Replace(html, "value=\"CfDJ8[^\"]*\"", "value=\"\"");
        Assert.Equal(WithoutTokens(plainText), WithoutTokens(text));
    }

    [Fact]
    public async Task Signed_in_pages_and_the_api_are_compressed_and_still_kept_by_no_cache()
    {
        var denise = await app.PagesAsync(DemoPeople.DeniseLogin);
        var (page, html) = await GetAsync(denise, "/Communities", "br");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(["br"], page.Content.Headers.ContentEncoding);
        Assert.True(page.Headers.CacheControl?.NoStore, page.Headers.CacheControl?.ToString());
        Assert.Contains("Dudley", html, StringComparison.Ordinal);

        using var api = app.NewClient(cookies: false);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(DemoPeople.DeniseLogin));
        var (me, json) = await GetAsync(api, "/api/v1/me", "gzip");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(["gzip"], me.Content.Headers.ContentEncoding);
        Assert.Contains("\"firstName\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stylesheet_and_the_icon_are_linked_by_version_and_kept_a_year()
    {
        using var client = app.NewClient();
        var (_, html) = await GetAsync(client, "/Account/Login", "identity");
        foreach (var file in new[] { "/css/site.css", "/favicon.svg" })
        {
            var link = Regex.Match(html, $"href=\"({Regex.Escape(file)}\\?v=[^\"]+)\"");
            Assert.True(link.Success, $"{file} is not linked with its version");
            var (response, body) = await GetAsync(client, WebUtility.HtmlDecode(link.Groups[1].Value), "br");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
            Assert.NotEmpty(body);
        }
        var (unversioned, _) = await GetAsync(client, "/css/site.css", "identity");
        Assert.Equal("public, max-age=3600", unversioned.Headers.CacheControl?.ToString());
    }

    // BREACH: another site can make the browser fetch a signed-in page (top-level GET, SameSite=Lax) with text of its
    // choosing in it, and watch its size on the wire. Such a page goes out uncompressed over HTTPS.
    [Theory]
    [InlineData("same-origin", null, true)]
    [InlineData("none", null, true)]
    [InlineData("cross-site", null, false)]
    [InlineData("same-site", null, false)]
    [InlineData(null, "/Communities", true)]
    [InlineData(null, "https://evil.example/", false)]
    [InlineData(null, null, false)]
    public async Task A_signed_in_page_over_https_is_compressed_only_when_asked_from_mutuas_own_pages(string? fetchSite, string? referer, bool compressed)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri(MutuaFactory.PublicAddress),
        });
        await MutuaFactory.SignInWithFormAsync(client, DemoPeople.DeniseLogin);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Projects?q=Dudley");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        if (referer is not null) request.Headers.Referrer = new Uri(new Uri(MutuaFactory.PublicAddress), referer);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(compressed ? ["br"] : [], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Anonymous_pages_and_the_api_over_https_are_compressed_from_anywhere()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri(MutuaFactory.PublicAddress),
        });
        using var page = new HttpRequestMessage(HttpMethod.Get, "/Projects?q=Dudley");
        page.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        page.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var anonymous = await client.SendAsync(page, Ct);
        Assert.Equal(["br"], anonymous.Content.Headers.ContentEncoding);

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        api.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        api.Headers.Add("Sec-Fetch-Site", "cross-site");
        api.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(DemoPeople.DeniseLogin));
        using var me = await client.SendAsync(api, Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(["br"], me.Content.Headers.ContentEncoding);
    }
}
