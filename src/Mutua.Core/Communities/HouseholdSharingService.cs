using Microsoft.EntityFrameworkCore;
using Mutua.Core.Auditing;

namespace Mutua.Core.Communities;

/// <summary>A household's sharing settings as its members see them.</summary>
public sealed record HouseholdSharing(Guid HouseholdId, string HouseholdName, Guid CommunityId, string? GroupName, NameOnMap NameOnMap);

/// <summary>
/// What a household shares beyond itself that is not a month's check-in (each check-in says what its
/// group may see of that month): for now, how far its connections carry its name on the help map.
/// Only the household's own members read or change it: nobody outside a family edits its data.
/// </summary>
public sealed class HouseholdSharingService(MutuaDbContext db, TimeProvider clock)
{
    public async Task<Outcome<HouseholdSharing>> GetAsync(Viewer viewer, Guid householdId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var h = await db.Households.AsNoTracking().Where(x => x.Id == householdId)
            .Select(x => new HouseholdSharing(x.Id, x.Name, x.CommunityId, x.Group != null ? x.Group.Name : null, x.NameOnMap))
            .FirstOrDefaultAsync(ct);
        if (h is null || !viewer.InCommunity(h.CommunityId)) return Failure.NotFound;
        if (!viewer.IsMemberOf(householdId)) return Failure.Forbidden;
        return h;
    }

    public async Task<Outcome<HouseholdSharing>> SetNameOnMapAsync(Viewer viewer, Guid householdId, NameOnMap? choice, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null || !viewer.InCommunity(household.CommunityId)) return Failure.NotFound;
        if (!viewer.IsMemberOf(householdId)) return Failure.Forbidden;
        if (choice is not { } c || !Enum.IsDefined(c)) return Failure.InvalidSharingChoice;
        if (household.NameOnMap != c)
        {
            // Who widened or narrowed a family's visibility, and when: the kind of change a family may later ask about.
            db.Record(clock.GetUtcNow(), viewer.PersonId, AuditActions.NameOnMapChanged, household.CommunityId, household.Id,
                $"{household.NameOnMap} -> {c}");
            household.NameOnMap = c;
            await db.SaveChangesAsync(ct);
        }
        return await GetAsync(viewer, householdId, ct);
    }
}
