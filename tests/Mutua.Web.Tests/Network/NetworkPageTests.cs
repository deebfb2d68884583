using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Network;

/// <summary>
/// The help map's page (issue 13): on a phone the drawing has no names, so its list view (the clusters table) is where
/// a member finds who is who, including the households with no links in the period.
/// </summary>
public sealed partial class NetworkPageTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Households_in_no_cluster_are_named_in_the_list_view_where_they_share_their_name()
    {
        using var api = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var json = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/communities/{app.Demo.Dudley}/network", Ct));
        var households = json.RootElement.GetProperty("households").EnumerateArray().ToList();
        var alone = households.Where(h => h.GetProperty("metrics").GetProperty("cluster").GetInt32() == -1).ToList();
        var named = alone.Where(h => h.GetProperty("label").ValueKind == JsonValueKind.String).Select(h => h.GetProperty("label").GetString()!).ToList();
        Assert.True(named.Count > 0, $"the demo has {alone.Count} households in no cluster for Denise, none of them named");

        var page = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(page, DemoPeople.DeniseLogin);
        using var response = await page.GetAsync($"/Communities/{app.Demo.Dudley}/Network", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var row = NoClusterRow().Match(html);
        Assert.True(row.Success, "no row for the households in no cluster");
        var cells = Regex.Replace(row.Value, "<[^>]+>", "|").Split(['|', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => WebUtility.HtmlDecode(c)!).ToHashSet();
        Assert.Contains(alone.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cells);
        Assert.Subset(cells, named.ToHashSet());
        // Nobody in a cluster is listed there.
        var inClusters = households.Where(h => h.GetProperty("metrics").GetProperty("cluster").GetInt32() >= 0
            && h.GetProperty("label").ValueKind == JsonValueKind.String).Select(h => h.GetProperty("label").GetString()!);
        Assert.Empty(cells.Intersect(inClusters));
    }

    [GeneratedRegex("<tr>\\s*<th scope=\"row\">In no cluster</th>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex NoClusterRow();
}
