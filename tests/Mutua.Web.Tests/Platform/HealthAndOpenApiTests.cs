using System.Net;
using System.Text.Json;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Platform;

public sealed class HealthAndOpenApiTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_without_signing_in(string path)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OpenApi_document_is_json_and_lists_the_sign_in_endpoint()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/login", out var login), "the OpenAPI document lists /api/v1/auth/login");
        Assert.True(login.TryGetProperty("post", out _));
        foreach (var path in new[] { "/api/v1/me", "/api/v1/communities/{communityId}", "/api/v1/invitation-codes/{code}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"the OpenAPI document lists {path}");
        }
    }
}

public sealed class FixtureTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    [Fact]
    public async Task The_app_runs_on_the_test_database_with_the_chosen_provider()
    {
        var (connection, provider) = await app.WithDbAsync(db => Task.FromResult(
            (Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database), db.Database.ProviderName)));
        Assert.Contains("mutua_test_", connection, StringComparison.Ordinal);
        Assert.Equal(MutuaFactory.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
        Assert.NotEqual(Guid.Empty, app.Demo.Dudley);
    }
}
