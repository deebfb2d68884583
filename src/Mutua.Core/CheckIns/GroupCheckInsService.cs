using Microsoft.EntityFrameworkCore;
using Mutua.Core.Communities;

namespace Mutua.Core.CheckIns;

/// <summary>One household as its group sees it this month: whether it checked in, and only what it chose to share.</summary>
public sealed record SharedCheckIn(Guid HouseholdId, string HouseholdName, bool CheckedIn, bool IsOwn,
    IReadOnlyList<GoalView>? Goals, IReadOnlyList<NeedCategory>? Needs, IReadOnlyList<NeedCategory>? Wants,
    long? IncomeTotal, long? SavingsBalance, long? Debts, string? WhatsNew,
    int? HealthRating = null, string? Education = null, HousingSituation? Housing = null, string? Leadership = null,
    int? HelpGiven = null, int? HelpReceived = null);

public sealed record GroupMonth(Guid GroupId, string Month, string Currency, bool CanSeeShared, IReadOnlyList<SharedCheckIn> Households);

/// <summary>
/// A group's month: who has checked in (for the group and its coordinators, not outsiders) and what
/// each household chose to share (for the group's own members only).
/// </summary>
public sealed class GroupCheckInsService(MutuaDbContext db, TimeProvider clock)
{
    public async Task<Outcome<GroupMonth>> ThisMonthAsync(Viewer viewer, Guid groupId, CancellationToken ct = default)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.CommunityId, g.Community!.Currency, g.Community.TimeZone }).FirstOrDefaultAsync(ct);
        if (group is null) return Failure.NotFound;
        var inGroup = viewer.Households.Any(h => h.GroupId == groupId);
        if (!inGroup && !viewer.CanManage(group.CommunityId)) return viewer.Refusal(group.CommunityId);

        var month = Month.Current(clock.GetUtcNow(), group.TimeZone);
        var households = await db.Households.AsNoTracking().Where(h => h.GroupId == groupId).OrderBy(h => h.Name)
            .Select(h => new { h.Id, h.Name }).ToListAsync(ct);
        var ids = households.Select(h => h.Id).ToList();
        var checkIns = await db.CheckIns.AsNoTracking().Include(c => c.Goals).ThenInclude(g => g.Goal).Include(c => c.Help).AsSplitQuery()
            .Where(c => ids.Contains(c.HouseholdId) && c.Period == month.Period).ToListAsync(ct);
        var byHousehold = checkIns.ToDictionary(c => c.HouseholdId);

        var list = households.Select(h =>
        {
            var c = byHousehold.GetValueOrDefault(h.Id);
            var own = viewer.IsMemberOf(h.Id);
            // What a household shares is for its group: not for coordinators who are not in it.
            var show = c is not null && inGroup ? (own ? (SharedParts)~0 : c.SharedWithGroup) : SharedParts.None;
            return new SharedCheckIn(h.Id, h.Name, c is not null, own,
                show.HasFlag(SharedParts.Goals) ? c!.Goals.Select(g => new GoalView(g.GoalId, g.Goal!.Name, g.Percent)).ToList() : null,
                show.HasFlag(SharedParts.NeedsAndWants) ? CheckInService.FromMask(c!.NeedsMask) : null,
                show.HasFlag(SharedParts.NeedsAndWants) ? CheckInService.FromMask(c!.WantsMask) : null,
                show.HasFlag(SharedParts.Income) ? c!.IncomeTotal : null,
                show.HasFlag(SharedParts.Savings) ? c!.SavingsBalance : null,
                show.HasFlag(SharedParts.Savings) ? c!.Debts : null,
                show.HasFlag(SharedParts.WhatsNew) ? c!.WhatsNew : null,
                show.HasFlag(SharedParts.Health) ? c!.HealthRating : null,
                show.HasFlag(SharedParts.Education) ? c!.EducationNotes : null,
                show.HasFlag(SharedParts.Housing) ? c!.Housing : null,
                show.HasFlag(SharedParts.Leadership) ? c!.LeadershipNotes : null,
                // Connections are shared as counts: naming the other households is theirs to do.
                show.HasFlag(SharedParts.Connections) ? c!.Help.Count(h => h.Direction == HelpDirection.Given) : null,
                show.HasFlag(SharedParts.Connections) ? c!.Help.Count(h => h.Direction == HelpDirection.Received) : null);
        }).ToList();
        return new GroupMonth(groupId, month.ToString(), group.Currency, inGroup, list);
    }

    /// <summary>The in-app reminder: the viewer's households that have not checked in for a month still open.</summary>
    public async Task<IReadOnlyList<(Guid HouseholdId, Month Month)>> DueAsync(Viewer viewer, CancellationToken ct = default)
    {
        var due = new List<(Guid, Month)>();
        foreach (var h in viewer.Households)
        {
            var zone = await db.Communities.Where(c => c.Id == h.CommunityId).Select(c => c.TimeZone).FirstAsync(ct);
            var created = await db.Households.Where(x => x.Id == h.HouseholdId).Select(x => x.CreatedAt).FirstAsync(ct);
            var now = clock.GetUtcNow();
            var current = Month.Current(now, zone);
            var joined = Month.Current(created, zone);
            var periods = await db.CheckIns.Where(c => c.HouseholdId == h.HouseholdId && c.Period >= current.Previous.Period)
                .Select(c => c.Period).ToListAsync(ct);
            // Last month first, while it is still open: it closes sooner.
            if (current.Previous >= joined && current.Previous.StateAt(now, zone) == MonthState.Open && !periods.Contains(current.Previous.Period))
                due.Add((h.HouseholdId, current.Previous));
            else if (!periods.Contains(current.Period)) due.Add((h.HouseholdId, current));
        }
        return due;
    }
}
