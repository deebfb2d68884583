using System.Numerics;

namespace Mutua.Core.Insights;

/// <summary>One check-in as insights see it: no names, no notes, only the summary columns.</summary>
public readonly record struct CheckInFacts(int Period, long? Income, long? Savings, int NeedsMask, int WantsMask, bool GaveHelp, bool ReceivedHelp);

/// <summary>A number, or "too few to show" when fewer than <see cref="InsightsKernel.MinHouseholds"/> households are behind it.</summary>
public readonly record struct Cell(long? Value)
{
    public bool Suppressed => Value is null;
    public static readonly Cell TooFew = new(null);
}

public sealed record Quartiles(Cell Low, Cell Median, Cell High);

public sealed record MonthInsights(int Period, int Households, Cell CheckedIn, Cell ParticipationPercent,
    Quartiles Income, Quartiles Savings, Cell GavePercent, Cell ReceivedPercent, IReadOnlyList<Cell> Needs, IReadOnlyList<Cell> Wants);

/// <summary>
/// The arithmetic of insights, on plain data (DESIGN §3): per month, how many checked in, income and
/// savings quartiles, shares who gave and received help, and how many need or want each category.
/// Any figure resting on fewer than five households is suppressed (DESIGN §6).
/// </summary>
public static class InsightsKernel
{
    public const int MinHouseholds = 5;
    public const int Categories = 11;

    /// <param name="facts">Check-ins of the months in range, in any order.</param>
    /// <param name="householdsByPeriod">How many households belonged to the community (or group) in each month.</param>
    public static IReadOnlyList<MonthInsights> Compute(IReadOnlyList<CheckInFacts> facts, IReadOnlyList<(int Period, int Households)> householdsByPeriod)
    {
        var byPeriod = new Dictionary<int, List<CheckInFacts>>();
        foreach (var f in facts)
        {
            if (!byPeriod.TryGetValue(f.Period, out var list)) byPeriod[f.Period] = list = [];
            list.Add(f);
        }
        var result = new List<MonthInsights>(householdsByPeriod.Count);
        foreach (var (period, households) in householdsByPeriod)
        {
            result.Add(Month(period, households, byPeriod.GetValueOrDefault(period) ?? []));
        }
        return result;
    }

    private static MonthInsights Month(int period, int households, List<CheckInFacts> rows)
    {
        var n = rows.Count;
        var enough = n >= MinHouseholds;
        var needs = new long[Categories];
        var wants = new long[Categories];
        int gave = 0, received = 0;
        var incomes = new List<long>(n);
        var savings = new List<long>(n);
        foreach (var r in rows)
        {
            if (r.Income is { } i) incomes.Add(i);
            if (r.Savings is { } s) savings.Add(s);
            if (r.GaveHelp) gave++;
            if (r.ReceivedHelp) received++;
            Count(needs, r.NeedsMask);
            Count(wants, r.WantsMask);
        }
        return new MonthInsights(period, households,
            enough ? new Cell(n) : Cell.TooFew,
            enough && households > 0 ? new Cell((long)Math.Round(100.0 * n / households)) : Cell.TooFew,
            QuartilesOf(incomes), QuartilesOf(savings),
            ShareCell(gave, n, enough),
            ShareCell(received, n, enough),
            needs.Select(c => CountCell(c, enough)).ToList(),
            wants.Select(c => CountCell(c, enough)).ToList());
    }

    private static void Count(long[] counts, int mask)
    {
        // Only the set bits: most households name one or two categories.
        var bits = (uint)mask;
        while (bits != 0)
        {
            var bit = BitOperations.TrailingZeroCount(bits);
            if (bit < Categories) counts[bit]++;
            bits &= bits - 1;
        }
    }

    /// <summary>A count of 1–4 households could point at someone: shown as too few. Zero is safe to show.</summary>
    private static Cell CountCell(long count, bool enough) =>
        enough && (count == 0 || count >= MinHouseholds) ? new Cell(count) : Cell.TooFew;

    /// <summary>A share resting on 1–4 households ("20 % of 5") would point at them, like a small count.</summary>
    private static Cell ShareCell(int count, int n, bool enough) =>
        enough && (count == 0 || count >= MinHouseholds) ? new Cell((long)Math.Round(100.0 * count / n)) : Cell.TooFew;

    /// <summary>Quartiles by the nearest-rank method, over values that at least five households gave.</summary>
    internal static Quartiles QuartilesOf(List<long> values)
    {
        if (values.Count < MinHouseholds) return new Quartiles(Cell.TooFew, Cell.TooFew, Cell.TooFew);
        values.Sort();
        return new Quartiles(new Cell(Rank(values, 0.25)), new Cell(Rank(values, 0.5)), new Cell(Rank(values, 0.75)));
    }

    private static long Rank(List<long> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
