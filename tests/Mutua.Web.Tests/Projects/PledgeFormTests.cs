using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Projects;

/// <summary>Amounts typed on a project's pledge form (issue 13): read as the supporter writes them, or shown back to confirm.</summary>
public sealed class PledgeFormTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> KeishaInSpanishAsync()
    {
        var client = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(client, DemoPeople.KeishaLogin);
        using var chosen = await MutuaFactory.PostFormAsync(client, "/Language", new() { ["language"] = "es", ["returnUrl"] = "/" }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        return client;
    }

    private Task<List<long>> KeishasPledgesAsync() => app.WithDbAsync(db => db.Pledges.AsNoTracking()
        .Where(p => p.ProjectId == app.Demo.ToolLibrary && p.PersonId == app.Demo.Keisha).OrderBy(p => p.CreatedAt).Select(p => p.Amount).ToListAsync());

    [Fact]
    public async Task A_pledge_typed_the_Californian_Spanish_way_is_stored_as_typed()
    {
        using var keisha = await KeishaInSpanishAsync();
        var before = await KeishasPledgesAsync();

        using var posted = await MutuaFactory.PostFormAsync(keisha, $"/p/{app.Demo.ToolLibrarySlug}?handler=Pledge",
            new() { ["needId"] = app.Demo.ToolLibraryMoney.ToString(), ["amount"] = "1,800" }, formPage: $"/p/{app.Demo.ToolLibrarySlug}");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal([.. before, 180_000], await KeishasPledgesAsync());
    }

    [Fact]
    public async Task A_pledge_that_could_mean_two_things_comes_back_as_read_and_is_not_made()
    {
        using var keisha = await KeishaInSpanishAsync();
        var before = await KeishasPledgesAsync();

        using var posted = await MutuaFactory.PostFormAsync(keisha, $"/p/{app.Demo.ToolLibrarySlug}?handler=Pledge",
            new() { ["needId"] = app.Demo.ToolLibraryMoney.ToString(), ["amount"] = "12.345" }, formPage: $"/p/{app.Demo.ToolLibrarySlug}");
        var html = await posted.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Leímos “12.345” como $12,345.00", html, StringComparison.Ordinal);
        Assert.Contains("name=\"amount\" value=\"12345.00\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await KeishasPledgesAsync());
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("2.5")]
    public async Task Items_pledged_as_a_decimal_are_refused_not_read_ten_times_larger(string typed)
    {
        using var keisha = await KeishaInSpanishAsync();
        var tools = await app.WithDbAsync(db => db.Needs.Where(n => n.ProjectId == app.Demo.ToolLibrary && n.Kind == Mutua.Core.Projects.NeedKind.Materials)
            .Select(n => n.Id).SingleAsync(Ct));
        var before = await KeishasPledgesAsync();

        using var posted = await MutuaFactory.PostFormAsync(keisha, $"/p/{app.Demo.ToolLibrarySlug}?handler=Pledge",
            new() { ["needId"] = tools.ToString(), ["amount"] = typed }, formPage: $"/p/{app.Demo.ToolLibrarySlug}");
        var html = await posted.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("número entero mayor que cero", html, StringComparison.Ordinal);
        Assert.Equal(before, await KeishasPledgesAsync());
    }

    [Fact]
    public async Task Items_pledged_with_a_thousands_comma_in_California_Spanish_are_read_whole()
    {
        using var keisha = await KeishaInSpanishAsync();
        var tools = await app.WithDbAsync(db => db.Needs.Where(n => n.ProjectId == app.Demo.ToolLibrary && n.Kind == Mutua.Core.Projects.NeedKind.Materials)
            .Select(n => n.Id).SingleAsync(Ct));
        var before = await KeishasPledgesAsync();

        using var posted = await MutuaFactory.PostFormAsync(keisha, $"/p/{app.Demo.ToolLibrarySlug}?handler=Pledge",
            new() { ["needId"] = tools.ToString(), ["amount"] = "1,000" }, formPage: $"/p/{app.Demo.ToolLibrarySlug}");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal([.. before, 1000], await KeishasPledgesAsync());
    }
}
