using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Communities;

/// <summary>
/// The orientation checklist ticks itself from what newcomers do elsewhere: their household's check-in,
/// their own profile. The ticks are saved with the write that caused them.
/// </summary>
internal sealed class OrientationTicks(MutuaDbContext db) : IReactTo<CheckInSaved>, IReactTo<ProfileSaved>
{
    /// <summary>A household's new check-in ticks "first check-in" for its members still in orientation.</summary>
    public async Task ReactAsync(CheckInSaved happened, CancellationToken ct)
    {
        // The save already knows whether anyone is waiting for the tick: most saves need no query here.
        if (!happened.Created || !happened.OrientationPending) return;
        var members = db.HouseholdMembers.Where(m => m.HouseholdId == happened.HouseholdId).Select(m => m.PersonId);
        foreach (var o in await db.Orientations
                     .Where(o => members.Contains(o.PersonId) && o.CommunityId == happened.CommunityId && o.FirstCheckInAt == null)
                     .ToListAsync(ct))
        {
            o.FirstCheckInAt = happened.At;
        }
    }

    /// <summary>Saving one's profile ticks that step in every community.</summary>
    public async Task ReactAsync(ProfileSaved happened, CancellationToken ct)
    {
        foreach (var o in await db.Orientations.Where(o => o.PersonId == happened.PersonId && o.ProfileDoneAt == null).ToListAsync(ct))
        {
            o.ProfileDoneAt = happened.At;
        }
    }
}
