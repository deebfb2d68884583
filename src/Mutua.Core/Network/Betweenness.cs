using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Mutua.Core.Network;

/// <summary>
/// Betweenness centrality of every node, normalised the way NetworkX does for a directed graph:
/// divided by (n-1)(n-2), so a value is the share of ordered pairs (s, t) whose shortest paths pass
/// through the node. <see cref="ErrorBound"/> is 0 when exact; when sources were sampled it is ε
/// such that, with probability at least <see cref="Confidence"/>, every node's value is within ±ε
/// of the exact one (Hoeffding's inequality with a union bound over the nodes).
/// </summary>
public sealed record BetweennessResult(double[] Values, bool Approximate, int Sources, double ErrorBound, double Confidence);

/// <summary>
/// Brandes' algorithm on unweighted shortest paths (a link counts as one step, whatever its weight),
/// directed. One breadth-first search per source, run in parallel over sources with a buffer set per
/// thread; the dependencies are accumulated over successors in reverse breadth-first order, so no
/// predecessor lists are kept.
/// </summary>
public static class Betweenness
{
    /// <summary>Above this many nodes the service samples sources instead of using them all.</summary>
    public const int ExactUpTo = 3_000;

    /// <summary>Sources sampled by default when approximating.</summary>
    public const int DefaultSamples = 1_000;

    public const double DefaultConfidence = 0.95;

    public static BetweennessResult Exact(HelpGraph graph, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var values = Accumulate(graph, n, i => i, threads);
        Scale(values, n, 1.0);
        return new BetweennessResult(values, false, n, 0, 1);
    }

