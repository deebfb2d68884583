using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.Communities;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Communities;

public sealed class RoleServiceTests : WorldTests
{
    private async Task<Outcome<PersonInCommunity>> Grant(Person by, Person to, Role role, Guid? communityId = null) =>
        await Host.Run<RoleService, Outcome<PersonInCommunity>>(async s =>
            await s.GrantAsync(await As(by), communityId ?? W.Kimironko.Id, to.Id, role));

    private async Task<Outcome<PersonInCommunity>> Revoke(Person by, Person from, Role role) =>
        await Host.Run<RoleService, Outcome<PersonInCommunity>>(async s =>
            await s.RevokeAsync(await As(by), W.Kimironko.Id, from.Id, role));

    private Task<List<Role>> RolesOf(Person p) =>
        Host.Db(db => db.CommunityRoles.Where(r => r.PersonId == p.Id && r.CommunityId == W.Kimironko.Id).Select(r => r.Role).OrderBy(r => r).ToListAsync());

    private Task<List<AuditEntry>> Audit(string action) => Host.Db(db => db.AuditEntries.Where(a => a.Action == action).ToListAsync());

    [Fact]
    public async Task A_coordinator_makes_a_member_an_ambassador_for_a_year()
    {
        var person = (await Grant(W.Claude, W.Amina, Role.Ambassador)).Ok();

        Assert.Equal("Amina", person.FirstName);
        Assert.Equal(W.AminaHome.Id, person.HouseholdId);
        Assert.Equal(new[] { Role.Member, Role.Ambassador }, person.Roles);
        var role = await Host.Db(db => db.CommunityRoles.SingleAsync(r => r.PersonId == W.Amina.Id && r.Role == Role.Ambassador));
        Assert.Equal(W.Claude.Id, role.GrantedById);
        Assert.Equal(Host.Clock.GetUtcNow(), role.GrantedAt);
        Assert.Equal(DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime).AddYears(1), role.Until);

