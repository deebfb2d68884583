using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.Insights;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Validation;

/// <summary>
/// Issue 11: "API errors are always JSON". A failure nobody foresaw (here: the insights service cannot be
/// made) answers a problem document under /api, even to a client whose Accept asks for HTML; pages keep
/// the friendly error page.
/// </summary>
public sealed class ApiErrorsAreJsonTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WebApplicationFactory<Program> Broken() => app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        s.AddScoped<InsightsService>(_ => throw new InvalidOperationException("A failure nobody foresaw."))));

    [Theory]
    [InlineData(null)]
    [InlineData("text/html")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    [InlineData("image/png")]
    public async Task An_unhandled_failure_under_api_is_a_json_problem_in_the_callers_language(string? accept)
    {
        await using var broken = Broken();
        using var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MutuaFactory.LoginAsync(client, DemoPeople.DeniseLogin));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sw");
        if (accept is not null) client.DefaultRequestHeaders.Accept.ParseAdd(accept);

        using var response = await client.GetAsync($"/api/v1/communities/{app.Demo.Dudley}/insights", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"Accept {accept}: {response.Content.Headers.ContentType} {body[..Math.Min(body.Length, 200)]}");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("server_error", problem.RootElement.GetProperty("error").GetString());
        Assert.StartsWith("Samahani", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("nobody foresaw", body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Found by the OpenAPI fuzz test: with an Accept that names no JSON, IProblemDetailsService declines, and
    /// a request the API cannot read came back as a 400 without a body, or as the HTML error page with 500.
    /// </summary>
    [Theory]
    [InlineData("text/html", "PATCH", "/api/v1/me", "{\"firstName\":-0.5}")]
    [InlineData("application/xml", "POST", "/api/v1/auth/login", "{\"login\":[],\"password\":1}")]
    [InlineData("text/html", "GET", "/api/v1/projects?page=1e9", null)]
    [InlineData("image/png", "GET", "/api/v1/projects?verified=maybe", null)]
    [InlineData("text/html", "PUT", "/api/v1/households/{h}/checkins/2025-11", "{\"savingsBalance\":\"lots\"}")]
    public async Task A_request_the_api_cannot_read_is_a_json_400_whatever_the_accept_header(string accept, string method, string path, string? json)
    {
        using var client = await app.ApiAsync(DemoPeople.JamalLogin, "fr");
        client.DefaultRequestHeaders.Accept.ParseAdd(accept);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{h}", app.Demo.JamalHousehold.ToString(), StringComparison.Ordinal));
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("bad_request", problem.RootElement.GetProperty("error").GetString());
        Assert.StartsWith("Nous n", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_keeps_the_friendly_error_page()
    {
        await using var broken = Broken();
        using var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await MutuaFactory.SignInWithFormAsync(client, DemoPeople.DeniseLogin);
        using var response = await client.GetAsync($"/Communities/{app.Demo.Dudley}/Insights", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("nobody foresaw", body, StringComparison.Ordinal);
    }
}
