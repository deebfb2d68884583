using Mutua.Core.Network;

namespace Mutua.Core.Tests.Network;

/// <summary>
/// The help map's metrics on a 40-household graph made once with Python's random.Random(2026) (groups of 4 to 8, links
/// mostly inside them, three households in no group: one only gives, one only receives, one alone), checked against
/// NetworkX 2.8.8 (Debian's python3-networkx): betweenness_centrality (directed, normalized), density,
/// overall_reciprocity, and community.modularity of the groups on the undirected graph whose weights add both directions.
/// The per-household figures that NetworkX defines otherwise (reciprocity as shared over all neighbours, the flags and
/// links across groups) were computed in the same script by their definitions in <see cref="NetworkAnalysis"/>.
/// </summary>
public sealed class NetworkOracleTests
{
    private const string Links = "0>9 0>13 2>3 2>5 3>0 3>2 3>15 4>9 5>6 5>7 5>25 6>26 7>5 8>4 8>6 9>4 9>6 9>26 10>14 10>15 11>10 11>12 11>15 11>16 11>17 12>38 13>14 13>16 13>17 13>26 14>10 14>15 14>16 16>11 16>14 16>15 17>10 17>15 17>16 18>20 18>25 19>21 19>22 19>23 19>25 20>21 20>23 22>19 22>20 22>21 23>22 23>25 24>1 24>20 25>20 26>7 26>29 27>1 27>28 28>4 28>27 29>5 29>24 29>30 31>17 31>30 31>36 32>33 32>34 33>30 33>32 34>30 34>31 34>33 36>29 37>5 37>20";
    private static readonly int[] Groups = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, -1, -1, -1];
    private static readonly double[] NetworkXBetweenness = [0.01720647773279352, 0.0, 0.00573549257759784, 0.008097165991902834, 0.019568151147098516, 0.05094466936572199, 0.02631578947368421, 0.0067476383265856945, 0.0, 0.03609986504723347, 0.0020242914979757085, 0.01855600539811066, 0.008771929824561403, 0.020917678812415654, 0.005510571300044983, 0.0, 0.026090868196131357, 0.020692757534862796, 0.0, 0.0010121457489878543, 0.06309041835357625, 0.0, 0.018218623481781375, 0.033738191632928474, 0.06275303643724696, 0.01417004048582996, 0.07759784075573549, 0.0006747638326585695, 0.010121457489878543, 0.10526315789473684, 0.0, 0.044534412955465584, 0.016194331983805668, 0.0010121457489878543, 0.03137651821862348, 0.0, 0.03508771929824561, 0.0, 0.0, 0.0];
    private static readonly double[] Reciprocity = [0.0, 0.0, 0.5, 0.3333333333333333, 0.3333333333333333, 0.16666666666666666, 0.0, 0.5, 0.0, 0.25, 0.25, 0.2, 0.0, 0.0, 0.5, 0.0, 0.4, 0.0, 0.0, 0.25, 0.0, 0.0, 0.25, 0.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.0, 0.0, 0.0, 0.5, 0.3333333333333333, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
    private static readonly string[] Flags = ["Bridge", "OnlyReceives|Bridge", "Bridge", "Bridge", "Bridge", "Bridge", "Bridge", "Bridge", "Isolated|OnlyGives", "Bridge", "", "", "", "Bridge", "", "OnlyReceives|Bridge", "", "Bridge", "Isolated|OnlyGives", "", "", "OnlyReceives", "", "", "Bridge", "Bridge", "Bridge", "Bridge", "Bridge", "Bridge", "OnlyReceives|Bridge", "Bridge", "", "", "", "Isolated", "Bridge", "Isolated|OnlyGives", "OnlyReceives", "Isolated"];
    private static readonly int[] OtherGroup = [2, 2, 1, 1, 1, 3, 1, 1, 0, 2, 0, 0, 0, 2, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 2, 1, 4, 1, 1, 4, 1, 2, 0, 0, 0, 0, 2, 0, 0, 0];

    private const double Density = 0.04935897435897436;
    private const double OverallReciprocity = 0.23376623376623376;
    private const double ModularityOfTheGroups = 0.5417439703153989;

    private static HelpGraph Graph()
    {
        var pairs = Links.Split(' ').Select(p => p.Split('>')).Select(p => (int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        return HelpGraph.FromArrays(Groups.Length, [.. pairs.Select(p => p.Item1)], [.. pairs.Select(p => p.Item2)], null);
    }

    [Fact]
    public void Betweenness_is_NetworkXs_for_every_household()
    {
        var g = Graph();
        var exact = Betweenness.Exact(g);
        Assert.False(exact.Approximate);
        for (var v = 0; v < g.NodeCount; v++) Assert.Equal(NetworkXBetweenness[v], exact.Values[v], 12);
        // Sampling every source is the exact computation; Auto is exact at this size.
        Assert.Equal(exact.Values, Betweenness.Sampled(g, g.NodeCount).Values);
        Assert.Equal(exact.Values, Betweenness.Auto(g).Values);
        // Another split of the sources adds in another order: the same values to the last bits.
        var threeThreads = Betweenness.Exact(g, threads: 3).Values;
        for (var v = 0; v < g.NodeCount; v++) Assert.Equal(exact.Values[v], threeThreads[v], 15);
    }

    [Fact]
    public void The_summary_is_NetworkXs_and_counts_each_pattern()
    {
        var g = Graph();
        var m = NetworkAnalysis.Compute(g, Groups);
        Assert.Equal((40, 77), (m.Summary.Households, m.Summary.Links));
        Assert.Equal(Density, m.Summary.Density, 15);
        Assert.Equal(OverallReciprocity, m.Summary.Reciprocity, 15);
        Assert.Equal(Flags.Count(f => f.Contains("Isolated", StringComparison.Ordinal)), m.Summary.Isolated);
        Assert.Equal(Flags.Count(f => f.Contains("OnlyReceives", StringComparison.Ordinal)), m.Summary.OnlyReceives);
        Assert.Equal(Flags.Count(f => f.Contains("OnlyGives", StringComparison.Ordinal)), m.Summary.OnlyGives);
        Assert.Equal(Flags.Count(f => f.Contains("Bridge", StringComparison.Ordinal)), m.Summary.Bridges);
        Assert.Equal((5, 5, 3, 21), (m.Summary.Isolated, m.Summary.OnlyReceives, m.Summary.OnlyGives, m.Summary.Bridges));
        Assert.False(m.Summary.Approximate);
    }

    [Fact]
    public void Each_households_figures_follow_their_definitions()
    {
        var g = Graph();
        var m = NetworkAnalysis.Compute(g, Groups);
        var reversed = g.Reversed();
        for (var v = 0; v < g.NodeCount; v++)
        {
            var node = m.Nodes[v];
            var expected = Flags[v].Length == 0 ? HelpPattern.None
                : Flags[v].Split('|').Select(Enum.Parse<HelpPattern>).Aggregate(HelpPattern.None, (a, b) => a | b);
            Assert.True(expected == node.Flags, $"household {v}: {node.Flags}, not {expected}");
            Assert.True(OtherGroup[v] == node.OtherGroupLinks, $"household {v}: {node.OtherGroupLinks} links across groups, not {OtherGroup[v]}");
            Assert.Equal(Reciprocity[v], node.Reciprocity, 15);
            Assert.Equal((g.OutDegree(v), reversed.OutDegree(v)), (node.OutDegree, node.InDegree));
            Assert.Equal(NetworkXBetweenness[v], node.Betweenness, 12);
        }
    }

    [Fact]
    public void Modularity_is_NetworkXs_and_clusters_are_numbered_largest_first_without_singletons()
    {
        var g = Graph();
        // Households in no group each make a cluster of their own, as NetworkX's partition above has them.
        var groups = Groups.Select((c, v) => c >= 0 ? c : 100 + v).ToArray();
        var dense = groups.Distinct().Order().Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        Assert.Equal(ModularityOfTheGroups, Louvain.Modularity(g, [.. groups.Select(c => dense[c])]), 12);

        var found = Louvain.Detect(g);
        Assert.Equal(found.Modularity, Louvain.Modularity(g, found.ClusterOf), 12);
        Assert.True(found.Modularity >= ModularityOfTheGroups - 1e-9, $"Louvain found {found.Modularity}, below the groups' {ModularityOfTheGroups}");
        var sizes = Enumerable.Range(0, found.Count).Select(c => found.ClusterOf.Count(x => x == c)).ToArray();
        Assert.All(sizes, s => Assert.True(s > 0));
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.Equal(found.ClusterOf, Louvain.Detect(Graph()).ClusterOf);

        var m = NetworkAnalysis.Compute(g, Groups);
        var shown = sizes.Where(s => s >= 2).ToArray();
        Assert.Equal(shown, m.ClusterSizes);
        Assert.Equal(shown.Length, m.Summary.Clusters);
        Assert.Equal(found.Modularity, m.Summary.Modularity, 12);
        for (var v = 0; v < g.NodeCount; v++)
            Assert.Equal(sizes[found.ClusterOf[v]] >= 2 ? found.ClusterOf[v] : -1, m.Nodes[v].Cluster);
        Assert.Equal(-1, m.Nodes[39].Cluster); // alone
    }

    [Fact]
    public void An_empty_network_and_one_household_have_no_density_and_no_reciprocity()
    {
        var none = NetworkAnalysis.Compute(HelpGraph.FromArrays(0, [], [], null));
        Assert.Equal((0, 0, 0.0, 0.0, 0), (none.Summary.Households, none.Summary.Links, none.Summary.Density, none.Summary.Reciprocity, none.Summary.Clusters));
        var one = NetworkAnalysis.Compute(HelpGraph.FromArrays(1, [], [], null));
        Assert.Equal((1, 0.0, 0.0), (one.Summary.Households, one.Summary.Density, one.Summary.Reciprocity));
        Assert.Equal(HelpPattern.Isolated, one.Nodes[0].Flags);
        Assert.Equal(0, one.Nodes[0].Reciprocity);
        Assert.Empty(one.ClusterSizes);
        Assert.Equal(0, Louvain.Modularity(HelpGraph.FromArrays(3, [], [], null), [0, 1, 2]));
    }

    [Fact]
    public void The_sampling_bound_is_Hoeffdings_with_a_union_bound()
    {
        // n/(n−1)·√(ln(2n/(1−confidence))/(2k)), computed in Python.
        Assert.Equal(0.2304111524525891, Betweenness.ErrorBoundFor(1000, 100), 15);
        Assert.Equal(0.6924633086137869, Betweenness.ErrorBoundFor(50, 10, 0.99), 15);
        Assert.Equal(0, Betweenness.ErrorBoundFor(2, 1));
        Assert.Equal(0, Betweenness.ErrorBoundFor(50, 50));
    }

    [Fact]
    public void Above_the_exact_limit_betweenness_is_sampled_and_says_so()
    {
        // A long path: sparse enough to sample a thousand sources quickly.
        static HelpGraph Path(int n) => HelpGraph.FromArrays(n, [.. Enumerable.Range(0, n - 1)], [.. Enumerable.Range(1, n - 1)], null);
        Assert.False(Betweenness.Auto(Path(Betweenness.ExactUpTo)).Approximate);
        var sampled = Betweenness.Auto(Path(Betweenness.ExactUpTo + 1));
        Assert.True(sampled.Approximate);
        Assert.Equal(Betweenness.DefaultSamples, sampled.Sources);
        Assert.Throws<ArgumentOutOfRangeException>(() => Betweenness.Sampled(Path(10), 0));
    }

    [Fact]
    public void A_graph_refuses_links_outside_its_households_and_finds_its_first_link()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HelpGraph.FromArrays(3, [0, 3], [1, 0], null));
        Assert.Throws<ArgumentOutOfRangeException>(() => HelpGraph.FromArrays(3, [0, 1], [1, 3], null));
        Assert.Throws<ArgumentOutOfRangeException>(() => HelpGraph.FromArrays(3, [-1], [1], null));
        Assert.Throws<ArgumentException>(() => HelpGraph.FromArrays(3, [0, 1], [1], null));
        var g = HelpGraph.FromEdges(4, [(2, 0, 1.5), (2, 3, 1), (2, 1, 2), (0, 1, 1)]);
        Assert.True(g.HasLink(2, 0)); // the first of its sorted links
        Assert.True(g.HasLink(2, 3));
        Assert.False(g.HasLink(0, 2));
        Assert.Equal([0, 1, 3], g.OutLinks(2).ToArray());
        Assert.Equal([1.5, 2, 1], g.Weights.AsSpan(g.Offsets[2], 3).ToArray());
    }
}
