using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Communities;

public sealed record OrientationView(Guid CommunityId, string CommunityName, Guid? BuddyId, string? BuddyFirstName,
    bool ProfileDone, bool MetBuddy, bool FirstCheckIn);

public sealed record Newcomer(Guid PersonId, string FirstName, Guid CommunityId, string CommunityName, DateTimeOffset StartedAt, bool Met);

public enum OrientationStep { Profile, MetBuddy }

/// <summary>
/// A newcomer's welcome to a community: their checklist, their group, and their buddy with only what the buddy
/// chose to share to be reached (a phone, "at the group meeting"). Only the newcomer themselves gets one.
/// </summary>
public sealed record Welcome(Guid CommunityId, string CommunityName, Guid? HouseholdId, Guid? GroupId, string? GroupName,
    Guid? BuddyId, string? BuddyFirstName, string? BuddyPhone, bool BuddyAtGroupMeeting,
    bool ProfileDone, bool MetBuddy, bool FirstCheckIn);

/// <summary>A newcomer's checklist and buddy; the buddy sees whom they have to welcome.</summary>
public sealed class OrientationService(MutuaDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Starts a newcomer's orientation and picks a buddy: an established member of the same group
    /// (else the community), outside the newcomer's own household, with the fewest newcomers already.
    /// </summary>
    public async Task<Guid?> StartAsync(Guid personId, Guid communityId, Guid householdId, Guid? groupId, CancellationToken ct = default)
    {
        if (await db.Orientations.AnyAsync(o => o.PersonId == personId && o.CommunityId == communityId, ct)) return null;
        var now = clock.GetUtcNow();
        var buddyId = await PickBuddyAsync(communityId, householdId, groupId, ct)
            ?? await PickBuddyAsync(communityId, householdId, null, ct);
        db.Orientations.Add(new Orientation { PersonId = personId, CommunityId = communityId, BuddyId = buddyId, StartedAt = now });
        return buddyId;
    }

    private async Task<Guid?> PickBuddyAsync(Guid communityId, Guid householdId, Guid? groupId, CancellationToken ct)
    {
        var candidates = db.HouseholdMembers.Where(m => m.Household!.CommunityId == communityId && m.HouseholdId != householdId);
        if (groupId is not null) candidates = candidates.Where(m => m.Household!.GroupId == groupId);
        return await candidates
            .Select(m => new
            {
                m.PersonId, m.JoinedAt,
                // Someone still finding their own feet is not yet a buddy.
                StillNew = db.Orientations.Any(o => o.PersonId == m.PersonId && o.CommunityId == communityId && o.MetBuddyAt == null),
                Load = db.Orientations.Count(o => o.BuddyId == m.PersonId && o.MetBuddyAt == null),
            })
            .Where(c => !c.StillNew)
            .OrderBy(c => c.Load).ThenBy(c => c.JoinedAt)
            .Select(c => (Guid?)c.PersonId)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<OrientationView>> ForPersonAsync(Guid personId, CancellationToken ct = default)
    {
        var rows = await db.Orientations.AsNoTracking().Where(o => o.PersonId == personId)
            .Select(o => new
            {
                o.CommunityId, CommunityName = o.Community!.Name, o.BuddyId,
                Buddy = db.Users.Where(p => p.Id == o.BuddyId).Select(p => p.FirstName).FirstOrDefault(),
                o.ProfileDoneAt, o.MetBuddyAt, o.FirstCheckInAt,
            }).ToListAsync(ct);
        return rows.Select(o => new OrientationView(o.CommunityId, o.CommunityName, o.BuddyId, o.Buddy,
            o.ProfileDoneAt is not null, o.MetBuddyAt is not null, o.FirstCheckInAt is not null)).ToList();
    }

    /// <summary>
    /// The viewer's own welcome to a community they joined as a member. Anyone else, and anyone who did not join
    /// there as a newcomer, is answered as if the community did not exist: a buddy's contact goes to their newcomers only.
    /// </summary>
    public async Task<Outcome<Welcome>> WelcomeAsync(Viewer viewer, Guid communityId, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return Failure.NotFound;
        var o = await db.Orientations.AsNoTracking().Where(x => x.PersonId == viewer.PersonId && x.CommunityId == communityId)
            .Select(x => new
            {
                CommunityName = x.Community!.Name, x.BuddyId, x.ProfileDoneAt, x.MetBuddyAt, x.FirstCheckInAt,
                Buddy = db.Users.Where(p => p.Id == x.BuddyId)
                    .Select(p => new { p.FirstName, p.BuddyPhone, p.BuddyAtGroupMeeting }).FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        if (o is null) return Failure.NotFound;
        var household = viewer.HouseholdIn(communityId);
        var groupName = household?.GroupId is { } groupId
            ? await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => g.Name).FirstOrDefaultAsync(ct)
            : null;
        return new Welcome(communityId, o.CommunityName, household?.HouseholdId, groupName is null ? null : household!.GroupId, groupName,
            o.Buddy is null ? null : o.BuddyId, o.Buddy?.FirstName, o.Buddy?.BuddyPhone, o.Buddy?.BuddyAtGroupMeeting ?? false,
            o.ProfileDoneAt is not null, o.MetBuddyAt is not null, o.FirstCheckInAt is not null);
    }

    /// <summary>Newcomers this person is buddy to, newest first.</summary>
    public async Task<IReadOnlyList<Newcomer>> NewcomersOfAsync(Guid buddyId, CancellationToken ct = default)
    {
        var rows = await db.Orientations.AsNoTracking().Where(o => o.BuddyId == buddyId)
            .OrderByDescending(o => o.StartedAt)
            .Select(o => new
            {
                o.PersonId, FirstName = db.Users.Where(p => p.Id == o.PersonId).Select(p => p.FirstName).First(),
                o.CommunityId, CommunityName = o.Community!.Name, o.StartedAt, o.MetBuddyAt,
            }).Take(20).ToListAsync(ct);
        return rows.Select(r => new Newcomer(r.PersonId, r.FirstName, r.CommunityId, r.CommunityName, r.StartedAt, r.MetBuddyAt is not null)).ToList();
    }

    /// <summary>The newcomer ticks a step; the buddy may also record that they met.</summary>
    public async Task<bool> CompleteAsync(Viewer viewer, Guid communityId, Guid newcomerId, OrientationStep step, CancellationToken ct = default)
    {
        var o = await db.Orientations.FirstOrDefaultAsync(x => x.PersonId == newcomerId && x.CommunityId == communityId, ct);
        if (o is null) return false;
        var isNewcomer = viewer.PersonId == newcomerId;
        var isBuddy = o.BuddyId == viewer.PersonId;
        var now = clock.GetUtcNow();
        switch (step)
        {
            case OrientationStep.Profile when isNewcomer:
                o.ProfileDoneAt ??= now;
                break;
            case OrientationStep.MetBuddy when isNewcomer || isBuddy:
                o.MetBuddyAt ??= now;
                break;
            default:
                return false;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
