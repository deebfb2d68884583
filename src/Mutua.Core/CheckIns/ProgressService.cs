using Microsoft.EntityFrameworkCore;
using Mutua.Core.Communities;

namespace Mutua.Core.CheckIns;

public sealed record MonthProgress(string Month, IReadOnlyDictionary<IncomeSource, long> Income, long? Savings, long? Debts,
    int HelpGiven, int HelpReceived, IReadOnlyDictionary<Guid, int> Goals);

/// <summary>A household's own trends over the months it checked in, and a summary of the last twelve.</summary>
public sealed record HouseholdProgress(Guid HouseholdId, string Currency, IReadOnlyList<MonthProgress> Months,
    IReadOnlyList<GoalView> Goals, YearSummary Year);

public sealed record YearSummary(int CheckIns, long IncomeTotal, long? SavingsChange, long? DebtsChange, int HelpGiven, int HelpReceived,
    int GoalsReached);

public sealed class ProgressService(MutuaDbContext db, TimeProvider clock)
{
    /// <summary>The last <paramref name="months"/> months, up to the current one; only the household's own members see them.</summary>
    public async Task<Outcome<HouseholdProgress>> ForHouseholdAsync(Viewer viewer, Guid householdId, int months = 12, CancellationToken ct = default)
    {
        var place = await db.Households.AsNoTracking().Where(h => h.Id == householdId)
            .Select(h => new { h.CommunityId, h.Community!.Currency, h.Community.TimeZone }).FirstOrDefaultAsync(ct);
        if (place is null) return Failure.NotFound;
        if (!viewer.IsMemberOf(householdId)) return viewer.Refusal(place.CommunityId);
        months = Math.Clamp(months, 1, 60);
        var to = Month.Current(clock.GetUtcNow(), place.TimeZone);
        var from = to;
        for (var i = 1; i < months; i++) from = from.Previous;

        var rows = await db.CheckIns.AsNoTracking()
            .Where(c => c.HouseholdId == householdId && c.Period >= from.Period && c.Period <= to.Period)
            .OrderBy(c => c.Period)
            .Select(c => new
            {
                c.Period, c.SavingsBalance, c.Debts,
                Income = c.Income.Select(i => new { i.Source, i.Amount }).ToList(),
                Given = c.Help.Count(h => h.Direction == HelpDirection.Given),
                Received = c.Help.Count(h => h.Direction == HelpDirection.Received),
                Goals = c.Goals.Select(g => new { g.GoalId, g.Percent }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var list = rows.Select(r => new MonthProgress(Month.FromPeriod(r.Period).ToString(),
            r.Income.GroupBy(i => i.Source).ToDictionary(g => g.Key, g => g.Sum(i => i.Amount)),
            r.SavingsBalance, r.Debts, r.Given, r.Received, r.Goals.ToDictionary(g => g.GoalId, g => g.Percent))).ToList();

        var goalIds = list.SelectMany(m => m.Goals.Keys).Distinct().ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => g.HouseholdId == householdId && (g.ClosedAt == null || goalIds.Contains(g.Id)))
            .OrderBy(g => g.CreatedAt).Select(g => new { g.Id, g.Name, g.ClosedAt }).ToListAsync(ct);
        var latest = goals.ToDictionary(g => g.Id, g => list.LastOrDefault(m => m.Goals.ContainsKey(g.Id))?.Goals[g.Id]);

        var savings = list.Where(m => m.Savings is not null).ToList();
        var debts = list.Where(m => m.Debts is not null).ToList();
        var summary = new YearSummary(
            list.Count,
            list.Sum(m => m.Income.Values.Sum()),
            savings.Count >= 2 ? savings[^1].Savings - savings[0].Savings : null,
            debts.Count >= 2 ? debts[^1].Debts - debts[0].Debts : null,
            list.Sum(m => m.HelpGiven), list.Sum(m => m.HelpReceived),
            goals.Count(g => g.ClosedAt is not null && latest[g.Id] >= 100));
        return new HouseholdProgress(householdId, place.Currency, list,
            goals.Select(g => new GoalView(g.Id, g.Name, latest[g.Id])).ToList(), summary);
    }
}
