namespace Mutua.Core.Network;

/// <summary>
/// Positions for drawing the network: a Fruchterman–Reingold force-directed layout with a grid for
/// the repulsion (so 2,000 households take milliseconds), started from a placement by cluster and
/// with no randomness at all: the same graph in the same node order always gives the same picture.
/// Positions are in [0, 1]²; nodes without any link get NaN and are drawn apart by the caller.
/// </summary>
public static class ForceLayout
{
    private const double GoldenAngle = 2.399963229728653;

    public static (double[] X, double[] Y) Compute(HelpGraph graph, int[] clusterOf, int iterations = 0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(clusterOf);
        var u = graph.Undirected();
        var n = u.NodeCount;
        var x = new double[n];
        var y = new double[n];
        var linked = Enumerable.Range(0, n).Where(v => u.OutDegree(v) > 0).ToArray();
        for (var v = 0; v < n; v++) { x[v] = double.NaN; y[v] = double.NaN; }
        if (linked.Length == 0) return (x, y);
        if (linked.Length == 1) { x[linked[0]] = 0.5; y[linked[0]] = 0.5; return (x, y); }

        // Start: clusters on a sunflower spiral (largest in the middle), each cluster's households on a small spiral around it.
        var clusterIds = linked.Select(v => clusterOf[v]).Distinct().Order().ToArray();
        var clusterRank = clusterIds.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var inCluster = new int[clusterIds.Length];
        var k = Math.Sqrt(1.0 / linked.Length);
        foreach (var v in linked)
        {
            var r = clusterRank[clusterOf[v]];
            var j = inCluster[r]++;
            var cr = 0.5 * Math.Sqrt((r + 0.5) / clusterIds.Length);
            var nr = k * 0.7 * Math.Sqrt(j + 0.5);
            x[v] = cr * Math.Cos(r * GoldenAngle) + nr * Math.Cos(j * GoldenAngle);
            y[v] = cr * Math.Sin(r * GoldenAngle) + nr * Math.Sin(j * GoldenAngle);
        }

        // Fewer rounds for big networks: they start from the placement by cluster, and stay under a second.
        if (iterations <= 0) iterations = linked.Length <= 300 ? 300 : Math.Max(60, 300 * 300 / linked.Length);
        var maxWeight = u.Weights.Length == 0 ? 1 : u.Weights.Max();
        var dx = new double[n];
        var dy = new double[n];
        var cell = 2 * k;
        // The grid as flat arrays, rebuilt each round: households sorted by cell (counting sort).
        var m = linked.Length;
        var cellOf = new int[m];
        var sorted = new int[m];
        int[] cellStart = [];
        var temperature = 0.1;
        for (var it = 0; it < iterations; it++)
        {
            double gx0 = double.MaxValue, gy0 = double.MaxValue, gx1 = double.MinValue, gy1 = double.MinValue;
            foreach (var v in linked)
            {
                dx[v] = 0; dy[v] = 0;
                gx0 = Math.Min(gx0, x[v]); gx1 = Math.Max(gx1, x[v]);
                gy0 = Math.Min(gy0, y[v]); gy1 = Math.Max(gy1, y[v]);
            }
            var cols = Math.Min(4096, (int)((gx1 - gx0) / cell) + 1);
            var rows = Math.Min(4096, (int)((gy1 - gy0) / cell) + 1);
            if (cellStart.Length < cols * rows + 1) cellStart = new int[cols * rows + 1];
            else Array.Clear(cellStart, 0, cols * rows + 1);
            for (var i = 0; i < m; i++)
            {
                var v = linked[i];
                var cx = Math.Min(cols - 1, (int)((x[v] - gx0) / cell));
                var cy = Math.Min(rows - 1, (int)((y[v] - gy0) / cell));
                cellOf[i] = cy * cols + cx;
                cellStart[cellOf[i] + 1]++;
            }
            for (var c = 0; c < cols * rows; c++) cellStart[c + 1] += cellStart[c];
            var fill = new int[cols * rows];
            for (var i = 0; i < m; i++) sorted[cellStart[cellOf[i]] + fill[cellOf[i]]++] = linked[i];

            // Repulsion k²/d between households closer than 2k, each pair once.
            var cutoff = cell * cell;
            for (var i = 0; i < m; i++)
            {
                var v = linked[i];
                var cx = cellOf[i] % cols;
                var cy = cellOf[i] / cols;
                for (var oy = Math.Max(0, cy - 1); oy <= Math.Min(rows - 1, cy + 1); oy++)
                {
                    for (var ox = Math.Max(0, cx - 1); ox <= Math.Min(cols - 1, cx + 1); ox++)
                    {
                        var c = oy * cols + ox;
                        for (var j = cellStart[c]; j < cellStart[c + 1]; j++)
                        {
                            var w = sorted[j];
                            if (w <= v) continue;
                            var ex = x[v] - x[w];
                            var ey = y[v] - y[w];
                            var d2 = ex * ex + ey * ey;
                            if (d2 > cutoff) continue;
                            if (d2 < 1e-12)
                            {
                                // Same spot: push apart along a direction fixed by the pair, not by chance.
                                ex = 1e-4; ey = ((v * 31 + w) % 7 - 3) * 1e-5; d2 = ex * ex + ey * ey;
                            }
                            var f = k * k / d2;
                            dx[v] += ex * f; dy[v] += ey * f;
                            dx[w] -= ex * f; dy[w] -= ey * f;
                        }
                    }
                }
            }
            // Attraction d²/k along links, stronger for help given more often.
            foreach (var v in linked)
            {
                for (var e = u.Offsets[v]; e < u.Offsets[v + 1]; e++)
                {
                    var w = u.Targets[e];
                    var ex = x[v] - x[w];
                    var ey = y[v] - y[w];
                    var d = Math.Sqrt(ex * ex + ey * ey);
                    var f = d / k * (0.5 + 0.5 * u.Weights[e] / maxWeight);
                    dx[v] -= ex * f;
                    dy[v] -= ey * f;
                }
                // Gravity keeps separate pieces of the network near each other.
                dx[v] -= x[v] * k;
                dy[v] -= y[v] * k;
            }
            foreach (var v in linked)
            {
                var d = Math.Sqrt(dx[v] * dx[v] + dy[v] * dy[v]);
                if (d < 1e-12) continue;
                var step = Math.Min(d, temperature);
                x[v] += dx[v] / d * step;
                y[v] += dy[v] / d * step;
            }
            temperature = 0.1 * (1 - (it + 1.0) / iterations) + 0.002;
        }

        // Into [0, 1]², keeping the aspect ratio.
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var v in linked)
        {
            minX = Math.Min(minX, x[v]); maxX = Math.Max(maxX, x[v]);
            minY = Math.Min(minY, y[v]); maxY = Math.Max(maxY, y[v]);
        }
        var span = Math.Max(Math.Max(maxX - minX, maxY - minY), 1e-9);
        var offX = (span - (maxX - minX)) / 2;
        var offY = (span - (maxY - minY)) / 2;
        foreach (var v in linked)
        {
            x[v] = (x[v] - minX + offX) / span;
            y[v] = (y[v] - minY + offY) / span;
        }
        return (x, y);
    }

}
