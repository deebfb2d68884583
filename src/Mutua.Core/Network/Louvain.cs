namespace Mutua.Core.Network;

/// <summary>Clusters numbered 0..Count-1, largest first, and the Newman modularity of that split.</summary>
public sealed record Clustering(int[] ClusterOf, int Count, double Modularity);

/// <summary>
/// Louvain community detection (Blondel et al. 2008) maximising Newman's modularity on the
/// undirected version of the graph (weight of a pair = help both ways added). Deterministic: nodes
/// are visited in index order and ties keep the lower cluster, so the same graph always gives the
/// same clusters. Nodes without links are clusters of one.
/// </summary>
public static class Louvain
{
    private const double MinGain = 1e-12;

    public static Clustering Detect(HelpGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var undirected = graph.Undirected();
        var n = graph.NodeCount;
        var membership = new int[n];
        for (var i = 0; i < n; i++) membership[i] = i;
        if (undirected.EdgeCount == 0) return Finish(undirected, membership);

        // Level graph as CSR with self-weights; A_ii holds twice the weight inside an aggregated node.
        var level = Level.From(undirected);
        while (true)
        {
            var (community, moved) = MoveNodes(level);
            var count = Renumber(community);
            for (var i = 0; i < n; i++) membership[i] = community[membership[i]];
            if (!moved || count == level.N) break;
            level = level.Aggregate(community, count);
        }
        return Finish(undirected, membership);
    }

    /// <summary>Newman's modularity Q = Σ_c [ in_c/2m − (tot_c/2m)² ] on the undirected version of the graph.</summary>
    public static double Modularity(HelpGraph graph, int[] clusterOf)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(clusterOf);
        return ModularityOfUndirected(graph.Undirected(), clusterOf);
    }

    private static double ModularityOfUndirected(HelpGraph u, int[] clusterOf)
    {
        var k = clusterOf.Length == 0 ? 0 : clusterOf.Max() + 1;
        var inside = new double[k];
        var tot = new double[k];
        double twoM = 0;
        for (var v = 0; v < u.NodeCount; v++)
        {
            for (var e = u.Offsets[v]; e < u.Offsets[v + 1]; e++)
            {
                var w = u.Weights[e];
                twoM += w;
                tot[clusterOf[v]] += w;
                if (clusterOf[u.Targets[e]] == clusterOf[v]) inside[clusterOf[v]] += w;
            }
        }
        if (twoM == 0) return 0;
        var q = 0.0;
        for (var c = 0; c < k; c++) q += inside[c] / twoM - (tot[c] / twoM) * (tot[c] / twoM);
        return q;
    }

    private static Clustering Finish(HelpGraph undirected, int[] membership)
    {
        // Largest cluster first; equal sizes by their lowest node, so numbering is stable.
        var n = membership.Length;
        var k = n == 0 ? 0 : membership.Max() + 1;
        var size = new int[k];
        var first = new int[k];
        Array.Fill(first, int.MaxValue);
        for (var i = 0; i < n; i++)
        {
            size[membership[i]]++;
            first[membership[i]] = Math.Min(first[membership[i]], i);
        }
        var used = Enumerable.Range(0, k).Where(c => size[c] > 0).OrderByDescending(c => size[c]).ThenBy(c => first[c]).ToArray();
        var rename = new int[k];
        for (var r = 0; r < used.Length; r++) rename[used[r]] = r;
        var result = new int[n];
        for (var i = 0; i < n; i++) result[i] = rename[membership[i]];
        return new Clustering(result, used.Length, ModularityOfUndirected(undirected, result));
    }

    private static int Renumber(int[] community)
    {
        var map = new Dictionary<int, int>();
        for (var i = 0; i < community.Length; i++)
        {
            if (!map.TryGetValue(community[i], out var id)) map[community[i]] = id = map.Count;
            community[i] = id;
        }
        return map.Count;
    }

    private static (int[] Community, bool Moved) MoveNodes(Level g)
    {
        var n = g.N;
        var community = new int[n];
        var tot = new double[n];
        for (var i = 0; i < n; i++) { community[i] = i; tot[i] = g.Strength[i]; }
        var linkTo = new double[n];
        Array.Fill(linkTo, -1);
        var touched = new int[n];
        var twoM = g.TwoM;
        var movedAny = false;
        bool improved;
        var passes = 0;
        do
        {
            improved = false;
            for (var i = 0; i < n; i++)
            {
                var own = community[i];
                var ki = g.Strength[i];
                var count = 0;
                linkTo[own] = 0;
                touched[count++] = own;
                for (var e = g.Offsets[i]; e < g.Offsets[i + 1]; e++)
                {
                    var j = g.Targets[e];
                    if (j == i) continue;
                    var c = community[j];
                    if (linkTo[c] < 0) { linkTo[c] = 0; touched[count++] = c; }
                    linkTo[c] += g.Weights[e];
                }
                tot[own] -= ki;
                var best = own;
                var bestGain = linkTo[own] - tot[own] * ki / twoM;
                for (var t = 0; t < count; t++)
                {
                    var c = touched[t];
                    var gain = linkTo[c] - tot[c] * ki / twoM;
                    if (gain > bestGain + MinGain)
                    {
                        best = c;
                        bestGain = gain;
                    }
                }
                tot[best] += ki;
                if (best != own)
                {
                    community[i] = best;
                    improved = true;
                    movedAny = true;
                }
                for (var t = 0; t < count; t++) linkTo[touched[t]] = -1;
            }
        }
        while (improved && ++passes < 1000);
        return (community, movedAny);
    }

    private sealed class Level
    {
        public int N;
        public int[] Offsets = [];
        public int[] Targets = [];
        public double[] Weights = [];
        public double[] Strength = [];
        public double TwoM;

        public static Level From(HelpGraph u)
        {
            var level = new Level { N = u.NodeCount, Offsets = u.Offsets, Targets = u.Targets, Weights = u.Weights };
            level.Finish();
            return level;
        }

        private void Finish()
        {
            Strength = new double[N];
            TwoM = 0;
            for (var i = 0; i < N; i++)
            {
                for (var e = Offsets[i]; e < Offsets[i + 1]; e++) Strength[i] += Weights[e];
                TwoM += Strength[i];
            }
        }

        public Level Aggregate(int[] community, int count)
        {
            // Sum the weights between communities; entries (c, c) carry the inside weight (counted both ways).
            var buckets = new Dictionary<int, double>[count];
            for (var c = 0; c < count; c++) buckets[c] = [];
            for (var i = 0; i < N; i++)
            {
                var ci = community[i];
                var b = buckets[ci];
                for (var e = Offsets[i]; e < Offsets[i + 1]; e++)
                {
                    var cj = community[Targets[e]];
                    b[cj] = b.GetValueOrDefault(cj) + Weights[e];
                }
            }
            var offsets = new int[count + 1];
            for (var c = 0; c < count; c++) offsets[c + 1] = offsets[c] + buckets[c].Count;
            var targets = new int[offsets[count]];
            var weights = new double[offsets[count]];
            for (var c = 0; c < count; c++)
            {
                var at = offsets[c];
                foreach (var (d, w) in buckets[c].OrderBy(x => x.Key))
                {
                    targets[at] = d;
                    weights[at] = w;
                    at++;
                }
            }
            var next = new Level { N = count, Offsets = offsets, Targets = targets, Weights = weights };
            next.Finish();
            return next;
        }
    }
}
