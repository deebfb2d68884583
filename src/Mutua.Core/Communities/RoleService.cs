using Microsoft.EntityFrameworkCore;
using Mutua.Core.Auditing;

namespace Mutua.Core.Communities;

public sealed record PersonInCommunity(Guid PersonId, string FirstName, Guid? HouseholdId, string? HouseholdName,
    IReadOnlyList<Role> Roles);

/// <summary>
/// Who holds which role in a community. Coordinators hand out the peer roles (ambassador,
/// supporter); only an admin names coordinators and sponsors. Every change is audited.
/// </summary>
public sealed class RoleService(MutuaDbContext db, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<PersonInCommunity>>> PeopleAsync(Viewer viewer, Guid communityId, CancellationToken ct = default)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct)) return Failure.NotFound;
        if (!viewer.CanManage(communityId)) return viewer.Refusal(communityId);
        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.CommunityId == communityId)
            .Select(r => new { r.PersonId, r.Person!.FirstName, r.Role }).ToListAsync(ct);
        var households = await db.HouseholdMembers.AsNoTracking().Where(m => m.Household!.CommunityId == communityId)
            .Select(m => new { m.PersonId, m.HouseholdId, m.Household!.Name }).ToListAsync(ct);
        // One household per person per community is the rule; if a race ever broke it, show the first.
        // Stryker disable once Linq : a group of GroupBy is never empty, so First and FirstOrDefault are the same here.
        var byPerson = households.GroupBy(h => h.PersonId).ToDictionary(g => g.Key, g => g.First());
        return roles.GroupBy(r => (r.PersonId, r.FirstName))
            .Select(g => new PersonInCommunity(g.Key.PersonId, g.Key.FirstName,
                byPerson.GetValueOrDefault(g.Key.PersonId)?.HouseholdId, byPerson.GetValueOrDefault(g.Key.PersonId)?.Name,
                g.Select(r => r.Role).Order().ToList()))
            .OrderBy(p => p.FirstName, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<Outcome<PersonInCommunity>> GrantAsync(Viewer viewer, Guid communityId, Guid personId, Role role, CancellationToken ct = default)
    {
        var check = await CheckAsync(viewer, communityId, personId, role, ct);
        if (check is not null) return check.Value;
        if (await db.CommunityRoles.AnyAsync(r => r.CommunityId == communityId && r.PersonId == personId && r.Role == role, ct))
            return Failure.RoleAlreadyHeld;
        var now = clock.GetUtcNow();
        db.CommunityRoles.Add(new CommunityRole
        {
            CommunityId = communityId, PersonId = personId, Role = role, GrantedAt = now, GrantedById = viewer.PersonId,
            Until = role == Role.Ambassador ? DateOnly.FromDateTime(now.UtcDateTime).AddYears(1) : null,
        });
        db.Record(now, viewer.PersonId, AuditActions.RoleGranted, communityId, personId, role.ToString());
        await db.SaveChangesAsync(ct);
        return await OneAsync(viewer, communityId, personId, ct);
    }

    public async Task<Outcome<PersonInCommunity>> RevokeAsync(Viewer viewer, Guid communityId, Guid personId, Role role, CancellationToken ct = default)
    {
        var check = await CheckAsync(viewer, communityId, personId, role, ct);
        if (check is not null) return check.Value;
        var held = await db.CommunityRoles.FirstOrDefaultAsync(r => r.CommunityId == communityId && r.PersonId == personId && r.Role == role, ct);
        if (held is null) return Failure.NotFound;
        db.CommunityRoles.Remove(held);
        db.Record(clock.GetUtcNow(), viewer.PersonId, AuditActions.RoleRevoked, communityId, personId, role.ToString());
        await db.SaveChangesAsync(ct);
        return await OneAsync(viewer, communityId, personId, ct);
    }

    private async Task<Failure?> CheckAsync(Viewer viewer, Guid communityId, Guid personId, Role role, CancellationToken ct)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct)) return Failure.NotFound;
        if (!viewer.CanManage(communityId)) return viewer.Refusal(communityId);
        if (!Enum.IsDefined(role)) return Failure.InvalidRole;
        // Membership comes with a household, through an invitation, not as a bare role.
        if (role == Role.Member) return Failure.InvalidRole;
        if (role is Role.Coordinator or Role.Sponsor && !viewer.IsAdmin) return Failure.Forbidden;
        if (!await db.CommunityRoles.AnyAsync(r => r.CommunityId == communityId && r.PersonId == personId, ct)) return Failure.NotFound;
        return null;
    }

    private async Task<Outcome<PersonInCommunity>> OneAsync(Viewer viewer, Guid communityId, Guid personId, CancellationToken ct)
    {
        var people = await PeopleAsync(viewer, communityId, ct);
        var person = people.Value?.FirstOrDefault(p => p.PersonId == personId);
        if (person is not null) return person;
        // Their last role here was just taken back: they are still a person, with no roles left.
        var firstName = await db.Users.AsNoTracking().Where(u => u.Id == personId).Select(u => u.FirstName).FirstOrDefaultAsync(ct);
        // Stryker disable once Conditional : only an account deleted between the change and this read has no first name,
        // which no test can time
        return firstName is null ? Failure.NotFound : new PersonInCommunity(personId, firstName, null, null, []);
    }
}
