using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Savings;

/// <summary>
/// A community's savings groups from outside them, over HTTP (issue 14, "What people see"): Dudley's coordinator and sponsor
/// see what Warren Street Savings Circle (ten households) adds up to, never a member's name; the group's own members, a
/// supporter and another community's sponsor are refused as the access rules say.
/// </summary>
public sealed class SavingsRollUpHttpTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private const string FruitvaleSponsor = "sponsor@fruitvale.example";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Figures =
        ["groups", "members", "households", "savings", "loansOutstanding", "portfolioAtRiskPercent", "attendancePercent", "writtenOffPercent", "assets", "projectedShareOut"];

    private static readonly string[] Amounts = ["savings", "loansOutstanding", "assets", "projectedShareOut"];

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(string? login, string path)
    {
        using var client = await app.ApiAsync(login);
        using var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The first names of Warren Street Savings Circle's members.</summary>
    private Task<List<string>> MemberNamesAsync() => app.WithDbAsync(db => db.SavingsMembers
        .Where(m => m.GroupId == app.Demo.WarrenStreetSavings)
        .Join(db.Users, m => m.PersonId, u => u.Id, (m, u) => u.FirstName).Distinct().ToListAsync());

    private static void AssertNamesNobody(string text, IEnumerable<string> names)
    {
        foreach (var name in names)
            Assert.False(Regex.IsMatch(text, $@"\b{Regex.Escape(name)}\b"), $"the roll-up names {name}: {text}");
    }

    [Theory]
    [InlineData(DemoPeople.DeniseLogin)]
    [InlineData(DemoPeople.SponsorLogin)]
    public async Task The_coordinator_and_the_sponsor_see_the_groups_as_aggregates_with_nobody_named(string login)
    {
        var (status, text) = await GetAsync(login, $"/api/v1/communities/{app.Demo.Dudley}/savings");
        Assert.True(status == HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(app.Demo.Dudley, root.GetProperty("communityId").GetGuid());
        Assert.Equal("USD", root.GetProperty("currency").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", root.GetProperty("asOf").GetString()!);
        var community = Assert.Single(root.GetProperty("community").EnumerateArray());
        Assert.Equal("USD", community.GetProperty("currency").GetString());
        foreach (var name in Figures)
        {
            var cell = community.GetProperty(name);
            var suppressed = cell.GetProperty("suppressed").GetBoolean();
            Assert.Equal(suppressed, cell.GetProperty("value").ValueKind == JsonValueKind.Null);
            var reason = cell.GetProperty("reason");
            if (suppressed) Assert.Contains(reason.GetString(), new[] { "too_few", "nothing_to_measure" });
            else Assert.Equal(JsonValueKind.Null, reason.ValueKind);
        }
        // Warren Street Savings Circle: ten members from ten households.
        Assert.Equal(1, community.GetProperty("groups").GetProperty("value").GetInt64());
        Assert.Equal(10, community.GetProperty("members").GetProperty("value").GetInt64());
        Assert.Equal(10, community.GetProperty("households").GetProperty("value").GetInt64());
        // Every member bought shares: savings show, in minor units, to two significant digits.
        var savings = community.GetProperty("savings").GetProperty("value").GetInt64();
        Assert.True(savings > 0);
        foreach (var name in Amounts)
        {
            if (community.GetProperty(name).GetProperty("value") is { ValueKind: JsonValueKind.Number } v)
                Assert.Equal(Disclosure.RoundToSignificant(v.GetInt64(), 2), v.GetInt64());
        }
        // Its one young loan is one household's: too few to show.
        Assert.Equal("too_few", community.GetProperty("loansOutstanding").GetProperty("reason").GetString());
        AssertNamesNobody(text, await MemberNamesAsync());
        Assert.DoesNotContain("personId", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Warren Street Savings Circle", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_groups_members_a_supporter_and_another_communitys_sponsor_are_refused()
    {
        var path = $"/api/v1/communities/{app.Demo.Dudley}/savings";
        // The group's secretary and a member see its books on its own pages, not this; inside the community a refusal is a 403.
        foreach (var login in new[] { DemoPeople.JamalLogin, DemoPeople.KeishaLogin })
        {
            var (status, text) = await GetAsync(login, path);
            Assert.True(status == HttpStatusCode.Forbidden, $"{login}: {(int)status} {text}");
            Assert.Contains("\"error\":\"forbidden\"", text, StringComparison.Ordinal);
        }
        // Another community's sponsor finds nothing, exactly as for an id that does not exist.
        var real = await GetAsync(FruitvaleSponsor, path);
        var elsewhere = $"/api/v1/communities/{Guid.NewGuid()}/savings";
        var nowhere = await GetAsync(FruitvaleSponsor, elsewhere);
        Assert.Equal(HttpStatusCode.NotFound, real.Status);
        Assert.Equal(nowhere.Status, real.Status);
        Assert.Equal(Strangers.Normalise(nowhere.Text, elsewhere), Strangers.Normalise(real.Text, path));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(null, path)).Status);

        // Rosario of Arvin finds nothing; made a supporter of Dudley, she is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(DemoPeople.RosarioLogin, path)).Status);
        await app.WithDbAsync(async db =>
        {
            db.CommunityRoles.Add(new CommunityRole { CommunityId = app.Demo.Dudley, PersonId = app.Demo.Rosario, Role = Role.Supporter, GrantedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        try
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(DemoPeople.RosarioLogin, path)).Status);
        }
        finally
        {
            await app.WithDbAsync(db => db.CommunityRoles.Where(r => r.PersonId == app.Demo.Rosario && r.Role == Role.Supporter).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task The_page_shows_the_figures_to_the_coordinator_links_from_the_community_and_refuses_the_groups_members()
    {
        var d = app.Demo;
        var denise = await app.PagesAsync(DemoPeople.DeniseLogin);
        var html = await denise.GetStringAsync($"/Communities/{d.Dudley}/Savings", Ct);
        Assert.Contains("<h1>Savings groups</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Portfolio at risk (over 30 days late)", html, StringComparison.Ordinal);
        Assert.Contains("too few to show", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        AssertNamesNobody(main, await MemberNamesAsync());
        Assert.Contains($"href=\"/Communities/{d.Dudley}/Savings\"", await denise.GetStringAsync($"/Communities/{d.Dudley}", Ct), StringComparison.Ordinal);

        var jamal = await app.PagesAsync(DemoPeople.JamalLogin);
        Assert.DoesNotContain($"/Communities/{d.Dudley}/Savings", await jamal.GetStringAsync($"/Communities/{d.Dudley}", Ct), StringComparison.Ordinal);
        using var refused = await jamal.GetAsync($"/Communities/{d.Dudley}/Savings", Ct);
        Assert.True(refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.ToString().Contains("/Account/Denied", StringComparison.Ordinal),
            $"{(int)refused.StatusCode} {refused.Headers.Location}");
        var stranger = await app.PagesAsync(FruitvaleSponsor);
        using var missing = await stranger.GetAsync($"/Communities/{d.Dudley}/Savings", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_community_without_a_savings_group_says_so_and_an_admin_sees_every_community_by_currency()
    {
        var d = app.Demo;
        var (status, text) = await GetAsync(DemoPeople.EsperanzaLogin, $"/api/v1/communities/{d.Arvin}/savings");
        Assert.True(status == HttpStatusCode.OK, text);
        using (var json = JsonDocument.Parse(text)) Assert.Empty(json.RootElement.GetProperty("community").EnumerateArray());
        var esperanza = await app.PagesAsync(DemoPeople.EsperanzaLogin);
        using (var page = await esperanza.GetAsync($"/Communities/{d.Arvin}/Savings", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            // Esperanza reads Mutua in Spanish.
            Assert.Contains("Esta comunidad aún no tiene grupos de ahorro.", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        (status, text) = await GetAsync(DemoPeople.AdminLogin, $"/api/v1/communities/{d.Dudley}/savings");
        Assert.True(status == HttpStatusCode.OK, text);
        using var all = JsonDocument.Parse(text);
        var across = all.RootElement.GetProperty("across").EnumerateArray().ToList();
        Assert.Equal(["RWF", "UGX", "USD"], across.Select(a => a.GetProperty("currency").GetString()));
        // Dudley's circle and Fruitvale's tanda, ten households each.
        var usd = across[2];
        Assert.Equal(2, usd.GetProperty("communities").GetInt32());
        Assert.Equal(2, usd.GetProperty("figures").GetProperty("groups").GetProperty("value").GetInt64());
        Assert.True(all.RootElement.GetProperty("communitiesAcross").GetInt32() >= 5);
    }
}