    /// <summary>
    /// Estimates from <paramref name="samples"/> sources drawn without replacement (deterministic for
    /// a seed), scaled by n/k as NetworkX does with its k argument. Exact when samples ≥ n.
    /// </summary>
    public static BetweennessResult Sampled(HelpGraph graph, int samples = DefaultSamples, int seed = 1, double confidence = DefaultConfidence,
        int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (samples >= n) return Exact(graph, threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var pool = new int[n];
        for (var i = 0; i < n; i++) pool[i] = i;
#pragma warning disable CA5394 // sampling, not security
        var random = new Random(seed);
        for (var i = 0; i < samples; i++)
        {
            var j = i + random.Next(n - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
#pragma warning restore CA5394
        var sources = pool.AsSpan(0, samples).ToArray();
        Array.Sort(sources); // cache-friendlier order; the sample is the same set
        var values = Accumulate(graph, samples, i => sources[i], threads);
        Scale(values, n, (double)n / samples);
        return new BetweennessResult(values, true, samples, ErrorBoundFor(n, samples, confidence), confidence);
    }

    /// <summary>
    /// ε for k sampled sources out of n at the given confidence. Each sampled source contributes
    /// n·δ_s(v)/((n-1)(n-2)) with δ_s(v) ≤ n-2, a value in [0, n/(n-1)]; the estimate is their mean,
    /// so Hoeffding gives P(|error| ≥ ε) ≤ 2·exp(-2kε²/(n/(n-1))²) for one node (also when sampling
    /// without replacement) and a union bound over n nodes gives ε = n/(n-1)·√(ln(2n/(1-confidence))/(2k)).
    /// </summary>
    public static double ErrorBoundFor(int n, int samples, double confidence = DefaultConfidence)
    {
        if (samples >= n || n < 3) return 0;
        var range = (double)n / (n - 1);
        return range * Math.Sqrt(Math.Log(2.0 * n / (1 - confidence)) / (2.0 * samples));
    }

    /// <summary>Exact up to <see cref="ExactUpTo"/> nodes, sampled above.</summary>
    public static BetweennessResult Auto(HelpGraph graph, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.NodeCount <= ExactUpTo ? Exact(graph, threads) : Sampled(graph, DefaultSamples, threads: threads);
    }

    private static void Scale(double[] values, int n, double factor)
    {
        var scale = n > 2 ? factor / ((double)(n - 1) * (n - 2)) : 0;
        for (var i = 0; i < values.Length; i++) values[i] *= scale;
    }

    private static double[] Accumulate(HelpGraph graph, int sourceCount, Func<int, int> sourceAt, int? threads)
    {
        var n = graph.NodeCount;
        var total = new double[n];
        if (n == 0 || sourceCount == 0) return total;
        // One worker per core, each with its own buffers for the whole run, taking every workers-th chunk of
        // sources: a fixed split, so the sums (and so the values, to the last bit) are the same every run.
        var workers = Math.Max(1, Math.Min(threads ?? Environment.ProcessorCount, sourceCount));
        var chunk = Math.Max(1, Math.Min(64, sourceCount / (workers * 16)));
        var spaces = new Workspace[workers];
        void Work(int w)
        {
            var ws = spaces[w] = new Workspace(n);
            for (var c = w; c * chunk < sourceCount; c += workers)
            {
                var end = Math.Min(sourceCount, (c + 1) * chunk);
                for (var i = c * chunk; i < end; i++) ws.Run(graph, sourceAt(i));
            }
        }
        if (workers == 1)
        {
            Work(0);
        }
        else
        {
            var running = Enumerable.Range(1, workers - 1).Select(w => new Thread(() => Work(w)) { IsBackground = true }).ToList();
            running.ForEach(t => t.Start());
            Work(0);
            running.ForEach(t => t.Join());
        }
        foreach (var ws in spaces)
        {
            for (var v = 0; v < n; v++) total[v] += ws.Centrality[v];
        }
        return total;
    }

    /// <summary>
    /// One thread's buffers, reset after each source by touching only the nodes it reached. Each
    /// node's distance and path count sit together in 12 bytes, so a link costs one cache miss, not two;
    /// on the way back the path count σ(w) of a finished node w is replaced by (1 + δ(w)) / σ(w), the
    /// only thing its predecessors still need from it.
    /// </summary>
    private sealed class Workspace
    {
        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        private struct Slot
        {
            public int Distance;
            public double Sigma; // σ(w) while searching; (1 + δ(w)) / σ(w) once w is done on the way back
        }

        private readonly Slot[] slots;
        private readonly int[] order;
        public readonly double[] Centrality;

        public Workspace(int n)
        {
            slots = new Slot[n];
            for (var i = 0; i < n; i++) slots[i].Distance = -1;
            order = new int[n];
            Centrality = new double[n];
        }

        public void Run(HelpGraph graph, int source)
        {
            ref var offsets = ref MemoryMarshal.GetArrayDataReference(graph.Offsets);
            ref var targets = ref MemoryMarshal.GetArrayDataReference(graph.Targets);
            ref var slot = ref MemoryMarshal.GetArrayDataReference(slots);
            ref var ord = ref MemoryMarshal.GetArrayDataReference(order);
            ref var c = ref MemoryMarshal.GetArrayDataReference(Centrality);

            ref var s = ref Unsafe.Add(ref slot, source);
            s.Distance = 0;
            s.Sigma = 1;
            ord = source;
            int head = 0, tail = 1;
            while (head < tail)
            {
                var v = Unsafe.Add(ref ord, head++);
                ref var sv = ref Unsafe.Add(ref slot, v);
                var next = sv.Distance + 1;
                var sigma = sv.Sigma;
                for (int e = Unsafe.Add(ref offsets, v), end = Unsafe.Add(ref offsets, v + 1); e < end; e++)
                {
                    var w = Unsafe.Add(ref targets, e);
                    ref var sw = ref Unsafe.Add(ref slot, w);
                    var dw = sw.Distance;
                    if (dw < 0)
                    {
                        sw.Distance = next;
                        sw.Sigma = sigma;
                        Unsafe.Add(ref ord, tail++) = w;
                    }
                    else if (dw == next)
                    {
                        sw.Sigma += sigma;
                    }
                }
            }

            // Reverse breadth-first order: every successor of v is finished before v.
            for (var i = tail - 1; i > 0; i--)
            {
                var v = Unsafe.Add(ref ord, i);
                ref var sv = ref Unsafe.Add(ref slot, v);
                var next = sv.Distance + 1;
                var sum = 0.0;
                for (int e = Unsafe.Add(ref offsets, v), end = Unsafe.Add(ref offsets, v + 1); e < end; e++)
                {
                    ref var sw = ref Unsafe.Add(ref slot, Unsafe.Add(ref targets, e));
                    if (sw.Distance == next) sum += sw.Sigma;
                }
                Unsafe.Add(ref c, v) += sv.Sigma * sum;
                sv.Sigma = 1.0 / sv.Sigma + sum;
            }

            for (var i = 0; i < tail; i++) Unsafe.Add(ref slot, Unsafe.Add(ref ord, i)).Distance = -1;
        }
    }
}