        var audit = Assert.Single(await Audit(AuditActions.RoleGranted));
        Assert.Equal(W.Claude.Id, audit.ActorId);
        Assert.Equal(W.Kimironko.Id, audit.CommunityId);
        Assert.Equal(W.Amina.Id.ToString(), audit.Subject);
        Assert.Equal("Ambassador", audit.Detail);
    }

    [Fact]
    public async Task A_coordinator_makes_someone_a_supporter_without_an_end()
    {
        (await Grant(W.Claude, W.Sara, Role.Supporter)).Ok();
        Assert.Equal(new[] { Role.Sponsor, Role.Supporter }, await RolesOf(W.Sara));
        Assert.Null(await Host.Db(db => db.CommunityRoles.Where(r => r.PersonId == W.Sara.Id && r.Role == Role.Supporter).Select(r => r.Until).SingleAsync()));
    }

    [Theory]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Sponsor)]
    public async Task A_coordinator_does_not_name_coordinators_or_sponsors(Role role)
    {
        (await Grant(W.Claude, W.Amina, role)).Fails(Failure.Forbidden);
        Assert.Equal(new[] { Role.Member }, await RolesOf(W.Amina));
        Assert.Empty(await Audit(AuditActions.RoleGranted));
    }

    [Theory]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Sponsor)]
    public async Task An_admin_names_coordinators_and_sponsors(Role role)
    {
        var person = (await Grant(W.Ada, W.Amina, role)).Ok();
        Assert.Contains(role, person.Roles);
        Assert.Null(await Host.Db(db => db.CommunityRoles.Where(r => r.PersonId == W.Amina.Id && r.Role == role).Select(r => r.Until).SingleAsync()));
        Assert.Equal(W.Ada.Id, Assert.Single(await Audit(AuditActions.RoleGranted)).ActorId);
    }

    [Fact]
    public async Task Membership_is_never_granted_as_a_bare_role()
    {
        (await Grant(W.Claude, W.Sara, Role.Member)).Fails(Failure.InvalidRole);
        (await Grant(W.Ada, W.Sara, Role.Member)).Fails(Failure.InvalidRole);
        (await Grant(W.Ada, W.Sara, (Role)99)).Fails(Failure.InvalidRole);
        (await Revoke(W.Ada, W.Amina, Role.Member)).Fails(Failure.InvalidRole);
        Assert.Equal(new[] { Role.Sponsor }, await RolesOf(W.Sara));
    }

    [Fact]
    public async Task A_role_is_held_once()
    {
        (await Grant(W.Claude, W.Amina, Role.Supporter)).Ok();
        (await Grant(W.Claude, W.Amina, Role.Supporter)).Fails(Failure.RoleAlreadyHeld);
        (await Grant(W.Ada, W.Claude, Role.Coordinator)).Fails(Failure.RoleAlreadyHeld);
        Assert.Single(await Audit(AuditActions.RoleGranted));
    }

    [Fact]
    public async Task Members_sponsors_and_other_coordinators_hand_out_nothing()
    {
        (await Grant(W.Amina, W.Bosco, Role.Supporter)).Fails(Failure.Forbidden);
        (await Grant(W.Sara, W.Bosco, Role.Supporter)).Fails(Failure.Forbidden);
        (await Grant(W.Odongo, W.Bosco, Role.Supporter)).Fails(Failure.NotFound); // another community: as if it did not exist
        (await Grant(W.Claude, W.Bosco, Role.Supporter, Guid.NewGuid())).Fails(Failure.NotFound);
        Assert.Equal(new[] { Role.Member }, await RolesOf(W.Bosco));
    }

    [Fact]
    public async Task Roles_go_only_to_people_of_the_community()
    {
        (await Grant(W.Claude, W.Dora, Role.Supporter)).Fails(Failure.NotFound);
        (await Grant(W.Ada, W.Dora, Role.Coordinator)).Fails(Failure.NotFound);
        Assert.Empty(await RolesOf(W.Dora));
    }

    [Fact]
    public async Task A_coordinator_revokes_a_peer_role_and_it_is_audited()
    {
        (await Grant(W.Claude, W.Amina, Role.Ambassador)).Ok();
        Host.Clock.Advance(TimeSpan.FromDays(3));

        var person = (await Revoke(W.Claude, W.Amina, Role.Ambassador)).Ok();

        Assert.Equal(new[] { Role.Member }, person.Roles);
        Assert.Equal(new[] { Role.Member }, await RolesOf(W.Amina));
        var audit = Assert.Single(await Audit(AuditActions.RoleRevoked));
        Assert.Equal((W.Claude.Id, W.Kimironko.Id, W.Amina.Id.ToString(), "Ambassador"), (audit.ActorId!.Value, audit.CommunityId!.Value, audit.Subject, audit.Detail));
        Assert.Equal(Host.Clock.GetUtcNow(), audit.At);
    }

    // A coordinator of one community takes back nothing someone holds in another, even the same role.
    [Fact]
    public async Task A_role_held_in_another_community_is_not_revoked_here()
    {
        await Host.GrantAsync(W.Gulu.Id, W.Amina.Id, Role.Supporter);
        (await Revoke(W.Claude, W.Amina, Role.Supporter)).Fails(Failure.NotFound);
        Assert.True(await Host.Db(db => db.CommunityRoles.AnyAsync(r => r.PersonId == W.Amina.Id && r.CommunityId == W.Gulu.Id && r.Role == Role.Supporter)));
        Assert.Empty(await Audit(AuditActions.RoleRevoked));
    }

    // Even an admin, who may see every community, is told NotFound for one that does not exist, whatever they ask.
    [Fact]
    public async Task A_community_that_does_not_exist_is_NotFound_even_for_an_admin()
    {
        var nowhere = Guid.NewGuid();
        (await Host.Run<RoleService, Outcome<IReadOnlyList<PersonInCommunity>>>(async s => await s.PeopleAsync(await As(W.Ada), nowhere)))
            .Fails(Failure.NotFound);
        (await Grant(W.Ada, W.Amina, Role.Member, nowhere)).Fails(Failure.NotFound);
        (await Grant(W.Ada, W.Amina, Role.Supporter, nowhere)).Fails(Failure.NotFound);
    }

    [Fact]
    public async Task Revoking_a_role_not_held_is_NotFound()
    {
        (await Revoke(W.Claude, W.Amina, Role.Supporter)).Fails(Failure.NotFound);
        Assert.Empty(await Audit(AuditActions.RoleRevoked));
    }

    [Fact]
    public async Task Only_an_admin_revokes_coordinators_and_sponsors()
    {
        (await Grant(W.Ada, W.Amina, Role.Coordinator)).Ok();
        (await Revoke(W.Claude, W.Amina, Role.Coordinator)).Fails(Failure.Forbidden);
        (await Revoke(W.Claude, W.Sara, Role.Sponsor)).Fails(Failure.Forbidden);
        (await Revoke(W.Amina, W.Claude, Role.Coordinator)).Fails(Failure.Forbidden);
        Assert.Empty(await Audit(AuditActions.RoleRevoked));
        (await Revoke(W.Ada, W.Amina, Role.Coordinator)).Ok();
        Assert.Single(await Audit(AuditActions.RoleRevoked));
    }

    // RevokeAsync saves, then answers with OneAsync, which only finds people who still hold a role:
    // revoking someone's last role is committed but reported as NotFound (a failure that changed something).
    [Fact]
    public async Task Revoking_someones_only_role_succeeds()
    {
        var outcome = await Revoke(W.Ada, W.Sara, Role.Sponsor);
        Assert.Empty(await RolesOf(W.Sara));
        var sara = outcome.Ok();
        Assert.Equal((W.Sara.Id, "Sara", null, null), (sara.PersonId, sara.FirstName, sara.HouseholdId, sara.HouseholdName));
        Assert.Empty(sara.Roles);
        // Read back: with no role left she is no longer one of the community's people.
        Assert.DoesNotContain(await People(W.Ada), p => p.PersonId == W.Sara.Id);
    }

    private async Task<IReadOnlyList<PersonInCommunity>> People(Person by) =>
        (await Host.Run<RoleService, Outcome<IReadOnlyList<PersonInCommunity>>>(async s => await s.PeopleAsync(await As(by), W.Kimironko.Id))).Ok();

    // Read-back, not echo: what a grant or a revocation answers is what the people list shows afterwards.
    [Fact]
    public async Task A_granted_role_is_in_the_people_list_and_a_revoked_one_is_gone_from_it()
    {
        var granted = (await Grant(W.Claude, W.Bosco, Role.Supporter)).Ok();
        var listed = Assert.Single(await People(W.Claude), p => p.PersonId == W.Bosco.Id);
        Assert.Equal(new[] { Role.Member, Role.Supporter }, listed.Roles);
        Assert.Equal((granted.FirstName, granted.HouseholdId, granted.HouseholdName), (listed.FirstName, listed.HouseholdId, listed.HouseholdName));
        Assert.Equal(granted.Roles, listed.Roles);
        Assert.Equal((W.BoscoHome.Id, W.BoscoHome.Name), (listed.HouseholdId, listed.HouseholdName));

        var revoked = (await Revoke(W.Claude, W.Bosco, Role.Supporter)).Ok();
        Assert.Equal(new[] { Role.Member }, revoked.Roles);
        Assert.Equal(new[] { Role.Member }, Assert.Single(await People(W.Claude), p => p.PersonId == W.Bosco.Id).Roles);
        // Someone else's roles are untouched by either.
        Assert.Equal(new[] { Role.Sponsor }, Assert.Single(await People(W.Claude), p => p.PersonId == W.Sara.Id).Roles);
    }

    // A refused change leaves the people list as it was.
    [Fact]
    public async Task A_refused_grant_leaves_the_people_list_as_it_was()
    {
        var before = (await People(W.Claude)).Select(p => (p.PersonId, string.Join(",", p.Roles))).ToList();
        (await Grant(W.Claude, W.Amina, Role.Coordinator)).Fails(Failure.Forbidden);
        (await Grant(W.Amina, W.Bosco, Role.Supporter)).Fails(Failure.Forbidden);
        (await Revoke(W.Claude, W.Amina, Role.Supporter)).Fails(Failure.NotFound);
        Assert.Equal(before, (await People(W.Claude)).Select(p => (p.PersonId, string.Join(",", p.Roles))).ToList());
    }

    [Fact]
    public async Task Coordinators_list_the_people_of_their_community()
    {
        var people = (await Host.Run<RoleService, Outcome<IReadOnlyList<PersonInCommunity>>>(async s => await s.PeopleAsync(await As(W.Claude), W.Kimironko.Id))).Ok();
        Assert.Equal(new[] { "Amina", "Bosco", "Claude", "Jean", "Sara" }, people.Select(p => p.FirstName));
        Assert.Null(people.Single(p => p.FirstName == "Sara").HouseholdId);
        (await Host.Run<RoleService, Outcome<IReadOnlyList<PersonInCommunity>>>(async s => await s.PeopleAsync(await As(W.Amina), W.Kimironko.Id)))
            .Fails(Failure.Forbidden);
    }
}
