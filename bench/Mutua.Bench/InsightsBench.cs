using System.Diagnostics;
using System.Globalization;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Insights;

namespace Mutua.Bench;

/// <summary>
/// Insights for the largest community over its last 36 months against the bare SQL scan of the same
/// rows (issue 3: within 3× of the scan and under 150 ms), with the parts of the service timed apart.
/// </summary>
internal static class InsightsBench
{
    private const int WarmUps = 3;
    private const string ScanSql = """
        SELECT "Period", "IncomeTotal", "SavingsBalance", "NeedsMask", "WantsMask", "GaveHelp", "ReceivedHelp"
        FROM "CheckIns" WHERE "CommunityId" = @c AND "Period" BETWEEN @from AND @to
        """;

    public static async Task RunAsync(BenchDatabase target, int runs)
    {
        if (target.SqlitePath is { } path && !File.Exists(path)) throw new ArgumentException($"{path} does not exist: run generate first.");
        var options = target.Options();
        Console.WriteLine(target.Label);

        Guid communityId;
        string name, timeZone;
        int households;
        Month from, to;
        await using (var db = new MutuaDbContext(options))
        {
            var largest = await db.Households.AsNoTracking().GroupBy(h => h.CommunityId)
                .Select(g => new { CommunityId = g.Key, Count = g.Count() }).OrderByDescending(x => x.Count).FirstAsync();
            communityId = largest.CommunityId;
            households = largest.Count;
            var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => new { c.Name, c.TimeZone }).FirstAsync();
            (name, timeZone) = (community.Name, community.TimeZone);
            var last = await db.CheckIns.Where(c => c.CommunityId == communityId).MaxAsync(c => c.Period);
            to = Month.FromPeriod(last);
            from = to;
            for (var i = 1; i < 36; i++) from = from.Previous;
        }
        Console.WriteLine($"community {name} ({communityId}), {households} households, {from}..{to}, {runs} runs after {WarmUps} warm-ups");

        var viewer = new Viewer(Guid.NewGuid(), true, [], []);
        var rows = 0;

        // (a) The bare scan: same rows, read fully, no processing.
        var scan = await Time(runs, async () =>
        {
            await using var connection = target.Connection();
            await connection.OpenAsync();
            await using var command = Scan(connection, communityId, from, to);
            await using var reader = await command.ExecuteReaderAsync();
            var n = 0;
            long sink = 0;
            while (await reader.ReadAsync())
            {
                sink += reader.GetInt32(0) + (reader.IsDBNull(1) ? 0 : reader.GetInt64(1)) + (reader.IsDBNull(2) ? 0 : reader.GetInt64(2))
                    + reader.GetInt32(3) + reader.GetInt32(4) + (reader.GetBoolean(5) ? 1 : 0) + (reader.GetBoolean(6) ? 1 : 0);
                n++;
            }
            rows = n;
            GC.KeepAlive(sink);
        });

        // (a') The same scan with synchronous Read(): how much of (a) is the async per-row path.
        var scanSync = await Time(runs, () =>
        {
            using var connection = target.Connection();
            connection.Open();
            using var command = Scan(connection, communityId, from, to);
            using var reader = command.ExecuteReader();
            long sink = 0;
            while (reader.Read())
            {
                sink += reader.GetInt32(0) + (reader.IsDBNull(1) ? 0 : reader.GetInt64(1)) + (reader.IsDBNull(2) ? 0 : reader.GetInt64(2))
                    + reader.GetInt32(3) + reader.GetInt32(4) + (reader.GetBoolean(5) ? 1 : 0) + (reader.GetBoolean(6) ? 1 : 0);
            }
            GC.KeepAlive(sink);
            return Task.CompletedTask;
        });

        // (b) The service as a page calls it, a fresh context per request, nothing kept: every month computed
        // from the check-ins (and kept afterwards, which is timed too: that is what a first reader pays).
        IReadOnlyList<MonthInsights>? result = null;
        async Task Service()
        {
            await using var db = new MutuaDbContext(options);
            var outcome = await new InsightsService(db, TimeProvider.System).ForCommunityAsync(viewer, communityId, from, to, null);
            if (!outcome.Succeeded) throw new InvalidOperationException("insights failed");
            result = outcome.Value!.Months;
        }
        async Task Forget()
        {
            await using var db = new MutuaDbContext(options);
            await db.InsightsSnapshots.ExecuteDeleteAsync();
        }
        var service = await Time(runs, Service, before: Forget);
        // (c) The same with the settled months kept: only the open month is computed.
        var kept = await Time(runs, Service);

