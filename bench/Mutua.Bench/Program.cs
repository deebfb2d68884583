using System.Globalization;
using Mutua.Bench;

// Hand-parsed arguments: `generate --db PATH --households N --months M [--seed S]`
// and `insights --db PATH [--runs R]`.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        Mutua.Bench
          generate --db /tmp/mutua-bench.db --households 10000 --months 36 [--seed 42]
          insights --db /tmp/mutua-bench.db [--runs 20]
          network-metrics --edges edges.csv --out metrics.csv [--approx] [--samples 1000] [--seed 1]
          network-bench [--nodes 100000] [--big-nodes 1000000] [--samples 1000] [--big-samples 250] [--dir /tmp/mutua-network] [--skip-igraph]
        """);
    return args.Length == 0 ? 1 : 0;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (args[i] is "--approx" or "--skip-igraph")
    {
        options[args[i][2..]] = "true";
        continue;
    }
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Unexpected argument '{args[i]}': options are --name value.");
        return 2;
    }
    options[args[i][2..]] = args[++i];
}

string Need(string name) => options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");
int Int(string name, int? fallback = null) =>
    options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture)
    : fallback ?? throw new ArgumentException($"--{name} is required.");

try
{
    switch (args[0])
    {
        case "generate":
            await Generator.RunAsync(Need("db"), Int("households"), Int("months"), Int("seed", 42));
            return 0;
        case "insights":
            await InsightsBench.RunAsync(Need("db"), Int("runs", 20));
            return 0;
        case "network-metrics":
            return NetworkBench.Metrics(Need("edges"), Need("out"), options.ContainsKey("approx"), Int("samples", 1000), Int("seed", 1));
        case "network-bench":
            return NetworkBench.Bench(Int("nodes", 100_000), Int("big-nodes", 1_000_000), Int("samples", 1000), Int("big-samples", 250),
                options.GetValueOrDefault("dir") ?? Path.Combine(Path.GetTempPath(), "mutua-network"), options.ContainsKey("skip-igraph"));
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
