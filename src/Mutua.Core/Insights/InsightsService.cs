using Microsoft.EntityFrameworkCore;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;

namespace Mutua.Core.Insights;

public sealed record CommunityComparison(Guid CommunityId, string CommunityName, string Currency, MonthInsights Month);

public sealed record CommunityInsights(Guid CommunityId, string CommunityName, string Currency, string From, string To, Guid? GroupId,
    IReadOnlyList<MonthInsights> Months);

/// <summary>Patterns of a community's check-ins, aggregates only, for the people of that community.</summary>
public sealed class InsightsService(MutuaDbContext db, TimeProvider clock)
{
    public const int MaxMonths = 60;

    public async Task<Outcome<CommunityInsights>> ForCommunityAsync(Viewer viewer, Guid communityId, Month? from, Month? to, Guid? groupId,
        CancellationToken ct = default)
    {
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => new { c.Name, c.Currency, c.TimeZone }).FirstOrDefaultAsync(ct);
        if (community is null) return Failure.NotFound;
        if (!viewer.InCommunity(communityId)) return Failure.NotFound;
        if (groupId is not null && !await db.Groups.AnyAsync(g => g.Id == groupId && g.CommunityId == communityId, ct))
            return Failure.GroupNotInCommunity;

        if (Month.Window(from, to, LastSettled(clock.GetUtcNow(), community.TimeZone), 12, MaxMonths) is not { } window) return Failure.InvalidMonth;
        var (start, end) = window;

        var now = clock.GetUtcNow();
        var months = Month.Range(start, end).ToList();
        var settled = months.Where(m => IsSettled(m, now, community.TimeZone)).ToList();
        var result = settled.Count == 0 ? [] : await PublishedAsync(communityId, community.TimeZone, groupId ?? communityId, settled, now, ct);