        // The parts of (b): the facts query through EF, the households' join months, the kernel alone.
        List<CheckInFacts> facts = [];
        var efFacts = await Time(runs, async () =>
        {
            await using var db = new MutuaDbContext(options);
            facts = await db.CheckIns.AsNoTracking()
                .Where(c => c.CommunityId == communityId && c.Period >= from.Period && c.Period <= to.Period)
                .Select(c => new CheckInFacts(c.Period, c.IncomeTotal, c.SavingsBalance, c.NeedsMask, c.WantsMask, c.GaveHelp, c.ReceivedHelp))
                .ToListAsync();
        });
        List<(int Period, int Households)> counts = [];
        var joined = await Time(runs, async () =>
        {
            // As the service does: households that joined before the range are counted in SQL, the rest read.
            await using var db = new MutuaDbContext(options);
            var households = db.Households.AsNoTracking().Where(h => h.CommunityId == communityId);
            var early = new DateTimeOffset(from.Year, from.Number, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
            var before = await households.CountAsync(h => h.CreatedAt < early);
            var periods = (await households.Where(h => h.CreatedAt >= early).Select(h => h.CreatedAt).ToListAsync())
                .Select(at => Month.Current(at, timeZone).Period).ToList();
            counts = Month.Range(from, to).Select(m => (m.Period, Households: before + periods.Count(p => p <= m.Period))).ToList();
        });
        var kernel = await Time(runs, () =>
        {
            result = InsightsKernel.Compute(facts, counts);
            return Task.CompletedTask;
        });

        // Across every community (all households): what the background keeper pays once from nothing,
        // and what a reader of all communities' 36 months pays once they are kept.
        List<Guid> all;
        await using (var db = new MutuaDbContext(options)) all = await db.Communities.Select(c => c.Id).ToListAsync();
        await Forget();
        var clockAll = Stopwatch.StartNew();
        var keptMonths = 0;
        foreach (var id in all)
        {
            await using var db = new MutuaDbContext(options);
            keptMonths += await new InsightsService(db, TimeProvider.System).PrecomputeAsync(id, 36);
        }
        var precomputeAll = clockAll.Elapsed.TotalMilliseconds;
        var readAll = await Time(Math.Max(3, runs / 4), async () =>
        {
            foreach (var id in all)
            {
                await using var db = new MutuaDbContext(options);
                var outcome = await new InsightsService(db, TimeProvider.System).ForCommunityAsync(viewer, id, from, to, null);
                if (!outcome.Succeeded) throw new InvalidOperationException("insights failed");
            }
        });

        var m0 = result![^1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows scanned: {rows}; last month {m0.Period}: {m0.CheckedIn.Value} of {m0.Households} checked in, median income {m0.Income.Median.Value}, " +
            $"median savings {m0.Savings.Median.Value}, gave {m0.GavePercent.Value} %, received {m0.ReceivedPercent.Value} %"));
        Console.WriteLine($"{"",-42}{"median ms",10}{"p95 ms",10}");
        Print("(a) bare SQL scan (DbDataReader)", scan);
        Print("(a') same scan, synchronous Read()", scanSync);
        Print("(b) ForCommunityAsync, nothing kept", service);
        Print("(c) ForCommunityAsync, settled months kept", kept);
        Print("    part: EF query -> List<CheckInFacts>", efFacts);
        Print("    part: households CreatedAt -> counts", joined);
        Print("    part: InsightsKernel.Compute alone", kernel);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(d) keeping all {all.Count} communities' 36 months from nothing (background, once): {precomputeAll:F0} ms for {keptMonths} months"));
        Print($"(e) all {all.Count} communities, 36 months, kept", readAll);
        foreach (var (label, times) in new[] { ("(b)", service), ("(c)", kept) })
        {
            var ratio = Median(times) / Median(scan);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio {label}/(a) median: {ratio:F2}  (target <= 3.00: {(ratio <= 3 ? "met" : "NOT met")}; {label} < 150 ms: {(Median(times) < 150 ? "met" : "NOT met")})"));
        }
    }

    private static DbCommand Scan(DbConnection connection, Guid communityId, Month from, Month to)
    {
        var command = connection.CreateCommand();
        command.CommandText = ScanSql;
        foreach (var (name, value) in new (string, object)[] { ("@c", communityId), ("@from", from.Period), ("@to", to.Period) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task<double[]> Time(int runs, Func<Task> body, Func<Task>? before = null)
    {
        for (var i = 0; i < WarmUps; i++)
        {
            if (before is not null) await before();
            await body();
        }
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            if (before is not null) await before();
            var clock = Stopwatch.StartNew();
            await body();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static double Median(double[] sorted) => sorted.Length % 2 == 1
        ? sorted[sorted.Length / 2]
        : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    private static double P95(double[] sorted) => sorted[Math.Clamp((int)Math.Ceiling(0.95 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Print(string label, double[] sorted) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-42}{Median(sorted),10:F1}{P95(sorted),10:F1}"));
}
