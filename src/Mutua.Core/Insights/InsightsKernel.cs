using System.Numerics;

namespace Mutua.Core.Insights;

/// <summary>One check-in as insights see it: no names, no notes, only the summary columns and the group it was made in.</summary>
public readonly record struct CheckInFacts(int Period, long? Income, long? Savings, int NeedsMask, int WantsMask, bool GaveHelp, bool ReceivedHelp,
    Guid? GroupId = null);

/// <summary>
/// A month of a community or a group as published. <see cref="Published"/> is false until the month has
/// settled (its check-ins can no longer be edited): then every cell is "too few to show".
/// </summary>
public sealed record MonthInsights(int Period, bool Published, Cell Households, Cell CheckedIn, Cell ParticipationPercent,
    Quartiles Income, Quartiles Savings, Cell GavePercent, Cell ReceivedPercent, IReadOnlyList<Cell> Needs, IReadOnlyList<Cell> Wants)
{
    public static MonthInsights NotYet(int period) => new(period, false, Cell.TooFew, Cell.TooFew, Cell.TooFew, Quartiles.TooFew, Quartiles.TooFew,
        Cell.TooFew, Cell.TooFew, Enumerable.Repeat(Cell.TooFew, InsightsKernel.Categories).ToList(),
        Enumerable.Repeat(Cell.TooFew, InsightsKernel.Categories).ToList());
}

/// <summary>A month of a community and of every one of its groups, published together so their cells can be protected together.</summary>
public sealed record PartitionMonth(MonthInsights Community, IReadOnlyDictionary<Guid, MonthInsights> Groups);

/// <summary>
/// The arithmetic of insights, on plain data (DESIGN §3): per month, how many checked in, income and
/// savings quartiles, shares who gave and received help, and how many need or want each category —
/// for the community and each of its groups at once, every figure through <see cref="Disclosure"/>.
/// </summary>
public static class InsightsKernel
{
    public const int Categories = 11;

    /// <summary>Counts of one scope (the community, a group, or the households in no group) before anything is held back.</summary>
    private sealed class Tally
    {
        public int Households;
        public int CheckedIn;
        public int Gave;
        public int Received;
        public readonly long[] Needs = new long[Categories];
        public readonly long[] Wants = new long[Categories];
        public readonly List<long> Incomes = [];
        public readonly List<long> Savings = [];

        public void Add(CheckInFacts f)
        {
            CheckedIn++;
            if (f.Income is { } i) Incomes.Add(i);
            if (f.Savings is { } s) Savings.Add(s);
            if (f.GaveHelp) Gave++;
            if (f.ReceivedHelp) Received++;
            Count(Needs, f.NeedsMask);
            Count(Wants, f.WantsMask);
        }
    }

    /// <summary>One scope with no parts to protect against (tests, and a community without groups).</summary>
    public static IReadOnlyList<MonthInsights> Compute(IReadOnlyList<CheckInFacts> facts, IReadOnlyList<(int Period, int Households)> householdsByPeriod)
    {
        var byPeriod = facts.GroupBy(f => f.Period).ToDictionary(g => g.Key, g => g.Select(f => f with { GroupId = null }).ToList());
        return householdsByPeriod.Select(p => Month(p.Period, byPeriod.GetValueOrDefault(p.Period) ?? [], p.Households, new Dictionary<Guid, int>()).Community)
            .ToList();
    }

    /// <summary>
    /// A settled month of a community and all its groups.
    /// </summary>
    /// <param name="facts">The month's check-ins, each with the group it was made in (null: in no group).</param>
    /// <param name="households">How many households the community had that month.</param>
    /// <param name="householdsByGroup">How many of them each group had; every group of the community is listed, empty ones too.</param>
    public static PartitionMonth Month(int period, IReadOnlyList<CheckInFacts> facts, int households, IReadOnlyDictionary<Guid, int> householdsByGroup)
    {
        var total = new Tally { Households = households };
        var groups = householdsByGroup.ToDictionary(g => g.Key, g => new Tally { Households = g.Value });
        var ungrouped = new Tally { Households = Math.Max(0, households - householdsByGroup.Values.Sum()) };
        foreach (var f in facts)
        {
            total.Add(f);
            // A check-in made in a group that no longer exists counts with the households in no group.
            (f.GroupId is { } g && groups.TryGetValue(g, out var group) ? group : ungrouped).Add(f);
        }

        var ids = groups.Keys.ToList();
        var parts = ids.Select(id => groups[id]).Append(ungrouped).ToList();
        // The cells of one figure across the community (index 0), its groups, and the households in no group (last, never shown).
        bool[] Protected(Func<Tally, long> value, Func<Tally, long> of, Func<long, long, bool> safe)
        {
            var cells = new List<TableCell> { new(value(total), of(total), true) };
            var index = new List<int>();
            for (var i = 0; i < parts.Count; i++)
            {
                // A part with nobody behind it adds nothing to the total: leaving it out protects as if everyone knew it was empty.
                if (of(parts[i]) == 0) continue;
                var last = i == parts.Count - 1;
                cells.Add(new TableCell(value(parts[i]), of(parts[i]), !last));
                index.Add(i);
            }
            var shown = Disclosure.Protect(cells, safe);
            var result = new bool[parts.Count + 1];
            result[0] = shown[0];
            for (var c = 1; c < cells.Count; c++) result[index[c - 1] + 1] = shown[c];
            return result;
        }

        var size = Protected(t => t.Households, t => Math.Max(t.Households, 1), (v, _) => Disclosure.MayShowSize(v));
        var checkedIn = Protected(t => t.CheckedIn, t => t.Households, Disclosure.MayShowCount);
        var gave = Protected(t => t.Gave, t => t.CheckedIn, Disclosure.MayShowCount);
        var received = Protected(t => t.Received, t => t.CheckedIn, Disclosure.MayShowCount);
        var needs = Enumerable.Range(0, Categories).Select(k => Protected(t => t.Needs[k], t => t.CheckedIn, Disclosure.MayShowCount)).ToList();
        var wants = Enumerable.Range(0, Categories).Select(k => Protected(t => t.Wants[k], t => t.CheckedIn, Disclosure.MayShowCount)).ToList();

        MonthInsights Publish(Tally t, int at)
        {
            static Cell If(bool shown, long value) => shown ? new Cell(value) : Cell.TooFew;
            static Cell Percent(bool shown, long count, long of) =>
                // Shown means at least ten households behind it (MayShowCount), so "of" is never 0 here.
                shown ? new Cell((long)Math.Round(100.0 * count / of, MidpointRounding.AwayFromZero)) : Cell.TooFew;
            // A share over a hidden number of check-ins would let its rounding, with the counts beside it, pin that number down.
            return new MonthInsights(period, true,
                If(size[at], t.Households),
                If(checkedIn[at], t.CheckedIn),
                Percent(checkedIn[at] && size[at], t.CheckedIn, t.Households),
                Disclosure.QuartilesOf(t.Incomes, t.Households), Disclosure.QuartilesOf(t.Savings, t.Households),
                Percent(gave[at] && checkedIn[at], t.Gave, t.CheckedIn), Percent(received[at] && checkedIn[at], t.Received, t.CheckedIn),
                needs.Select((shown, k) => If(shown[at], t.Needs[k])).ToList(),
                wants.Select((shown, k) => If(shown[at], t.Wants[k])).ToList());
        }

        return new PartitionMonth(Publish(total, 0), ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => Publish(groups[p.id], p.i + 1)));
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
}