        return new CommunityInsights(communityId, community.Name, community.Currency, start.ToString(), end.ToString(), groupId,
            months.Select(m => result.GetValueOrDefault(m.Period) ?? MonthInsights.NotYet(m.Period)).ToList());
    }

    /// <summary>
    /// Settled months of the community and its groups published ahead of time, so the first reader of a month
    /// does not wait either. Returns how many months were computed.
    /// </summary>
    public async Task<int> PrecomputeAsync(Guid communityId, int months, CancellationToken ct = default)
    {
        var timeZone = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => c.TimeZone).FirstOrDefaultAsync(ct);
        if (timeZone is null) return 0;
        var now = clock.GetUtcNow();
        var last = LastSettled(now, timeZone);
        var first = Enumerable.Range(1, Math.Max(months, 1) - 1).Aggregate(last, (m, _) => m.Previous);
        var kept = await db.InsightsSnapshots.AsNoTracking()
            .Where(s => s.Scope == communityId && s.Period >= first.Period && s.Period <= last.Period)
            .Select(s => s.Period).ToListAsync(ct);
        var missing = Month.Range(first, last).Where(m => !kept.Contains(m.Period)).ToList();
        if (missing.Count == 0) return 0;
        await KeepAsync(communityId, await ComputeAsync(communityId, timeZone, missing, ct), now, ct);
        return missing.Count;
    }

    /// <summary>
    /// A month is published once it has been closed for a day: saves made while it was open are in by then.
    /// It is computed once and never again (docs/privacy.md): a household's later corrections stay in its own
    /// record, so nobody can change their own figures and watch what the published ones do.
    /// </summary>
    public static bool IsSettled(Month month, DateTimeOffset now, string timeZone) =>
        month.StateAt(now.AddDays(-1), timeZone) == MonthState.Closed;

    /// <summary>The latest month whose figures are published: the default end of a range.</summary>
    public static Month LastSettled(DateTimeOffset now, string timeZone)
    {
        var month = Month.Current(now, timeZone);
        while (!IsSettled(month, now, timeZone)) month = month.Previous;
        return month;
    }

    /// <summary>The day, where the community lives, from which a month's figures are published.</summary>
    public static DateOnly PublishedFrom(Month month) =>
        new DateOnly(month.Next.Year, month.Next.Number, 1).AddDays(Month.EditableDaysAfterEnd + 1);

    /// <summary>The scope's settled months as published: kept ones as they were kept, the others computed and kept now.</summary>
    private async Task<Dictionary<int, MonthInsights>> PublishedAsync(Guid communityId, string timeZone, Guid scope, List<Month> months,
        DateTimeOffset now, CancellationToken ct)
    {
        int from = months[0].Period, to = months[^1].Period;
        async Task<Dictionary<int, MonthInsights>> Kept() => (await db.InsightsSnapshots.AsNoTracking()
                .Where(s => s.Scope == scope && s.Period >= from && s.Period <= to).Select(s => new { s.Period, s.Data }).ToListAsync(ct))
            .ToDictionary(s => s.Period, s => InsightsSnapshot.Read(s.Data));
        var result = await Kept();
        var missing = months.Where(m => !result.ContainsKey(m.Period)).ToList();
        if (missing.Count == 0) return result;
        await KeepAsync(communityId, await ComputeAsync(communityId, timeZone, missing, ct), now, ct);
        // Read back what was kept, not what was computed: a reader that lost the race serves the same figures as the winner.
        return await Kept();
    }

    private async Task<List<(Month Month, PartitionMonth Figures)>> ComputeAsync(Guid communityId, string timeZone, List<Month> months,
        CancellationToken ct)
    {
        int from = months[0].Period, to = months[^1].Period;
        var wanted = months.Select(m => m.Period).ToHashSet();
        var facts = (await db.CheckIns.AsNoTracking()
                .Where(c => c.CommunityId == communityId && c.Period >= from && c.Period <= to)
                .Select(c => new CheckInFacts(c.Period, c.IncomeTotal, c.SavingsBalance, c.NeedsMask, c.WantsMask, c.GaveHelp, c.ReceivedHelp, c.GroupId))
                .ToListAsync(ct))
            .Where(f => wanted.Contains(f.Period)).GroupBy(f => f.Period).ToDictionary(g => g.Key, g => g.ToList());
        var groups = await db.Groups.AsNoTracking().Where(g => g.CommunityId == communityId).Select(g => g.Id).ToListAsync(ct);
        // Each household in the month it joined, where the community lives; counted in its group as it is now.
        var joined = (await db.Households.AsNoTracking().Where(h => h.CommunityId == communityId)
                .Select(h => new { h.GroupId, h.CreatedAt }).ToListAsync(ct))
            .Select(h => (h.GroupId, Period: Month.Current(h.CreatedAt, timeZone).Period)).ToList();
        var all = joined.Select(h => h.Period).Order().ToArray();
        var byGroup = joined.Where(h => h.GroupId is not null).GroupBy(h => h.GroupId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(h => h.Period).Order().ToArray());

        return months.Select(m => (m, InsightsKernel.Month(m.Period, facts.GetValueOrDefault(m.Period) ?? [], UpTo(all, m.Period),
            groups.ToDictionary(g => g, g => UpTo(byGroup.GetValueOrDefault(g) ?? [], m.Period))))).ToList();
    }

    /// <summary>How many of the sorted join months are at or before the period.</summary>
    private static int UpTo(int[] sorted, int period)
    {
        var i = Array.BinarySearch(sorted, period + 1);
        if (i < 0) return ~i;
        while (i > 0 && sorted[i - 1] == period + 1) i--;
        return i;
    }

    /// <summary>
    /// Keeps computed months of the community and its groups in one save. A row that another reader kept first
    /// stays as it is: the rows are then added one by one, and the ones already there are skipped.
    /// </summary>
    private async Task KeepAsync(Guid communityId, IReadOnlyList<(Month Month, PartitionMonth Figures)> months, DateTimeOffset now,
        CancellationToken ct)
    {
        var rows = new List<InsightsSnapshot>();
        foreach (var (month, figures) in months)
        {
            rows.Add(Snapshot(communityId, month, figures.Community));
            foreach (var (group, groupFigures) in figures.Groups) rows.Add(Snapshot(group, month, groupFigures));
        }
        InsightsSnapshot Snapshot(Guid scope, Month month, MonthInsights figures) => new()
        {
            CommunityId = communityId, Scope = scope, Period = month.Period, ComputedAt = now, Data = InsightsSnapshot.Write(figures),
        };
        var periods = months.Select(m => m.Month.Period).ToList();
        // Stryker disable once Logical : "||" reads more rows and finds the same ones: scopes are community and group ids, so no
        // other community's row matches (the community filter only narrows the read)
        var existing = (await db.InsightsSnapshots.AsNoTracking().Where(s => s.CommunityId == communityId && periods.Contains(s.Period))
            .Select(s => new { s.Scope, s.Period }).ToListAsync(ct)).Select(s => (s.Scope, s.Period)).ToHashSet();
        rows = rows.Where(r => !existing.Contains((r.Scope, r.Period))).ToList();
        if (rows.Count == 0) return;
        db.InsightsSnapshots.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        catch (DbUpdateException)
        {
            // Someone kept one of them first: keep the others one by one.
            db.ChangeTracker.Clear();
        }
        foreach (var row in rows)
        {
            db.InsightsSnapshots.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another reader kept it first; theirs is the published one.
            }
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// One month side by side for every community the viewer belongs to (all of them for an admin),
    /// grouped by currency: amounts in different currencies are never put on one scale.
    /// </summary>
    public async Task<IReadOnlyList<IGrouping<string, CommunityComparison>>> CompareAsync(Viewer viewer, Month month, CancellationToken ct = default)
    {
        var ids = viewer.Roles.Select(r => r.CommunityId).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => viewer.IsAdmin || ids.Contains(c.Id))
            .OrderBy(c => c.Name).Select(c => new { c.Id }).ToListAsync(ct);
        var rows = new List<CommunityComparison>();
        foreach (var c in communities)
        {
            var one = await ForCommunityAsync(viewer, c.Id, month, month, null, ct);
            if (one.Succeeded) rows.Add(new CommunityComparison(c.Id, one.Value!.CommunityName, one.Value.Currency, one.Value.Months[0]));
        }
        return rows.GroupBy(r => r.Currency).OrderBy(g => g.Key).ToList();
    }
}
