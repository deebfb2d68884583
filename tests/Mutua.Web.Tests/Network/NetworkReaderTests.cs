using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Network;

/// <summary>
/// The help map's files as researchers open them: Debian's networkx (2.8) reads the GEXF and the GraphML the API
/// serves, and finds the households and links the API's JSON has (issue 19).
/// </summary>
public sealed class NetworkReaderTests(MutuaFactory app) : IClassFixture<MutuaFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The demo reports no value with its help: three of Dudley's exchanges between households get $25.00 each.</summary>
    public async ValueTask InitializeAsync() => await app.WithDbAsync(async db =>
    {
        var dudley = db.CheckIns.Where(c => c.CommunityId == app.Demo.Dudley).Select(c => c.Id);
        if (await db.HelpExchanges.AnyAsync(h => dudley.Contains(h.CheckInId) && h.Value != null)) return 0;
        var some = await db.HelpExchanges.Where(h => dudley.Contains(h.CheckInId) && h.OtherHouseholdId != null).OrderBy(h => h.Id).Take(3).ToListAsync();
        foreach (var h in some) h.Value = 2_500;
        return await db.SaveChangesAsync();
    });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string Path(string query = "") => $"/api/v1/communities/{app.Demo.Dudley}/network{query}";

    [Theory]
    [InlineData(DemoPeople.DeniseLogin)]
    [InlineData(DemoPeople.SponsorLogin)]
    public async Task Networkx_reads_the_gexf_and_the_graphml_with_the_households_and_links_of_the_json(string login)
    {
        using var client = await app.ApiAsync(login);
        using var json = JsonDocument.Parse(await client.GetStringAsync(Path(), Ct));
        var ids = json.RootElement.GetProperty("households").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        var links = json.RootElement.GetProperty("links").EnumerateArray().ToList();
        var inDegree = json.RootElement.GetProperty("households").EnumerateArray().Sum(h => h.GetProperty("metrics").GetProperty("inDegree").GetInt32());
        var months = links.Sum(l => l.GetProperty("months").GetInt32());
        var values = links.Sum(l => l.GetProperty("value").ValueKind == JsonValueKind.Null ? 0 : l.GetProperty("value").GetInt64());
        Assert.NotEmpty(links);

        var gexf = await client.GetByteArrayAsync(Path("?format=gexf"), Ct);
        var graphml = await client.GetByteArrayAsync(Path("?format=graphml"), Ct);
        using var read = await RealReaders.RunAsync("read_network.py", "networkx", Ct, ("map.gexf", gexf), ("map.graphml", graphml));

        Assert.Empty(read.RootElement.GetProperty("warnings").EnumerateArray());
        foreach (var format in new[] { "gexf", "graphml" })
        {
            var graph = read.RootElement.GetProperty(format);
            Assert.True(graph.GetProperty("directed").GetBoolean(), format);
            Assert.Equal(ids.Count, graph.GetProperty("nodes").GetInt32());
            Assert.Equal(links.Count, graph.GetProperty("edges").GetInt32());
            Assert.Equal(ids, graph.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList());
            Assert.Equal(inDegree, graph.GetProperty("in_degree").GetInt32());
            Assert.Equal(months, graph.GetProperty("months").GetInt32());
            Assert.Equal(values, graph.GetProperty("value_minor_units").GetInt64());
            Assert.Equal(["USD"], graph.GetProperty("currencies").EnumerateArray().Select(c => c.GetString()));
        }
    }

    [Fact]
    public async Task The_links_csv_says_its_values_are_minor_units_of_the_communitys_currency()
    {
        using var client = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var json = JsonDocument.Parse(await client.GetStringAsync(Path(), Ct));
        var values = json.RootElement.GetProperty("links").EnumerateArray()
            .Sum(l => l.GetProperty("value").ValueKind == JsonValueKind.Null ? 0 : l.GetProperty("value").GetInt64());
        Assert.True(values > 0);
        var lines = (await client.GetStringAsync(Path("?format=csv&table=links"), Ct)).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.Equal(["source", "target", "months", "confirmed", "reported_by", "value_minor_units", "currency"], lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Equal("USD", l[6]));
        Assert.Equal(values, lines.Skip(1).Sum(l => l[5].Length == 0 ? 0 : long.Parse(l[5], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_gexf_is_version_1_2draft_which_networkx_and_gephi_both_read()
    {
        using var client = await app.ApiAsync(DemoPeople.DeniseLogin);
        var gexf = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(Path("?format=gexf"), Ct));
        Assert.Equal("http://www.gexf.net/1.2draft", gexf.Root!.Name.NamespaceName);
        Assert.Equal("1.2", gexf.Root.Attribute("version")!.Value);
    }

    [Theory]
    [InlineData("?format=csv&table=xyz")]
    [InlineData("?format=csv&table=LINKS")]
    public async Task An_unknown_table_is_a_400_problem(string query)
    {
        using var client = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var response = await client.GetAsync(Path(query), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("invalid_export_option", problem.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_network_page_says_so_for_an_unknown_table_instead_of_sending_a_file()
    {
        var page = await app.PagesAsync(DemoPeople.DeniseLogin);
        using var response = await page.GetAsync($"/Communities/{app.Demo.Dudley}/Network?handler=Export&format=csv&table=xyz", Ct);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("table is households or links", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?format=csv&table=households")]
    [InlineData("?format=csv&table=links")]
    [InlineData("?format=csv")]
    public async Task The_known_tables_still_answer(string query)
    {
        using var client = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var response = await client.GetAsync(Path(query), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
