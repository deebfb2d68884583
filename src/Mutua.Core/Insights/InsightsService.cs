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
        if (!viewer.InCommunity(communityId)) return Failure.Forbidden;
        if (groupId is not null && !await db.Groups.AnyAsync(g => g.Id == groupId && g.CommunityId == communityId, ct))
            return Failure.GroupNotInCommunity;

        var end = to ?? Month.Current(clock.GetUtcNow(), community.TimeZone);
        var start = from ?? Enumerable.Range(0, 11).Aggregate(end, (m, _) => m.Previous);
        if (start > end || Month.Range(start, end).Count() > MaxMonths) return Failure.InvalidMonth;

        var checkIns = db.CheckIns.AsNoTracking()
            .Where(c => c.CommunityId == communityId && c.Period >= start.Period && c.Period <= end.Period);
        if (groupId is not null) checkIns = checkIns.Where(c => c.GroupId == groupId);
        var facts = await checkIns
            .Select(c => new CheckInFacts(c.Period, c.IncomeTotal, c.SavingsBalance, c.NeedsMask, c.WantsMask, c.GaveHelp, c.ReceivedHelp))
            .ToListAsync(ct);

        var households = db.Households.AsNoTracking().Where(h => h.CommunityId == communityId);
        if (groupId is not null) households = households.Where(h => h.GroupId == groupId);
        var joined = (await households.Select(h => h.CreatedAt).ToListAsync(ct))
            .Select(at => Month.Current(at, community.TimeZone).Period).ToList();
        var counts = Month.Range(start, end)
            .Select(m => (m.Period, Households: joined.Count(p => p <= m.Period))).ToList();

        return new CommunityInsights(communityId, community.Name, community.Currency, start.ToString(), end.ToString(), groupId,
            InsightsKernel.Compute(facts, counts));
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
