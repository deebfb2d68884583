using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mutua.Core.Network;

namespace Mutua.Bench;

/// <summary>
/// The help network from the command line (issue 4): metrics of an edge list, and the timings of
/// exact betweenness against python3-igraph on the same graph, and of approximate betweenness on a
/// million households.
/// </summary>
internal static class NetworkBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A CSV edge list <c>source,target[,weight]</c> (header optional) as a graph and the node names in first-seen order.</summary>
    public static (HelpGraph Graph, List<string> Names) ReadEdges(string path)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var sources = new List<int>();
        var targets = new List<int>();
        var weights = new List<double>();
        int Node(string name)
        {
            if (!index.TryGetValue(name, out var i)) { index[name] = i = names.Count; names.Add(name); }
            return i;
        }
        var first = true;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(',');
            if (first)
            {
                first = false;
                if (parts[0].Trim().Equals("source", StringComparison.OrdinalIgnoreCase)) continue;
            }
            if (parts.Length < 2) throw new ArgumentException($"'{line}' is not source,target[,weight].");
            sources.Add(Node(parts[0].Trim()));
            targets.Add(Node(parts[1].Trim()));
            weights.Add(parts.Length > 2 && parts[2].Trim().Length > 0 ? double.Parse(parts[2], Inv) : 1);
        }
        return (HelpGraph.FromArrays(names.Count, [.. sources], [.. targets], [.. weights]), names);
    }

    public static int Metrics(string edges, string output, bool approx, int samples, int seed)
    {
        var clock = Stopwatch.StartNew();
        var (graph, names) = ReadEdges(edges);
        Console.Error.WriteLine($"read {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} links in {clock.Elapsed.TotalSeconds:F2} s");
        clock.Restart();
        var between = approx ? Betweenness.Sampled(graph, samples, seed) : Betweenness.Exact(graph);
        Console.Error.WriteLine(between.Approximate
            ? $"approximate betweenness from {between.Sources:N0} sampled sources in {clock.Elapsed.TotalSeconds:F2} s; " +
              $"every value within ±{between.ErrorBound:G3} of exact with probability ≥ {between.Confidence:P0}"
            : $"exact betweenness in {clock.Elapsed.TotalSeconds:F2} s");
        clock.Restart();
        var clustering = Louvain.Detect(graph);
        Console.Error.WriteLine($"{clustering.Count:N0} clusters (modularity {clustering.Modularity:F4}) in {clock.Elapsed.TotalSeconds:F2} s");
        var reversed = graph.Reversed();
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
        writer.WriteLine("node,in_degree,out_degree,betweenness,cluster");
        for (var v = 0; v < graph.NodeCount; v++)
        {
            writer.Write(Csv(names[v]));
            writer.Write(',');
            writer.Write(reversed.OutDegree(v).ToString(Inv));
            writer.Write(',');
            writer.Write(graph.OutDegree(v).ToString(Inv));
            writer.Write(',');
            writer.Write(between.Values[v].ToString("R", Inv));
            writer.Write(',');
            writer.WriteLine(clustering.ClusterOf[v].ToString(Inv));
        }
        return 0;
    }

    private static string Csv(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal)
        ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>
    /// Households in groups of 4–8; inside a group each household helps each other one with
    /// probability <paramref name="inside"/>; besides, each household helps on average
    /// <paramref name="across"/> households anywhere (mostly near its own group, as neighbours do).
    /// </summary>
    public static (int[] Sources, int[] Targets) Generate(int nodes, double inside, double across, int seed)
    {
        var random = new Random(seed);
        var s = new List<int>(nodes * 6);
        var t = new List<int>(nodes * 6);
        var start = 0;
        while (start < nodes)
        {
            var size = Math.Min(nodes - start, random.Next(4, 9));
            for (var a = start; a < start + size; a++)
            {
                for (var b = start; b < start + size; b++)
                {
                    if (a != b && random.NextDouble() < inside) { s.Add(a); t.Add(b); }
                }
            }
            start += size;
        }
        for (var a = 0; a < nodes; a++)
        {
            // Poisson-ish count of links across, half to nearby groups and half anywhere.
            var count = 0;
            var left = across;
            while (left > 0) { if (random.NextDouble() < Math.Min(1, left)) count++; left -= 1; }
            for (var i = 0; i < count; i++)
            {
                var b = random.NextDouble() < 0.5 ? Math.Clamp(a + random.Next(-200, 201), 0, nodes - 1) : random.Next(nodes);
                if (b != a) { s.Add(a); t.Add(b); }
            }
        }
        return ([.. s], [.. t]);
    }

    private static void WriteEdges(string path, int[] s, int[] t)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine("source,target");
        for (var i = 0; i < s.Length; i++)
        {
            writer.Write(s[i].ToString(Inv));
            writer.Write(',');
            writer.WriteLine(t[i].ToString(Inv));
        }
    }

    public static int Bench(int nodes, int bigNodes, int samples, int bigSamples, string dir, bool skipIgraph)
    {
        Directory.CreateDirectory(dir);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        // 1. Exact betweenness, ours against python3-igraph on the same CSV.
        var (s, t) = Generate(nodes, 0.75, 1.2, 42);
        var csv = Path.Combine(dir, "edges-exact.csv");
        WriteEdges(csv, s, t);
        // Nodes are named by their number, so the graph read back has the same numbering as igraph's.
        var graph = HelpGraph.FromArrays(nodes, s, t, null);
        Console.WriteLine($"graph: {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} links (distinct, no self-links) -> {csv}");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var exact = Betweenness.Exact(graph);
        var ours = clock.Elapsed.TotalSeconds;
        var oursCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"mutua exact betweenness ({Environment.ProcessorCount} threads): {ours:F2} s wall, {oursCpu:F2} s CPU");
        var oursFile = Path.Combine(dir, "betweenness-mutua.txt");
        File.WriteAllLines(oursFile, exact.Values.Select(v => v.ToString("R", Inv)));

        if (!skipIgraph)
        {
            var script = Path.Combine(AppContext.BaseDirectory, "network", "igraph_betweenness.py");
            var igraphFile = Path.Combine(dir, "betweenness-igraph.txt");
            var psi = new ProcessStartInfo("/usr/bin/python3", [script, csv, igraphFile]) { RedirectStandardOutput = true };
            using var python = Process.Start(psi)!;
            var output = python.StandardOutput.ReadToEnd();
            python.WaitForExit();
            Console.Write(output);
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("igraph betweenness:", StringComparison.Ordinal));
            if (line is not null)
            {
                var igraph = double.Parse(line.Split(' ')[2], Inv);
                var cpuLine = output.Split('\n').FirstOrDefault(l => l.StartsWith("igraph cpu:", StringComparison.Ordinal));
                if (cpuLine is not null)
                {
                    var igraphCpu = double.Parse(cpuLine.Split(' ')[2], Inv);
                    Console.WriteLine($"CPU-time ratio igraph / (mutua CPU / {Environment.ProcessorCount} cores) = {igraphCpu / (oursCpu / Environment.ProcessorCount):F2}x " +
                        "(what the wall-clock ratio would be on an otherwise idle machine)");
                }
                var theirs = File.ReadLines(igraphFile).Select(x => double.Parse(x, Inv)).ToArray();
                var maxDiff = exact.Values.Zip(theirs).Max(p => Math.Abs(p.First - p.Second));
                Console.WriteLine($"max |mutua - igraph/((n-1)(n-2))| = {maxDiff:G3}");
                Console.WriteLine($"ratio igraph / mutua = {igraph / ours:F2}x (mutua is {(igraph / ours >= 1 ? "faster" : "slower")})");
            }
        }

        // 2. Sampled against exact on the same graph: the observed error next to the stated bound.
        clock.Restart();
        var sampled = Betweenness.Sampled(graph, samples);
        var sampledTime = clock.Elapsed.TotalSeconds;
        var observed = exact.Values.Zip(sampled.Values).Max(p => Math.Abs(p.First - p.Second));
        Console.WriteLine($"sampled ({samples:N0} sources) on the same graph: {sampledTime:F2} s, max error {observed:G3}, " +
            $"stated bound ±{sampled.ErrorBound:G3} at {sampled.Confidence:P0}");

        // 3. A million households, approximate.
        if (bigNodes > 0)
        {
            clock.Restart();
            var (bs, bt) = Generate(bigNodes, 0.75, 1.2, 7);
            var big = HelpGraph.FromArrays(bigNodes, bs, bt, null);
            Console.WriteLine($"big graph: {big.NodeCount:N0} nodes, {big.EdgeCount:N0} links, built in {clock.Elapsed.TotalSeconds:F2} s");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var approx = Betweenness.Sampled(big, bigSamples);
            var approxCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"approximate betweenness on {big.NodeCount:N0} nodes ({bigSamples:N0} sources): {clock.Elapsed.TotalSeconds:F2} s wall, {approxCpu:F2} s CPU, " +
                $"every value within ±{approx.ErrorBound:G3} of exact with probability ≥ {approx.Confidence:P0}");
            clock.Restart();
            var clusters = Louvain.Detect(big);
            Console.WriteLine($"louvain on {big.NodeCount:N0} nodes: {clusters.Count:N0} clusters, modularity {clusters.Modularity:F4}, {clock.Elapsed.TotalSeconds:F2} s");
        }
        return 0;
    }
}
