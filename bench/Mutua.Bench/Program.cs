using System.Globalization;
using Mutua.Bench;

// Hand-parsed arguments: `generate --db PATH --households N --months M [--seed S]`
// and `insights --db PATH [--runs R]`.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        Mutua.Bench
          generate --db /tmp/mutua-bench.db --households 10000 --months 36 [--seed 42] [--load-people 1000]
          insights --db /tmp/mutua-bench.db [--runs 20]
            (or --pg "Host=…;Database=mutua_bench;Username=…" instead of --db, for PostgreSQL)
          load-tokens --url http://127.0.0.1:5180 --people 1000 --out /tmp/mutua-load-tokens.txt
          load-count --db /tmp/mutua-bench.db --month 2026-11 [--reset true]
          projects --db /tmp/mutua-projects.db --projects 100000 --pledges 1000000 [--seed 42]
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
            await Generator.RunAsync(BenchDatabase.From(options), Int("households"), Int("months"), Int("seed", 42), Int("load-people", 0));
            return 0;
        case "projects":
            await ProjectsGenerator.RunAsync(Need("db"), Int("projects"), Int("pledges"), Int("seed", 42));
            return 0;
        case "insights":
            await InsightsBench.RunAsync(BenchDatabase.From(options), Int("runs", 20));
            return 0;
        case "load-tokens":
            await LoadTools.TokensAsync(Need("url"), Int("people"), Need("out"));
            return 0;
        case "load-count":
            await LoadTools.CountAsync(Need("db"), Need("month"), options.GetValueOrDefault("reset") == "true");
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
