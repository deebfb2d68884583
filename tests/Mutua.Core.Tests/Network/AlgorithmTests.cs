using System.Xml.Linq;
using Mutua.Core.CheckIns;
using Mutua.Core.Network;

namespace Mutua.Core.Tests.Network;

/// <summary>Graph metrics on small graphs whose values are known by hand (NetworkX's definitions).</summary>
public sealed class AlgorithmTests
{
    private static HelpGraph Graph(int n, params (int, int)[] links) =>
        HelpGraph.FromArrays(n, links.Select(l => l.Item1).ToArray(), links.Select(l => l.Item2).ToArray(), null);

    private static (int, int)[] BothWays(params (int, int)[] links) => links.SelectMany(l => new[] { l, (l.Item2, l.Item1) }).ToArray();

    private static HelpGraph TwoCliquesAndABridge()
    {
        var links = new List<(int, int)>();
        foreach (var offset in new[] { 0, 4 })
            for (var a = 0; a < 4; a++)
                for (var b = 0; b < 4; b++)
                    if (a != b) links.Add((offset + a, offset + b));
        links.Add((3, 4));
        links.Add((4, 3));
        return Graph(8, [.. links]);
    }

    /// <summary>A group-structured random graph like a real community: dense inside groups of 4–8, a few links across.</summary>
    private static HelpGraph Grouped(int n, int seed)
    {
        var random = new Random(seed);
        var links = new List<(int, int)>();
        var start = 0;
        while (start < n)
        {
            var size = Math.Min(n - start, random.Next(4, 9));
            for (var a = start; a < start + size; a++)
                for (var b = start; b < start + size; b++)
                    if (a != b && random.NextDouble() < 0.6) links.Add((a, b));
            start += size;
        }
        for (var a = 0; a < n; a++)
            if (random.NextDouble() < 0.8) links.Add((a, random.Next(n)));
        return Graph(n, [.. links]);
    }

    [Fact]
    public void Duplicate_links_are_merged_and_self_links_dropped()
    {
        var g = HelpGraph.FromArrays(3, [0, 0, 1, 2], [1, 1, 1, 0], [2, 3, 5, 1]);
        Assert.Equal(2, g.EdgeCount);
        Assert.Equal([1], g.OutLinks(0).ToArray());
        Assert.Equal(5, g.Weights[0]);
        Assert.Equal(0, g.OutDegree(1));
    }

    [Fact]
    public void Betweenness_on_a_directed_path_counts_the_pairs_each_node_lies_between()
    {
        // 0→1→2→3→4: node 1 is between (0,2),(0,3),(0,4); node 2 between four pairs; (n-1)(n-2) = 12.
        var b = Betweenness.Exact(Graph(5, (0, 1), (1, 2), (2, 3), (3, 4))).Values;
        Assert.Equal([0, 3 / 12.0, 4 / 12.0, 3 / 12.0, 0], b);
    }

