namespace Mutua.Core.Network;

/// <summary>
/// A directed, weighted graph over nodes 0..n-1 in compressed sparse row form: the out-links of
/// node v are <c>Targets[Offsets[v]..Offsets[v+1]]</c>, sorted, with their weights. No self-links,
/// no duplicate links (duplicates are merged by adding their weights). Plain arrays, no EF or
/// ASP.NET types (DESIGN §3), so algorithms and benchmarks work on it directly.
/// </summary>
public sealed class HelpGraph
{
    private HelpGraph(int nodeCount, int[] offsets, int[] targets, double[] weights)
    {
        NodeCount = nodeCount;
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
    }

    public int NodeCount { get; }
    public int EdgeCount => Targets.Length;
    public int[] Offsets { get; }
    public int[] Targets { get; }
    public double[] Weights { get; }

    public int OutDegree(int v) => Offsets[v + 1] - Offsets[v];

    public ReadOnlySpan<int> OutLinks(int v) => Targets.AsSpan(Offsets[v], Offsets[v + 1] - Offsets[v]);

    /// <summary>Whether v→w is a link (binary search in v's sorted out-links).</summary>
    public bool HasLink(int v, int w) => OutLinks(v).BinarySearch(w) >= 0;

    public static HelpGraph FromEdges(int nodeCount, ReadOnlySpan<(int Source, int Target, double Weight)> edges)
    {
        var sources = new int[edges.Length];
        var targets = new int[edges.Length];
        var weights = new double[edges.Length];
        for (var i = 0; i < edges.Length; i++) (sources[i], targets[i], weights[i]) = edges[i];
        return FromArrays(nodeCount, sources, targets, weights);
    }

    /// <summary>Builds the graph from parallel arrays (which it does not keep); self-links are dropped.</summary>
    public static HelpGraph FromArrays(int nodeCount, int[] sources, int[] targets, double[]? weights)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        if (sources.Length != targets.Length) throw new ArgumentException("sources and targets differ in length", nameof(targets));
        var count = new int[nodeCount + 1];
        for (var i = 0; i < sources.Length; i++)
        {
            int s = sources[i], t = targets[i];
            if ((uint)s >= (uint)nodeCount || (uint)t >= (uint)nodeCount) throw new ArgumentOutOfRangeException(nameof(sources), "a link names a node outside 0..n-1");
            if (s != t) count[s + 1]++;
        }
        for (var v = 0; v < nodeCount; v++) count[v + 1] += count[v];
        var next = (int[])count.Clone();
        var tg = new int[count[nodeCount]];
        var wt = new double[count[nodeCount]];
        for (var i = 0; i < sources.Length; i++)
        {
            int s = sources[i], t = targets[i];
            if (s == t) continue;
            var at = next[s]++;
            tg[at] = t;
            wt[at] = weights is null ? 1 : weights[i];
        }
        // Sort each node's links and merge duplicates.
        var offsets = new int[nodeCount + 1];
        var write = 0;
        for (var v = 0; v < nodeCount; v++)
        {
            int from = count[v], to = count[v + 1];
            Array.Sort(tg, wt, from, to - from);
            offsets[v] = write;
            for (var e = from; e < to; e++)
            {
                if (write > offsets[v] && tg[write - 1] == tg[e]) { wt[write - 1] += wt[e]; continue; }
                tg[write] = tg[e];
                wt[write] = wt[e];
                write++;
            }
        }
        offsets[nodeCount] = write;
        if (write != tg.Length)
        {
            Array.Resize(ref tg, write);
            Array.Resize(ref wt, write);
        }
        return new HelpGraph(nodeCount, offsets, tg, wt);
    }

    /// <summary>The same links turned around: in-links of every node, as out-links.</summary>
    public HelpGraph Reversed()
    {
        var s = new int[EdgeCount];
        var t = new int[EdgeCount];
        for (var v = 0; v < NodeCount; v++)
        {
            for (var e = Offsets[v]; e < Offsets[v + 1]; e++) { s[e] = Targets[e]; t[e] = v; }
        }
        return FromArrays(NodeCount, s, t, Weights);
    }

    /// <summary>
    /// The undirected version: one entry each way per pair, weight w(u→v) + w(v→u). Used for
    /// clusters (Newman modularity is defined on undirected graphs) and for the drawing.
    /// </summary>
    public HelpGraph Undirected()
    {
        var s = new int[EdgeCount * 2];
        var t = new int[EdgeCount * 2];
        var w = new double[EdgeCount * 2];
        for (var v = 0; v < NodeCount; v++)
        {
            for (var e = Offsets[v]; e < Offsets[v + 1]; e++)
            {
                s[2 * e] = v; t[2 * e] = Targets[e]; w[2 * e] = Weights[e];
                s[2 * e + 1] = Targets[e]; t[2 * e + 1] = v; w[2 * e + 1] = Weights[e];
            }
        }
        return FromArrays(NodeCount, s, t, w);
    }
}
