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
