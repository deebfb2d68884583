using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Mutua.Core.Communities;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Network;

/// <summary>Dudley's help network through the API, as the demo's check-ins make it.</summary>
public sealed class NetworkApiTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Path(string query = "") => $"/api/v1/communities/{app.Demo.Dudley}/network{query}";

    private async Task<(HttpStatusCode Status, string Body, string? ContentType)> GetAsync(string login, string path)
    {
        using var client = await app.ApiAsync(login);
        using var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Members_and_coordinators_see_first_names_and_the_metrics()
    {
        foreach (var login in new[] { DemoPeople.DeniseLogin, DemoPeople.KeishaLogin })
        {
            var (status, body, _) = await GetAsync(login, Path());
            Assert.Equal(HttpStatusCode.OK, status);
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            Assert.True(root.GetProperty("showsNames").GetBoolean());
            Assert.False(root.GetProperty("tooFew").GetBoolean());
            var households = root.GetProperty("households").EnumerateArray().ToList();
            Assert.True(households.Count >= 5);
            Assert.Contains(households, h => h.GetProperty("label").GetString() == "Jamal & Rosa");
            Assert.All(households, h => Assert.True(h.GetProperty("metrics").TryGetProperty("betweenness", out _)));
            Assert.True(root.GetProperty("links").GetArrayLength() > 0);
            Assert.True(root.GetProperty("summary").GetProperty("households").GetInt32() >= 5);
        }
    }

    [Fact]
    public async Task A_sponsor_and_a_supporter_get_anonymous_structure_only()
    {
        // Rosario belongs to Arvin; as a supporter of Dudley she is in the community but not one of its people.
        await app.WithDbAsync(async db =>
        {
            if (!db.CommunityRoles.Any(r => r.PersonId == app.Demo.Rosario && r.CommunityId == app.Demo.Dudley))
            {
                db.CommunityRoles.Add(new CommunityRole { CommunityId = app.Demo.Dudley, PersonId = app.Demo.Rosario, Role = Role.Supporter, GrantedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        foreach (var login in new[] { DemoPeople.SponsorLogin, DemoPeople.RosarioLogin })
        {
            foreach (var format in new[] { "", "?format=csv", "?format=csv&table=links", "?format=gexf", "?format=graphml" })
            {
                var (status, body, _) = await GetAsync(login, Path(format));
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.DoesNotContain("Jamal", body, StringComparison.Ordinal);
                Assert.DoesNotContain("Warren Street", body, StringComparison.Ordinal);
                Assert.DoesNotContain(app.Demo.JamalHousehold.ToString(), body, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("h-", body, StringComparison.Ordinal);
            }
            using var json = JsonDocument.Parse((await GetAsync(login, Path())).Body);
            Assert.False(json.RootElement.GetProperty("showsNames").GetBoolean());
            Assert.All(json.RootElement.GetProperty("households").EnumerateArray(), h =>
                Assert.Equal(JsonValueKind.Null, h.GetProperty("label").ValueKind));
        }
    }

    [Fact]
    public async Task Exports_come_as_csv_gexf_and_graphml()
    {
        var (status, csv, type) = await GetAsync(DemoPeople.DeniseLogin, Path("?format=csv"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/csv", type);
        Assert.StartsWith("id,label,group,in_degree,out_degree,reciprocity,betweenness,cluster", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Jamal & Rosa", csv, StringComparison.Ordinal);

        var (_, links, _) = await GetAsync(DemoPeople.DeniseLogin, Path("?format=csv&table=links"));
        Assert.StartsWith("source,target,months,confirmed,reported_by,value", links.TrimStart('\uFEFF'), StringComparison.Ordinal);

        var (_, gexf, gexfType) = await GetAsync(DemoPeople.DeniseLogin, Path("?format=gexf"));
        Assert.Equal("application/gexf+xml", gexfType);
        XNamespace g = "http://www.gexf.net/1.2draft";
        Assert.NotEmpty(XDocument.Parse(gexf).Descendants(g + "edge"));

        var (_, graphml, graphmlType) = await GetAsync(DemoPeople.DeniseLogin, Path("?format=graphml"));
        Assert.Equal("application/graphml+xml", graphmlType);
        XNamespace m = "http://graphml.graphdrawing.org/xmlns";
        Assert.NotEmpty(XDocument.Parse(graphml).Descendants(m + "node"));
    }

    [Theory]
    [InlineData("?format=pdf")]
    [InlineData("?from=2026-13")]
    [InlineData("?from=2026-05&to=2026-01")]
    [InlineData("?from=2015-01&to=2026-01")]
    public async Task Bad_input_gets_a_clear_400(string query)
    {
        var (status, body, _) = await GetAsync(DemoPeople.DeniseLogin, Path(query));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"error\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_window_with_no_help_still_lists_the_households_and_nobody_is_helped()
    {
        var (status, body, _) = await GetAsync(DemoPeople.DeniseLogin, Path("?from=2019-01&to=2019-02"));
        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(0, json.RootElement.GetProperty("links").GetArrayLength());
    }

    [Fact]
    public async Task The_attention_list_is_for_coordinators_only()
    {
        var (status, body, _) = await GetAsync(DemoPeople.DeniseLogin, $"/api/v1/communities/{app.Demo.Dudley}/network/attention");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"households\"", body, StringComparison.Ordinal);
        foreach (var login in new[] { DemoPeople.JamalLogin, DemoPeople.KeishaLogin, DemoPeople.SponsorLogin, DemoPeople.EsperanzaLogin })
        {
            var (denied, _, _) = await GetAsync(login, $"/api/v1/communities/{app.Demo.Dudley}/network/attention");
            Assert.True(denied is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{login} got {denied}");
        }
    }

    [Fact]
    public async Task The_network_page_draws_the_map_with_names_for_members_and_without_for_the_sponsor()
    {
        var member = await app.PagesAsync(DemoPeople.KeishaLogin);
        var page = await member.GetStringAsync($"/Communities/{app.Demo.Dudley}/Network", Ct);
        Assert.Contains("<svg class=\"network-map\"", page, StringComparison.Ordinal);
        Assert.Contains("<title>Jamal &amp; Rosa</title>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/Network/Attention", page, StringComparison.Ordinal);

        var coordinator = await app.PagesAsync(DemoPeople.DeniseLogin);
        Assert.Contains("/Network/Attention", await coordinator.GetStringAsync($"/Communities/{app.Demo.Dudley}/Network", Ct), StringComparison.Ordinal);

        var sponsor = await app.PagesAsync(DemoPeople.SponsorLogin);
        var anonymous = await sponsor.GetStringAsync($"/Communities/{app.Demo.Dudley}/Network", Ct);
        Assert.Contains("<svg class=\"network-map\"", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Jamal", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Keisha", anonymous, StringComparison.Ordinal);
    }
}
