using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Communities;

/// <summary>
/// Who is asking, with everything needed to decide what they may see and do. Loaded once per
/// request; every Core call that reads or writes a resource checks it against this.
/// </summary>
public sealed class Viewer
{
    public static readonly Viewer Anonymous = new(Guid.Empty, false, [], []);

    public Viewer(Guid personId, bool isAdmin, IReadOnlyList<(Guid CommunityId, Role Role)> roles,
        IReadOnlyList<HouseholdPlace> households)
    {
        PersonId = personId;
        IsAdmin = isAdmin;
        Roles = roles;
        Households = households;
    }

    public Guid PersonId { get; }
    public bool IsAdmin { get; }
    public bool IsSignedIn => PersonId != Guid.Empty;
    public IReadOnlyList<(Guid CommunityId, Role Role)> Roles { get; }
    public IReadOnlyList<HouseholdPlace> Households { get; }

    public bool Has(Guid communityId, Role role) => Roles.Any(r => r.CommunityId == communityId && r.Role == role);
    public bool InCommunity(Guid communityId) => IsAdmin || Roles.Any(r => r.CommunityId == communityId);
    public bool CanManage(Guid communityId) => IsAdmin || Has(communityId, Role.Coordinator);

    /// <summary>First names of a community's people are for its members and coordinators only.</summary>
    public bool CanSeePeopleOf(Guid communityId) =>
        CanManage(communityId) || Households.Any(h => h.CommunityId == communityId);

    public bool IsMemberOf(Guid householdId) => Households.Any(h => h.HouseholdId == householdId);

    public bool CanSeeHousehold(Household h) => IsMemberOf(h.Id) || CanManage(h.CommunityId);

    public HouseholdPlace? HouseholdIn(Guid communityId) => Households.FirstOrDefault(h => h.CommunityId == communityId);

    public static async Task<Viewer> LoadAsync(MutuaDbContext db, Guid personId, CancellationToken ct = default)
    {
        var person = await db.Users.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.IsAdmin }).FirstOrDefaultAsync(ct);
        if (person is null) return Anonymous;
        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.PersonId == personId)
            .Select(r => new { r.CommunityId, r.Role }).ToListAsync(ct);
        var households = await db.HouseholdMembers.AsNoTracking().Where(m => m.PersonId == personId)
            .Select(m => new HouseholdPlace(m.HouseholdId, m.Household!.CommunityId, m.Household.GroupId))
            .ToListAsync(ct);
        return new Viewer(personId, person.IsAdmin, roles.Select(r => (r.CommunityId, r.Role)).ToList(), households);
    }
}

public sealed record HouseholdPlace(Guid HouseholdId, Guid CommunityId, Guid? GroupId);