    [Fact]
    public void The_centre_of_a_star_lies_on_every_path_between_leaves()
    {
        var b = Betweenness.Exact(Graph(5, BothWays((0, 1), (0, 2), (0, 3), (0, 4)))).Values;
        Assert.Equal(1.0, b[0], 12);
        Assert.All(b.Skip(1), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Each_node_of_a_directed_triangle_is_between_one_pair()
    {
        var b = Betweenness.Exact(Graph(3, (0, 1), (1, 2), (2, 0))).Values;
        Assert.All(b, v => Assert.Equal(0.5, v, 12));
    }

    [Fact]
    public void Split_shortest_paths_share_the_credit()
    {
        // 0→1→3 and 0→2→3: two shortest paths from 0 to 3, so 1 and 2 get half each: 0.5 / (3·2).
        var b = Betweenness.Exact(Graph(4, (0, 1), (0, 2), (1, 3), (2, 3))).Values;
        Assert.Equal(0.5 / 6, b[1], 12);
        Assert.Equal(0.5 / 6, b[2], 12);
    }

    [Fact]
    public void The_bridge_between_two_cliques_carries_all_paths_across()
    {
        // 3 and 4 are each on 24 of the 42 ordered pairs' shortest paths (3·4 each way, through both ends).
        var b = Betweenness.Exact(TwoCliquesAndABridge()).Values;
        Assert.Equal(24 / 42.0, b[3], 12);
        Assert.Equal(24 / 42.0, b[4], 12);
        Assert.All(new[] { 0, 1, 2, 5, 6, 7 }, v => Assert.Equal(0, b[v]));
    }

    [Fact]
    public void One_thread_and_two_threads_give_the_same_values()
    {
        var g = Grouped(400, 3);
        var one = Betweenness.Exact(g, threads: 1).Values;
        var two = Betweenness.Exact(g, threads: 2).Values;
        for (var v = 0; v < g.NodeCount; v++) Assert.Equal(one[v], two[v], 12);
    }

    [Fact]
    public void Sampled_betweenness_stays_within_its_stated_bound_and_is_exact_with_every_source()
    {
        var g = Grouped(600, 5);
        var exact = Betweenness.Exact(g);
        var sampled = Betweenness.Sampled(g, 150, seed: 9);
        Assert.True(sampled.Approximate);
        Assert.Equal(150, sampled.Sources);
        Assert.Equal(Betweenness.ErrorBoundFor(600, 150), sampled.ErrorBound);
        var worst = exact.Values.Zip(sampled.Values).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(worst <= sampled.ErrorBound, $"error {worst} above the bound {sampled.ErrorBound}");
        Assert.Equal(sampled.Values, Betweenness.Sampled(g, 150, seed: 9).Values);

        var all = Betweenness.Sampled(g, 600);
        Assert.False(all.Approximate);
        Assert.Equal(exact.Values, all.Values);
    }

    [Fact]
    public void The_error_bound_shrinks_with_more_sources()
    {
        Assert.True(Betweenness.ErrorBoundFor(1_000_000, 4_000) < Betweenness.ErrorBoundFor(1_000_000, 1_000));
        Assert.Equal(0, Betweenness.ErrorBoundFor(100, 100));
    }

    [Fact]
    public void Louvain_finds_the_two_cliques_with_their_modularity()
    {
        var g = TwoCliquesAndABridge();
        var c = Louvain.Detect(g);
        Assert.Equal(2, c.Count);
        Assert.All(new[] { 1, 2, 3 }, v => Assert.Equal(c.ClusterOf[0], c.ClusterOf[v]));
        Assert.All(new[] { 5, 6, 7 }, v => Assert.Equal(c.ClusterOf[4], c.ClusterOf[v]));
        Assert.NotEqual(c.ClusterOf[0], c.ClusterOf[4]);
        // Undirected: 13 pairs; each clique 6 inside and degree sum 13: Q = 2·(6/13 − (13/26)²) = 0.4231.
        Assert.Equal(2 * (6 / 13.0 - 0.25), c.Modularity, 9);
        Assert.Equal(c.Modularity, Louvain.Modularity(g, c.ClusterOf), 12);
    }

    [Fact]
    public void Louvain_on_a_grouped_graph_is_deterministic_and_finds_structure()
    {
        var g = Grouped(500, 7);
        var a = Louvain.Detect(g);
        var b = Louvain.Detect(g);
        Assert.Equal(a.ClusterOf, b.ClusterOf);
        Assert.True(a.Modularity > 0.6, $"modularity {a.Modularity}");
        Assert.Equal(a.Modularity, Louvain.Modularity(g, a.ClusterOf), 9);
    }

    [Fact]
    public void Metrics_flag_who_only_gives_only_receives_and_was_not_helped()
    {
        // 0→1→2, 2↔3, 4 alone; groups: {0,1} and {2,3}, 4 has none.
        var g = Graph(5, (0, 1), (1, 2), (2, 3), (3, 2));
        var m = NetworkAnalysis.Compute(g, [0, 0, 1, 1, -1]);
        Assert.Equal(HelpPattern.Isolated | HelpPattern.OnlyGives, m.Nodes[0].Flags);
        Assert.Equal(HelpPattern.Bridge, m.Nodes[1].Flags);
        Assert.Equal(HelpPattern.Bridge, m.Nodes[2].Flags);
        Assert.Equal(HelpPattern.None, m.Nodes[3].Flags);
        Assert.Equal(HelpPattern.Isolated, m.Nodes[4].Flags);
        Assert.Equal(-1, m.Nodes[4].Cluster);
        Assert.Equal(1.0, m.Nodes[3].Reciprocity);
        Assert.Equal(0.5, m.Nodes[2].Reciprocity); // linked to 1 and 3, both ways only with 3
        Assert.Equal(4 / 20.0, m.Summary.Density);
        Assert.Equal(0.5, m.Summary.Reciprocity); // 2 of the 4 links have their reverse
        Assert.Equal(2, m.Summary.Isolated);
        Assert.Equal(1, m.Summary.OnlyGives);
        Assert.Equal(0, m.Summary.OnlyReceives);
        Assert.False(m.Summary.Approximate);
    }

    [Fact]
    public void The_layout_is_the_same_every_time_and_fits_the_square()
    {
        var g = Grouped(300, 11);
        var clusters = Louvain.Detect(g).ClusterOf;
        var (x1, y1) = ForceLayout.Compute(g, clusters);
        var (x2, y2) = ForceLayout.Compute(g, clusters);
        Assert.Equal(x1, x2);
        Assert.Equal(y1, y2);
        Assert.All(x1.Concat(y1).Where(v => !double.IsNaN(v)), v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void Help_reported_by_both_sides_is_confirmed_and_counted_once()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var (links, outside) = HelpLinks.Build(
        [
            new(a, 202610, HelpDirection.Given, b, 500),
            new(b, 202610, HelpDirection.Received, a, 700),
            new(b, 202611, HelpDirection.Received, a, null),
            new(c, 202611, HelpDirection.Given, a, null),
            new(c, 202611, HelpDirection.Received, null, null),
        ]);
        var ab = Assert.Single(links, l => l.Giver == a && l.Receiver == b);
        Assert.True(ab.Confirmed);
        Assert.Equal([202610, 202611], ab.Periods);
        Assert.Equal(700, ab.Value);
        var ca = Assert.Single(links, l => l.Giver == c && l.Receiver == a);
        Assert.False(ca.Confirmed);
        Assert.True(ca.ReportedByGiver);
        Assert.Equal(1, outside[c].MonthsReceived);
    }

    [Fact]
    public void Exports_are_well_formed_and_anonymous_ones_carry_no_names()
    {
        var households = Enumerable.Range(0, 5).Select(i => new NetworkHousehold(Pseudonyms.Of(new byte[32], Guid.Empty, Guid.NewGuid()), null, null,
            null, null, new NodeMetrics(1, 1, 1, 0.1, 0, HelpPattern.None, 0), default)).ToList();
        var named = households.Select((h, i) => h with { Label = "Amina, \"Ami\" " + i, GroupName = "Umucyo" }).ToList();
        var links = Enumerable.Range(0, 5).Select(i => new NetworkLink(i, (i + 1) % 5, 2, i % 2 == 0, true, i % 2 == 0, null)).ToList();
        var summary = new NetworkSummary(5, 5, 0.25, 0, 1, 0.1, 0, 0, 0, 0, false, 0);
        var anonymous = new HelpNetwork(Guid.Empty, "K", "RWF", "2026-01", "2026-11", false, false, summary, [5], households, links);
        var withNames = anonymous with { ShowsNames = true, Households = named };

        foreach (var network in new[] { anonymous, withNames })
        {
            var gexf = XDocument.Parse(System.Text.Encoding.UTF8.GetString(NetworkExport.Write(network, "gexf")!.Content));
            XNamespace g = "http://www.gexf.net/1.2draft";
            Assert.Equal(5, gexf.Descendants(g + "node").Count());
            Assert.Equal(5, gexf.Descendants(g + "edge").Count());
            var graphml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(NetworkExport.Write(network, "graphml")!.Content));
            XNamespace m = "http://graphml.graphdrawing.org/xmlns";
            Assert.Equal(5, graphml.Descendants(m + "node").Count());
            Assert.Equal("directed", graphml.Descendants(m + "graph").Single().Attribute("edgedefault")!.Value);
            var csv = System.Text.Encoding.UTF8.GetString(NetworkExport.Write(network, "csv")!.Content).TrimStart('\uFEFF');
            Assert.StartsWith("id,label,group,in_degree,out_degree,reciprocity,betweenness,cluster", csv, StringComparison.Ordinal);
            Assert.Equal(6, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
            var linksCsv = System.Text.Encoding.UTF8.GetString(NetworkExport.Write(network, "csv", links: true)!.Content);
            Assert.Contains("source,target,months,confirmed,reported_by,value", linksCsv, StringComparison.Ordinal);
            Assert.Equal(network.ShowsNames, csv.Contains("Amina", StringComparison.Ordinal));
            Assert.Equal(network.ShowsNames, gexf.ToString().Contains("Amina", StringComparison.Ordinal));
        }
        Assert.Contains("\"Amina, \"\"Ami\"\" 0\"", System.Text.Encoding.UTF8.GetString(NetworkExport.Write(withNames, "csv")!.Content), StringComparison.Ordinal);
        Assert.Null(NetworkExport.Write(anonymous, "xlsx"));
    }

    [Fact]
    public void Pseudonyms_are_stable_differ_between_households_and_depend_on_the_key()
    {
        Guid community = Guid.NewGuid(), a = Guid.NewGuid(), b = Guid.NewGuid();
        byte[] key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)], other = [.. key.Select(x => (byte)(x ^ 0x5a))];
        Assert.Equal(Pseudonyms.Of(key, community, a), Pseudonyms.Of(key, community, a));
        Assert.NotEqual(Pseudonyms.Of(key, community, a), Pseudonyms.Of(key, community, b));
        Assert.NotEqual(Pseudonyms.Of(key, community, a), Pseudonyms.Of(other, community, a));
        Assert.Matches("^h-[0-9a-f]{16}$", Pseudonyms.Of(key, community, a));
        Assert.DoesNotContain(a.ToString("N")[..8], Pseudonyms.Of(key, community, a), StringComparison.Ordinal);
    }
}
