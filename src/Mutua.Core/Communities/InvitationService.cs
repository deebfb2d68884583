using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;

namespace Mutua.Core.Communities;

/// <summary>
/// Families recruit their own peers: a member invites into their own household or a new household
/// of their group; a coordinator into any household or group of the community, or with another role.
/// </summary>
public sealed class InvitationService(MutuaDbContext db, AccountCreation accounts, OrientationService orientation, TimeProvider clock)
{
    public async Task<Outcome<InvitationSummary>> CreateAsync(Viewer viewer, Guid communityId, NewInvitation input, CancellationToken ct = default)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct)) return Failure.NotFound;
        if (!viewer.InCommunity(communityId)) return Failure.NotFound;
        if (!Enum.IsDefined(input.Role)) return Failure.InvalidRole;

        var coordinator = viewer.CanManage(communityId);
        var own = viewer.HouseholdIn(communityId);
        Guid? groupId = input.GroupId;
        Guid? householdId = input.HouseholdId;
        string? newHouseholdName = null;

        if (input.Role != Role.Member)
        {
            // Non-member roles carry no household; only the people who run the community hand them out,
            // and only an admin hands out the roles that run it.
            if (!coordinator) return Failure.Forbidden;
            if (input.Role is Role.Coordinator or Role.Sponsor && !viewer.IsAdmin) return Failure.Forbidden;
            groupId = null;
            householdId = null;
        }
        else if (householdId is not null)
        {
            var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
            if (household is null || household.CommunityId != communityId) return Failure.HouseholdNotInCommunity;
            if (!coordinator && !viewer.IsMemberOf(household.Id)) return Failure.Forbidden;
            groupId = household.GroupId;
        }
        else
        {
            if (!coordinator)
            {
                // A member recruits a new household into their own group.
                if (own is null) return Failure.Forbidden;
                if (groupId is not null && groupId != own.GroupId) return Failure.Forbidden;
                groupId = own.GroupId;
            }
            if (groupId is not null && !await db.Groups.AnyAsync(g => g.Id == groupId && g.CommunityId == communityId, ct))
                return Failure.GroupNotInCommunity;
            newHouseholdName = input.NewHouseholdName?.Trim();
            if (newHouseholdName is { Length: > Household.NameMaxLength }) return Failure.NameTooLong;
            if (newHouseholdName is { Length: 0 }) newHouseholdName = null;
        }

        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Code = await UniqueCodeAsync(ct), CommunityId = communityId, Role = input.Role, GroupId = groupId,
            HouseholdId = householdId, NewHouseholdName = newHouseholdName, CreatedById = viewer.PersonId,
            CreatedAt = now, ExpiresAt = now + Invitation.DefaultLifetime,
        };
        db.Invitations.Add(invitation);
        db.Record(now, viewer.PersonId, AuditActions.InvitationCreated, communityId, invitation.Id, $"{input.Role}");
        await db.SaveChangesAsync(ct);
        return (await Summaries(db.Invitations.Where(i => i.Id == invitation.Id), ct))[0];
    }

    /// <summary>Coordinators see every invitation of the community; members see the ones they made.</summary>
    public async Task<Outcome<IReadOnlyList<InvitationSummary>>> ListAsync(Viewer viewer, Guid communityId, CancellationToken ct = default)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct)) return Failure.NotFound;
        if (!viewer.InCommunity(communityId)) return Failure.NotFound;
        var query = db.Invitations.Where(i => i.CommunityId == communityId);
        if (!viewer.CanManage(communityId)) query = query.Where(i => i.CreatedById == viewer.PersonId);
        return new Outcome<IReadOnlyList<InvitationSummary>>(await Summaries(query, ct), null);
    }

    public async Task<Outcome<InvitationSummary>> RevokeAsync(Viewer viewer, Guid invitationId, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null) return Failure.NotFound;
        if (invitation.CreatedById != viewer.PersonId && !viewer.CanManage(invitation.CommunityId))
            return viewer.Refusal(invitation.CommunityId);
        var now = clock.GetUtcNow();
        switch (invitation.StateAt(now))
        {
            case InvitationState.Used: return Failure.InvitationUsed;
            case InvitationState.Revoked: return Failure.InvitationRevoked;
        }
        invitation.RevokedAt = now;
        db.Record(now, viewer.PersonId, AuditActions.InvitationRevoked, invitation.CommunityId, invitation.Id);
        await db.SaveChangesAsync(ct);
        return (await Summaries(db.Invitations.Where(i => i.Id == invitationId), ct))[0];
    }

    /// <summary>Anyone holding a code may see where it leads, so they know what they are joining.</summary>
    public async Task<Outcome<InvitationPreview>> PreviewAsync(string? typedCode, CancellationToken ct = default)
    {
        var (invitation, failure) = await FindOpenAsync(typedCode, ct);
        if (invitation is null) return failure!.Value;
        var inviter = await db.Users.AsNoTracking().Where(p => p.Id == invitation.CreatedById).Select(p => p.FirstName).FirstAsync(ct);
        return new InvitationPreview(invitation.Code, invitation.CommunityId, invitation.Community!.Name, invitation.Community.Place,
            invitation.Community.DefaultLanguage, invitation.Community.Country, invitation.Role, invitation.Group?.Name,
            // Stryker disable once NullCoalescing : an invitation into a household has no new household's name, and one into a new household no household
            invitation.Household?.Name ?? invitation.NewHouseholdName, inviter, invitation.ExpiresAt);
    }

    /// <summary>A newcomer creates their account with the code and lands in the right household.</summary>
    public async Task<Outcome<Joined>> SignUpAsync(string? typedCode, SignUp input, CancellationToken ct = default)
    {
        var (invitation, failure) = await FindOpenAsync(typedCode, ct);
        if (invitation is null) return failure!.Value;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await accounts.CreateAsync(input, invitation.Community!.DefaultLanguage, invitation.Community.Country, ct);
        if (!created.Succeeded) return created.Failure!.Value;
        var person = created.Value!;
        var joined = await JoinAsync(invitation, person.Id, ct);
        if (!joined.Succeeded) return joined;
        await tx.CommitAsync(ct);
        return joined;
    }

    /// <summary>A person who already has an account joins another community or household with a code.</summary>
    public async Task<Outcome<Joined>> RedeemAsync(Viewer viewer, string? typedCode, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return Failure.Forbidden;
        var (invitation, failure) = await FindOpenAsync(typedCode, ct);
        if (invitation is null) return failure!.Value;
        // Stryker disable once Conditional : joining as a member gives both a household and the Member role, and nothing takes one without the other
        if (invitation.Role == Role.Member ? viewer.HouseholdIn(invitation.CommunityId) is not null : viewer.Has(invitation.CommunityId, invitation.Role))
            return Failure.AlreadyMember;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var joined = await JoinAsync(invitation, viewer.PersonId, ct);
        if (!joined.Succeeded) return joined;
        await tx.CommitAsync(ct);
        return joined;
    }

    private async Task<Outcome<Joined>> JoinAsync(Invitation invitation, Guid personId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Claim the code first: of two people racing for one code, only one row update succeeds.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.RedeemedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RedeemedAt, now).SetProperty(i => i.RedeemedById, personId), ct);
        if (claimed == 0) return Failure.InvitationUsed;

        Guid? householdId = null;
        Guid? groupId = invitation.GroupId;
        Guid? buddyId = null;
        if (invitation.Role == Role.Member)
        {
            var household = invitation.HouseholdId is { } id ? await db.Households.FirstAsync(h => h.Id == id, ct) : null;
            if (household is null)
            {
                var firstName = await db.Users.Where(p => p.Id == personId).Select(p => p.FirstName).FirstAsync(ct);
                household = new Household
                {
                    CommunityId = invitation.CommunityId, GroupId = invitation.GroupId,
                    Name = invitation.NewHouseholdName ?? firstName, CreatedAt = now,
                };
                db.Households.Add(household);
            }
            householdId = household.Id;
            groupId = household.GroupId;
            db.HouseholdMembers.Add(new HouseholdMember { HouseholdId = household.Id, PersonId = personId, JoinedAt = now });
            buddyId = await orientation.StartAsync(personId, invitation.CommunityId, household.Id, groupId, ct);
        }
        if (!await db.CommunityRoles.AnyAsync(r => r.CommunityId == invitation.CommunityId && r.PersonId == personId && r.Role == invitation.Role, ct))
        {
            db.CommunityRoles.Add(new CommunityRole
            {
                CommunityId = invitation.CommunityId, PersonId = personId, Role = invitation.Role, GrantedAt = now,
                GrantedById = invitation.CreatedById,
                Until = invitation.Role == Role.Ambassador ? DateOnly.FromDateTime(now.UtcDateTime).AddYears(1) : null,
            });
        }
        db.Record(now, personId, AuditActions.InvitationRedeemed, invitation.CommunityId, invitation.Id, $"{invitation.Role}");
        db.Record(now, invitation.CreatedById, AuditActions.RoleGranted, invitation.CommunityId, personId, $"{invitation.Role} by invitation");
        await db.SaveChangesAsync(ct);
        return new Joined(personId, invitation.CommunityId, householdId, groupId, buddyId);
    }

    private async Task<(Invitation?, Failure?)> FindOpenAsync(string? typedCode, CancellationToken ct)
    {
        var code = InvitationCodes.Normalise(typedCode);
        if (code is null) return (null, Failure.InvitationUnknown);
        var invitation = await db.Invitations.Include(i => i.Community).Include(i => i.Group).Include(i => i.Household)
            .FirstOrDefaultAsync(i => i.Code == code, ct);
        if (invitation is null) return (null, Failure.InvitationUnknown);
        return invitation.StateAt(clock.GetUtcNow()) switch
        {
            InvitationState.Used => (null, Failure.InvitationUsed),
            InvitationState.Expired => (null, Failure.InvitationExpired),
            InvitationState.Revoked => (null, Failure.InvitationRevoked),
            _ => (invitation, null),
        };
    }

    private async Task<string> UniqueCodeAsync(CancellationToken ct)
    {
        // 31^8 codes: a clash is rare, but a unique index would turn it into an error.
        while (true)
        {
            var code = InvitationCodes.NewCode();
            if (!await db.Invitations.AnyAsync(i => i.Code == code, ct)) return code;
        }
    }

    private async Task<IReadOnlyList<InvitationSummary>> Summaries(IQueryable<Invitation> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().OrderByDescending(i => i.CreatedAt)
            .Select(i => new
            {
                i.Id, i.Code, i.CommunityId, i.Role, i.GroupId, GroupName = i.Group != null ? i.Group.Name : null,
                i.HouseholdId, HouseholdName = i.Household != null ? i.Household.Name : i.NewHouseholdName,
                CreatedBy = db.Users.Where(p => p.Id == i.CreatedById).Select(p => p.FirstName).FirstOrDefault(),
                i.CreatedAt, i.ExpiresAt, i.RedeemedAt, i.RevokedAt,
            }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(r => new InvitationSummary(r.Id, r.Code, r.CommunityId, r.Role, r.GroupId, r.GroupName, r.HouseholdId,
            r.HouseholdName, r.CreatedBy ?? "", r.CreatedAt, r.ExpiresAt,
            new Invitation { ExpiresAt = r.ExpiresAt, RedeemedAt = r.RedeemedAt, RevokedAt = r.RevokedAt }.StateAt(now)))
            .ToList();
    }
}
