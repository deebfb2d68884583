namespace Mutua.Core.Network;

[Flags]
public enum HelpPattern
{
    None = 0,
    /// <summary>Nobody helped them in the window.</summary>
    Isolated = 1,
    /// <summary>They were helped but helped nobody.</summary>
    OnlyReceives = 2,
    /// <summary>They helped others but nobody helped them.</summary>
    OnlyGives = 4,
    /// <summary>They helped or were helped by a household of another group.</summary>
    Bridge = 8,
}

/// <summary>
/// One household's place in the network. Reciprocity is the share of the households it is linked to
/// (either way) with whom help went both ways. Cluster is -1 for a household with no links at all.
/// </summary>
public readonly record struct NodeMetrics(int InDegree, int OutDegree, double Reciprocity, double Betweenness, int Cluster,
    HelpPattern Flags, int OtherGroupLinks);

/// <summary>
/// The whole network: density m/(n(n-1)) of the directed graph, reciprocity as NetworkX's
/// overall_reciprocity (links whose reverse is also a link, over all links), clusters of two or more
/// households, and Newman modularity of that split.
/// </summary>
public sealed record NetworkSummary(int Households, int Links, double Density, double Reciprocity, int Clusters, double Modularity,
    int Isolated, int OnlyReceives, int OnlyGives, int Bridges, bool Approximate, double ErrorBound);

public sealed record NetworkMetrics(NodeMetrics[] Nodes, NetworkSummary Summary, int[] ClusterSizes);

public static class NetworkAnalysis
{
    /// <param name="graph">Who helped whom.</param>
    /// <param name="groupOf">Each node's group (any integer), or -1 for none; null when groups are unknown.</param>
    /// <param name="betweenness">Precomputed betweenness, or null to compute it (exact up to <see cref="Betweenness.ExactUpTo"/> nodes).</param>
    public static NetworkMetrics Compute(HelpGraph graph, int[]? groupOf = null, BetweennessResult? betweenness = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var reversed = graph.Reversed();
        var between = betweenness ?? Betweenness.Auto(graph);
        var clustering = Louvain.Detect(graph);

        var size = new int[clustering.Count];
        foreach (var c in clustering.ClusterOf) size[c]++;
        var clusters = size.Count(s => s >= 2); // clusters are numbered largest first, so these are 0..clusters-1

        var nodes = new NodeMetrics[n];
        long reciprocated = 0;
        int isolated = 0, onlyReceives = 0, onlyGives = 0, bridges = 0;
        for (var v = 0; v < n; v++)
        {
            var outs = graph.OutLinks(v);
            var ins = reversed.OutLinks(v);
            var both = CountCommon(outs, ins);
            reciprocated += both;
            var neighbours = outs.Length + ins.Length - both;
            var otherGroup = 0;
            if (groupOf is not null && groupOf[v] >= 0)
            {
                foreach (var w in outs) if (groupOf[w] >= 0 && groupOf[w] != groupOf[v]) otherGroup++;
                foreach (var w in ins) if (groupOf[w] >= 0 && groupOf[w] != groupOf[v] && !graph.HasLink(v, w)) otherGroup++;
            }
            var flags = HelpPattern.None;
            if (ins.Length == 0) { flags |= HelpPattern.Isolated; isolated++; }
            if (ins.Length > 0 && outs.Length == 0) { flags |= HelpPattern.OnlyReceives; onlyReceives++; }
            if (outs.Length > 0 && ins.Length == 0) { flags |= HelpPattern.OnlyGives; onlyGives++; }
            if (otherGroup > 0) { flags |= HelpPattern.Bridge; bridges++; }
            var cluster = clustering.ClusterOf[v] < clusters ? clustering.ClusterOf[v] : -1;
            nodes[v] = new NodeMetrics(ins.Length, outs.Length, neighbours == 0 ? 0 : (double)both / neighbours,
                between.Values[v], cluster, flags, otherGroup);
        }
        var m = graph.EdgeCount;
        var summary = new NetworkSummary(n, m, n > 1 ? m / ((double)n * (n - 1)) : 0, m == 0 ? 0 : (double)reciprocated / m,
            clusters, clustering.Modularity, isolated, onlyReceives, onlyGives, bridges, between.Approximate, between.ErrorBound);
        return new NetworkMetrics(nodes, summary, size.Take(clusters).ToArray());
    }

    private static int CountCommon(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return common;
    }
}
