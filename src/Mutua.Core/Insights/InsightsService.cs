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

        var end = to ?? Month.Current(clock.GetUtcNow(), community.TimeZone);
        var start = from ?? Enumerable.Range(0, 11).Aggregate(end, (m, _) => m.Previous);
        if (start > end || Month.Range(start, end).Count() > MaxMonths) return Failure.InvalidMonth;

        var scope = groupId ?? communityId;
        var months = Month.Range(start, end).ToList();
        var kept = await db.InsightsSnapshots.AsNoTracking()
            .Where(s => s.Scope == scope && s.Period >= start.Period && s.Period <= end.Period)
            .Select(s => new { s.Id, s.Period, s.Stale, s.Version, s.Data })
            .ToDictionaryAsync(s => s.Period, ct);
        var result = new Dictionary<int, MonthInsights>();
        foreach (var s in kept.Values.Where(s => !s.Stale)) result[s.Period] = InsightsSnapshot.Read(s.Data);

        var missing = months.Where(m => !result.ContainsKey(m.Period)).ToList();
        if (missing.Count > 0)
        {
            var computed = await ComputeAsync(communityId, community.TimeZone, groupId, missing, ct);
            foreach (var month in computed) result[month.Period] = month;
            var now = clock.GetUtcNow();
            var settled = computed.Where(m => IsSettled(Month.FromPeriod(m.Period), now, community.TimeZone)).ToList();
            if (settled.Count > 0)
            {
                await KeepAsync(communityId, scope, settled,
                    kept.Values.Where(s => s.Stale).ToDictionary(s => s.Period, s => (s.Id, s.Version)), now, ct);
            }
        }

        return new CommunityInsights(communityId, community.Name, community.Currency, start.ToString(), end.ToString(), groupId,
            months.Select(m => result[m.Period]).ToList());
    }

    /// <summary>
    /// Settled months of the community (not its groups, which are computed when first asked for) kept
    /// ahead of time, so the first reader of a month does not wait either. Returns how many were computed.
    /// </summary>
    public async Task<int> PrecomputeAsync(Guid communityId, int months, CancellationToken ct = default)
    {
        var timeZone = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => c.TimeZone).FirstOrDefaultAsync(ct);
        if (timeZone is null) return 0;
        var now = clock.GetUtcNow();
        var last = Month.Current(now, timeZone);
        while (!IsSettled(last, now, timeZone)) last = last.Previous;
        var first = Enumerable.Range(1, Math.Max(months, 1) - 1).Aggregate(last, (m, _) => m.Previous);
        var kept = await db.InsightsSnapshots.AsNoTracking()
            .Where(s => s.Scope == communityId && s.Period >= first.Period && s.Period <= last.Period)
            .Select(s => new { s.Id, s.Period, s.Stale, s.Version }).ToListAsync(ct);
        var missing = Month.Range(first, last).Where(m => !kept.Any(k => k.Period == m.Period && !k.Stale)).ToList();
        if (missing.Count == 0) return 0;
        var computed = await ComputeAsync(communityId, timeZone, null, missing, ct);
        await KeepAsync(communityId, communityId, computed, kept.Where(k => k.Stale).ToDictionary(k => k.Period, k => (k.Id, k.Version)), now, ct);
        return computed.Count;
    }

    /// <summary>
    /// A month is kept once it has been closed for a day: saves made while it was open are in by then,
    /// and any later change is a correction, which marks the kept month stale (<see cref="MarkStale"/>).
    /// </summary>
    private static bool IsSettled(Month month, DateTimeOffset now, string timeZone) =>
        month.StateAt(now.AddDays(-1), timeZone) == MonthState.Closed;

    private async Task<List<MonthInsights>> ComputeAsync(Guid communityId, string timeZone, Guid? groupId, List<Month> months, CancellationToken ct)
    {
        int from = months[0].Period, to = months[^1].Period;
        var checkIns = db.CheckIns.AsNoTracking()
            .Where(c => c.CommunityId == communityId && c.Period >= from && c.Period <= to);
        if (groupId is not null) checkIns = checkIns.Where(c => c.GroupId == groupId);
        var wanted = months.Select(m => m.Period).ToHashSet();
        var facts = (await checkIns
            .Select(c => new CheckInFacts(c.Period, c.IncomeTotal, c.SavingsBalance, c.NeedsMask, c.WantsMask, c.GaveHelp, c.ReceivedHelp))
            .ToListAsync(ct)).Where(f => wanted.Contains(f.Period)).ToList();

        var households = db.Households.AsNoTracking().Where(h => h.CommunityId == communityId);
        if (groupId is not null) households = households.Where(h => h.GroupId == groupId);
        // Households that joined a day or more before the first month began joined before it in every time
        // zone: SQL counts them. Only the later ones are read, to place each in its month where the community lives.
        var early = new DateTimeOffset(months[0].Year, months[0].Number, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
        var before = await households.CountAsync(h => h.CreatedAt < early, ct);
        var joined = (await households.Where(h => h.CreatedAt >= early).Select(h => h.CreatedAt).ToListAsync(ct))
            .Select(at => Month.Current(at, timeZone).Period).Order().ToArray();
        var counts = months.Select(m => (m.Period, Households: before + UpTo(joined, m.Period))).ToList();
        return InsightsKernel.Compute(facts, counts).ToList();
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
    /// Keeps computed months in one save: new rows, or stale rows replaced only if nobody marked them again
    /// meanwhile. Losing a race to another reader or to a correction is fine: this answer was served, the
    /// next reader computes; the other months are then kept one by one.
    /// </summary>
    private async Task KeepAsync(Guid communityId, Guid scope, IReadOnlyList<MonthInsights> months,
        Dictionary<int, (Guid Id, int Version)> stale, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var month in months) Track(month);
        try
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }
        catch (DbUpdateException)
        {
            // Someone raced us on one of them: keep the others one by one.
            db.ChangeTracker.Clear();
        }
        foreach (var month in months)
        {
            Track(month);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another reader kept it first, or a correction marked it stale again.
            }
            db.ChangeTracker.Clear();
        }

        void Track(MonthInsights month)
        {
            var row = new InsightsSnapshot
            {
                CommunityId = communityId, Scope = scope, Period = month.Period, ComputedAt = now, Data = InsightsSnapshot.Write(month),
            };
            if (!stale.TryGetValue(month.Period, out var old))
            {
                db.InsightsSnapshots.Add(row);
                return;
            }
            row.Id = old.Id;
            row.Version = old.Version;
            db.InsightsSnapshots.Attach(row);
            row.Version = old.Version + 1;
            db.Entry(row).Property(r => r.Data).IsModified = true;
            db.Entry(row).Property(r => r.ComputedAt).IsModified = true;
            db.Entry(row).Property(r => r.Stale).IsModified = true;
        }
    }

    /// <summary>
    /// Marks a month's kept insights of the community and the group stale, in the caller's unit of work,
    /// making a stale mark where none is kept so a reader computing from older rows cannot keep its answer.
    /// </summary>
    public static async Task MarkStale(MutuaDbContext db, Guid communityId, Guid? groupId, int period, CancellationToken ct)
    {
        Guid[] scopes = groupId is { } g ? [communityId, g] : [communityId];
        var rows = await db.InsightsSnapshots.Where(s => scopes.Contains(s.Scope) && s.Period == period).ToListAsync(ct);
        foreach (var scope in scopes)
        {
            var row = rows.FirstOrDefault(r => r.Scope == scope);
            if (row is null)
            {
                db.InsightsSnapshots.Add(new InsightsSnapshot { CommunityId = communityId, Scope = scope, Period = period, Stale = true });
                continue;
            }
            row.Stale = true;
            row.Data = "";
            row.Version++;
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
