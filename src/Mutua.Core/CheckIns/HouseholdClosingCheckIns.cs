using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.CheckIns;

/// <summary>A closing household's journal goes with it; other households' help with it stays, without its name.</summary>
internal sealed class HouseholdClosingCheckIns(MutuaDbContext db) : IReactTo<HouseholdClosing>
{
    public async Task ReactAsync(HouseholdClosing happened, CancellationToken ct)
    {
        var householdId = happened.HouseholdId;
        // The help happened; who it was with is gone. A dash keeps the other household's row valid when it edits that month.
        await db.HelpExchanges.Where(x => x.OtherHouseholdId == householdId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OtherHouseholdId, (Guid?)null).SetProperty(x => x.OtherDescription, "—"), ct);
        // Income, help, goal progress and corrections go with their check-ins.
        await db.CheckIns.Where(c => c.HouseholdId == householdId).ExecuteDeleteAsync(ct);
        await db.Goals.Where(g => g.HouseholdId == householdId).ExecuteDeleteAsync(ct);
    }
}
