using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.Communities;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Communities;

/// <summary>Who may invite whom where (CreateAsync, RevokeAsync, ListAsync).</summary>
public sealed class InvitationCreateTests : WorldTests
{
    private async Task<Outcome<InvitationSummary>> Invite(Person by, Guid communityId, NewInvitation input) =>
        await Host.Run<InvitationService, Outcome<InvitationSummary>>(async s => await s.CreateAsync(await As(by), communityId, input));

    private Task<Outcome<InvitationSummary>> Invite(Person by, NewInvitation input) => Invite(by, W.Kimironko.Id, input);

    [Fact]
    public async Task A_member_invites_into_their_own_household()
    {
        var invitation = (await Invite(W.Amina, new NewInvitation(Role.Member, null, W.AminaHome.Id, null))).Ok();

        Assert.Equal(W.AminaHome.Id, invitation.HouseholdId);
        Assert.Equal(W.Umucyo.Id, invitation.GroupId);
        Assert.Equal(W.AminaHome.Name, invitation.HouseholdName);
        Assert.Equal("Amina", invitation.CreatedByFirstName);
        Assert.Equal(InvitationState.Open, invitation.State);
        Assert.Equal(Host.Clock.GetUtcNow() + TimeSpan.FromDays(14), invitation.ExpiresAt);
        Assert.Equal(invitation.Code, InvitationCodes.Normalise(invitation.Code));
        var audit = await Host.Db(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.InvitationCreated));
        Assert.Equal(W.Amina.Id, audit.ActorId);
        Assert.Equal(invitation.Id.ToString(), audit.Subject);
        Assert.Equal("Member", audit.Detail); // the audit says which role the code hands out
    }

    [Fact]
    public async Task A_member_invites_a_new_household_into_their_own_group()
    {
        var named = (await Invite(W.Amina, new NewInvitation(Role.Member, null, null, "  Uwase family "))).Ok();
        Assert.Null(named.HouseholdId);
        Assert.Equal(W.Umucyo.Id, named.GroupId);
        Assert.Equal("Uwase family", named.HouseholdName);

        var explicitGroup = (await Invite(W.Amina, new NewInvitation(Role.Member, W.Umucyo.Id, null, ""))).Ok();
        Assert.Equal(W.Umucyo.Id, explicitGroup.GroupId);
        Assert.Null(explicitGroup.HouseholdName);
    }

    // Even an admin, who may manage every community, is told NotFound for one that does not exist.
    [Fact]
    public async Task A_community_that_does_not_exist_is_NotFound_even_for_an_admin()
    {
        var nowhere = Guid.NewGuid();
        (await Invite(W.Ada, nowhere, new NewInvitation(Role.Supporter, null, null, null))).Fails(Failure.NotFound);
        (await Host.Run<InvitationService, Outcome<IReadOnlyList<InvitationSummary>>>(async s => await s.ListAsync(await As(W.Ada), nowhere)))
            .Fails(Failure.NotFound);
        Assert.Equal(0, await Host.CountAsync<Invitation>());
    }

    [Fact]
    public async Task A_member_cannot_invite_into_another_group()
    {
        (await Invite(W.Amina, new NewInvitation(Role.Member, W.Urumuri.Id, null, "X"))).Fails(Failure.Forbidden);
        (await Invite(W.Amina, new NewInvitation(Role.Member, W.GuluA.Id, null, "X"))).Fails(Failure.Forbidden);
        Assert.Equal(0, await Host.CountAsync<Invitation>());
    }

    [Fact]
    public async Task A_member_cannot_invite_into_another_household()
    {
        (await Invite(W.Amina, new NewInvitation(Role.Member, null, W.BoscoHome.Id, null))).Fails(Failure.Forbidden); // same group
        (await Invite(W.Amina, new NewInvitation(Role.Member, null, W.JeanHome.Id, null))).Fails(Failure.Forbidden);
        (await Invite(W.Amina, new NewInvitation(Role.Member, null, W.DoraHome.Id, null))).Fails(Failure.HouseholdNotInCommunity);
        Assert.Equal(0, await Host.CountAsync<Invitation>());
    }

    [Fact]
    public async Task A_member_cannot_invite_into_another_community()
    {
        // As for a community that does not exist (issue 11, finding 7).
        (await Invite(W.Amina, W.Gulu.Id, new NewInvitation(Role.Member, null, null, null))).Fails(Failure.NotFound);
        (await Invite(W.Amina, W.Gulu.Id, new NewInvitation(Role.Member, null, W.DoraHome.Id, null))).Fails(Failure.NotFound);
    }

    [Theory]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Ambassador)]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Sponsor)]
    public async Task A_member_cannot_hand_out_other_roles(Role role) =>
        (await Invite(W.Amina, new NewInvitation(role, null, null, null))).Fails(Failure.Forbidden);

    [Fact]
    public async Task People_without_a_household_cannot_invite_members()
    {
        (await Invite(W.Sara, new NewInvitation(Role.Member, null, null, "X"))).Fails(Failure.Forbidden);
        (await Invite(W.Sara, new NewInvitation(Role.Member, null, W.AminaHome.Id, null))).Fails(Failure.Forbidden);
        (await Invite(W.Sara, new NewInvitation(Role.Supporter, null, null, null))).Fails(Failure.Forbidden);
    }

    [Fact]
    public async Task A_coordinator_invites_into_any_household_or_group_of_the_community()
    {
        var intoJean = (await Invite(W.Claude, new NewInvitation(Role.Member, null, W.JeanHome.Id, null))).Ok();
        Assert.Equal(W.Urumuri.Id, intoJean.GroupId);
        var newInUrumuri = (await Invite(W.Claude, new NewInvitation(Role.Member, W.Urumuri.Id, null, "Habimana"))).Ok();
        Assert.Equal(W.Urumuri.Id, newInUrumuri.GroupId);
        var ungrouped = (await Invite(W.Claude, new NewInvitation(Role.Member, null, null, null))).Ok();
        Assert.Null(ungrouped.GroupId);
    }

    [Fact]
    public async Task A_coordinator_stays_inside_their_community()
    {
        (await Invite(W.Claude, new NewInvitation(Role.Member, W.GuluA.Id, null, "X"))).Fails(Failure.GroupNotInCommunity);
        (await Invite(W.Claude, new NewInvitation(Role.Member, null, W.DoraHome.Id, null))).Fails(Failure.HouseholdNotInCommunity);
        (await Invite(W.Claude, W.Gulu.Id, new NewInvitation(Role.Member, null, null, null))).Fails(Failure.NotFound);
        (await Invite(W.Claude, Guid.NewGuid(), new NewInvitation(Role.Member, null, null, null))).Fails(Failure.NotFound);
    }

    [Theory]
    [InlineData(Role.Ambassador)]
    [InlineData(Role.Supporter)]
    public async Task A_coordinator_hands_out_peer_roles_without_a_household(Role role)
    {
        var invitation = (await Invite(W.Claude, new NewInvitation(role, W.Umucyo.Id, W.AminaHome.Id, "ignored"))).Ok();
        Assert.Equal(role, invitation.Role);
        Assert.Null(invitation.GroupId);
        Assert.Null(invitation.HouseholdId);
    }

    [Theory]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Sponsor)]
    public async Task Only_an_admin_invites_coordinators_and_sponsors(Role role)
    {
        (await Invite(W.Claude, new NewInvitation(role, null, null, null))).Fails(Failure.Forbidden);
        Assert.Equal(role, (await Invite(W.Ada, new NewInvitation(role, null, null, null))).Ok().Role);
    }

    [Fact]
    public async Task Undefined_roles_and_over_long_names_are_refused()
    {
        (await Invite(W.Claude, new NewInvitation((Role)42, null, null, null))).Fails(Failure.InvalidRole);
        (await Invite(W.Amina, new NewInvitation(Role.Member, null, null, new string('x', Household.NameMaxLength + 1))))
            .Fails(Failure.NameTooLong);
    }

    [Fact]
    public async Task Members_list_their_own_invitations_and_coordinators_all()
    {
        await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        await Invite(W.Bosco, new NewInvitation(Role.Member, null, null, null));
        await Invite(W.Claude, new NewInvitation(Role.Supporter, null, null, null));

        var amina = (await Host.Run<InvitationService, Outcome<IReadOnlyList<InvitationSummary>>>(async s => await s.ListAsync(await As(W.Amina), W.Kimironko.Id))).Ok();
        Assert.Equal("Amina", Assert.Single(amina).CreatedByFirstName);
        var claude = (await Host.Run<InvitationService, Outcome<IReadOnlyList<InvitationSummary>>>(async s => await s.ListAsync(await As(W.Claude), W.Kimironko.Id))).Ok();
        Assert.Equal(3, claude.Count);
        (await Host.Run<InvitationService, Outcome<IReadOnlyList<InvitationSummary>>>(async s => await s.ListAsync(await As(W.Dora), W.Kimironko.Id)))
            .Fails(Failure.NotFound);
    }

    private async Task<IReadOnlyList<InvitationSummary>> List(Person by) =>
        (await Host.Run<InvitationService, Outcome<IReadOnlyList<InvitationSummary>>>(async s => await s.ListAsync(await As(by), W.Kimironko.Id))).Ok();

    // Read-back, not echo: the invitation a member is answered with is the one stored, as the list and the code's preview show it.
    [Fact]
    public async Task An_invitation_reads_back_as_it_was_answered()
    {
        var made = (await Invite(W.Amina, new NewInvitation(Role.Member, null, null, "  Uwase family "))).Ok();

        Assert.Equal(made, Assert.Single(await List(W.Amina)));
        Assert.Equal(made, Assert.Single(await List(W.Claude)));
        Assert.Equal("Umucyo", made.GroupName);
        var preview = (await Host.Run<InvitationService, Outcome<InvitationPreview>>(s => s.PreviewAsync(made.Code))).Ok();
        Assert.Equal((made.Code, W.Kimironko.Id, Role.Member, "Umucyo", "Uwase family", "Amina", made.ExpiresAt),
            (preview.Code, preview.CommunityId, preview.Role, preview.GroupName, preview.HouseholdName, preview.InvitedByFirstName, preview.ExpiresAt));
    }

    [Fact]
    public async Task A_peer_role_invitation_is_stored_without_the_household_it_was_sent_with()
    {
        var made = (await Invite(W.Claude, new NewInvitation(Role.Ambassador, W.Umucyo.Id, W.AminaHome.Id, "ignored"))).Ok();
        var stored = Assert.Single(await List(W.Claude));
        Assert.Equal((Role.Ambassador, (Guid?)null, (Guid?)null, (string?)null), (stored.Role, stored.GroupId, stored.HouseholdId, stored.HouseholdName));
        Assert.Equal(made, stored);
    }

    [Fact]
    public async Task A_revoked_invitation_reads_back_revoked_and_the_others_stay_open()
    {
        var revoked = (await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null))).Ok();
        var open = (await Invite(W.Amina, new NewInvitation(Role.Member, null, W.AminaHome.Id, null))).Ok();
        var answer = (await Host.Run<InvitationService, Outcome<InvitationSummary>>(async s => await s.RevokeAsync(await As(W.Claude), revoked.Id))).Ok();

        var listed = (await List(W.Amina)).ToDictionary(i => i.Id);
        Assert.Equal(answer, listed[revoked.Id]);
        Assert.Equal(InvitationState.Revoked, listed[revoked.Id].State);
        Assert.Equal(open, listed[open.Id]);
        (await Host.Run<InvitationService, Outcome<InvitationPreview>>(s => s.PreviewAsync(revoked.Code))).Fails(Failure.InvitationRevoked);
    }

    [Fact]
    public async Task Invitations_are_listed_newest_first()
    {
        var first = (await Invite(W.Amina, new NewInvitation(Role.Member, null, null, "First"))).Ok();
        Host.Clock.Advance(TimeSpan.FromHours(1));
        var second = (await Invite(W.Amina, new NewInvitation(Role.Member, null, null, "Second"))).Ok();
        Assert.Equal([second.Id, first.Id], (await List(W.Amina)).Select(i => i.Id));
    }

    [Fact]
    public async Task A_household_name_of_the_longest_allowed_length_is_kept_whole()
    {
        var name = new string('x', Household.NameMaxLength);
        Assert.Equal(name, (await Invite(W.Amina, new NewInvitation(Role.Member, null, null, name))).Ok().HouseholdName);
    }

    [Fact]
    public async Task The_maker_or_a_coordinator_revokes_others_cannot()
    {
        var mine = (await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null))).Ok();
        var another = (await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null))).Ok();
        Task<Outcome<InvitationSummary>> Revoke(Person by, Guid id) =>
            Host.Run<InvitationService, Outcome<InvitationSummary>>(async s => await s.RevokeAsync(await As(by), id));

        (await Revoke(W.Bosco, mine.Id)).Fails(Failure.Forbidden);
        (await Revoke(W.Dora, mine.Id)).Fails(Failure.NotFound);
        Assert.Equal(InvitationState.Revoked, (await Revoke(W.Amina, mine.Id)).Ok().State);
        (await Revoke(W.Amina, mine.Id)).Fails(Failure.InvitationRevoked);
        Assert.Equal(InvitationState.Revoked, (await Revoke(W.Claude, another.Id)).Ok().State);
        Assert.Equal(2, await Host.Db(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.InvitationRevoked)));
    }
}

/// <summary>Joining with a code: as a newcomer (SignUpAsync) or with an existing account (RedeemAsync).</summary>
public sealed class InvitationJoinTests : WorldTests
{
    private const string Password = "correct horse";

    private async Task<InvitationSummary> Invite(Person by, NewInvitation input, Guid? communityId = null) =>
        (await Host.Run<InvitationService, Outcome<InvitationSummary>>(async s =>
            await s.CreateAsync(await As(by), communityId ?? W.Kimironko.Id, input))).Ok();

    private Task<Outcome<Joined>> SignUp(string? code, SignUp input) =>
        Host.Run<InvitationService, Outcome<Joined>>(s => s.SignUpAsync(code, input));

    private Task<Outcome<Joined>> SignUp(string? code, string login = "0788 123 456", string? password = Password) =>
        SignUp(code, new SignUp("Grace", null, login, password, null));

    private Task<Outcome<Joined>> Redeem(Person who, string? code) =>
        Host.Run<InvitationService, Outcome<Joined>>(async s => await s.RedeemAsync(await As(who), code));

    private sealed record Counts(int People, int Households, int Members, int Roles, int Orientations, int Redeemed, int Audit);

    private Task<Counts> CountsAsync() => Host.Db(async db => new Counts(
        await db.Users.CountAsync(), await db.Households.CountAsync(), await db.HouseholdMembers.CountAsync(),
        await db.CommunityRoles.CountAsync(), await db.Orientations.CountAsync(),
        await db.Invitations.CountAsync(i => i.RedeemedAt != null), await db.AuditEntries.CountAsync()));

    [Fact]
    public async Task Signing_up_into_a_new_household_makes_the_person_their_household_and_their_orientation()
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, "Uwase family"));
        Host.Clock.Advance(TimeSpan.FromHours(3));

        var joined = (await SignUp(InvitationCodes.Display(invitation.Code).ToLowerInvariant(),
            new SignUp(" Grace ", " Grace Uwase ", " 0788 123 456 ", Password, "fr"))).Ok();

        Assert.Equal(W.Kimironko.Id, joined.CommunityId);
        Assert.Equal(W.Umucyo.Id, joined.GroupId);
        Assert.NotNull(joined.HouseholdId);
        Assert.NotEqual(W.AminaHome.Id, joined.HouseholdId);
        await Host.Db(async db =>
        {
            var person = await db.Users.SingleAsync(p => p.Id == joined.PersonId);
            Assert.Equal("Grace", person.FirstName);
            Assert.Equal("Grace Uwase", person.FullName);
            Assert.Equal("fr", person.PreferredLanguage);
            Assert.Equal("+250788123456", person.PhoneNumber);
            Assert.Equal("+250788123456", person.UserName);
            Assert.Null(person.Email);
            Assert.False(person.IsAdmin);
            Assert.Equal(Host.Clock.GetUtcNow(), person.CreatedAt);

            var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.Id == joined.HouseholdId);
            Assert.Equal("Uwase family", household.Name);
            Assert.Equal(W.Umucyo.Id, household.GroupId);
            Assert.Equal(W.Kimironko.Id, household.CommunityId);
            Assert.Equal(joined.PersonId, Assert.Single(household.Members).PersonId);

            var role = await db.CommunityRoles.SingleAsync(r => r.PersonId == joined.PersonId);
            Assert.Equal(Role.Member, role.Role);
            Assert.Equal(W.Kimironko.Id, role.CommunityId);
            Assert.Equal(W.Amina.Id, role.GrantedById);

            var orientation = await db.Orientations.SingleAsync(o => o.PersonId == joined.PersonId);
            Assert.Equal(W.Kimironko.Id, orientation.CommunityId);
            Assert.Equal(joined.BuddyId, orientation.BuddyId);
            Assert.Contains(orientation.BuddyId, new Guid?[] { W.Amina.Id, W.Bosco.Id }); // same group

            var used = await db.Invitations.SingleAsync(i => i.Id == invitation.Id);
            Assert.Equal(Host.Clock.GetUtcNow(), used.RedeemedAt);
            Assert.Equal(joined.PersonId, used.RedeemedById);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.InvitationRedeemed && a.ActorId == joined.PersonId));
            return 0;
        });
        Assert.True(await Host.Run<Microsoft.AspNetCore.Identity.UserManager<Person>, bool>(async users =>
            await users.CheckPasswordAsync((await users.FindByIdAsync(joined.PersonId.ToString()))!, Password)));
    }

    [Fact]
    public async Task A_household_without_a_given_name_is_named_after_the_newcomer_and_the_language_defaults_to_the_community()
    {
        var invitation = await Invite(W.Claude, new NewInvitation(Role.Member, W.Urumuri.Id, null, null));
        var joined = (await SignUp(invitation.Code, new SignUp("Grace", null, "grace@example.org", Password, "de"))).Ok();

        await Host.Db(async db =>
        {
            var person = await db.Users.SingleAsync(p => p.Id == joined.PersonId);
            Assert.Equal("rw", person.PreferredLanguage);
            Assert.Equal("grace@example.org", person.Email);
            Assert.Null(person.PhoneNumber);
            var household = await db.Households.SingleAsync(h => h.Id == joined.HouseholdId);
            Assert.Equal("Grace", household.Name);
            Assert.Equal(W.Urumuri.Id, household.GroupId);
            return 0;
        });
        Assert.Equal(W.Jean.Id, joined.BuddyId); // the only other member of Urumuri
    }

    [Fact]
    public async Task Signing_up_into_an_existing_household_takes_a_buddy_from_outside_it()
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, W.AminaHome.Id, null));

        var joined = (await SignUp(invitation.Code)).Ok();

        Assert.Equal(W.AminaHome.Id, joined.HouseholdId);
        Assert.Equal(W.Umucyo.Id, joined.GroupId);
        Assert.Equal(W.Bosco.Id, joined.BuddyId); // same group, not Amina of the newcomer's own household
        var members = await Host.Db(db => db.HouseholdMembers.Where(m => m.HouseholdId == W.AminaHome.Id).Select(m => m.PersonId).ToListAsync());
        Assert.Equal(new[] { W.Amina.Id, joined.PersonId }.Order(), members.Order());
    }

    [Fact]
    public async Task The_phone_number_is_read_in_the_communitys_country()
    {
        var invitation = await Invite(W.Odongo, new NewInvitation(Role.Member, W.GuluA.Id, null, null), W.Gulu.Id);
        var joined = (await SignUp(invitation.Code, login: "0772 999888")).Ok();
        Assert.Equal("+256772999888", await Host.Db(db => db.Users.Where(p => p.Id == joined.PersonId).Select(p => p.PhoneNumber).SingleAsync()));
        Assert.Equal(W.Dora.Id, joined.BuddyId);
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        (await SignUp(invitation.Code)).Ok();
        var before = await CountsAsync();

        (await SignUp(invitation.Code, login: "0788 654 321")).Fails(Failure.InvitationUsed);
        (await Redeem(W.Dora, invitation.Code)).Fails(Failure.InvitationUsed);

        Assert.Equal(before, await CountsAsync());
    }

    // An ambassador's role is for a year, renewed by a coordinator; a member's has no end.
    [Fact]
    public async Task Joining_as_an_ambassador_lasts_a_year_and_as_a_member_for_good()
    {
        var ambassador = await Invite(W.Claude, new NewInvitation(Role.Ambassador, null, null, null));
        var member = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, "Uwase family"));
        (await Redeem(W.Dora, ambassador.Code)).Ok();
        var grace = (await SignUp(member.Code)).Ok();
        var today = DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(today.AddYears(1), await Host.Db(db => db.CommunityRoles
            .Where(r => r.PersonId == W.Dora.Id && r.CommunityId == W.Kimironko.Id && r.Role == Role.Ambassador).Select(r => r.Until).SingleAsync()));
        Assert.Null(await Host.Db(db => db.CommunityRoles.Where(r => r.PersonId == grace.PersonId && r.Role == Role.Member).Select(r => r.Until).SingleAsync()));
    }

    [Fact]
    public async Task A_code_expires_after_fourteen_days()
    {
        var early = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        var late = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        Host.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        (await SignUp(early.Code)).Ok();

        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = await CountsAsync();
        (await SignUp(late.Code, login: "0788 654 321")).Fails(Failure.InvitationExpired);
        Host.Clock.Advance(TimeSpan.FromDays(30));
        (await SignUp(late.Code, login: "0788 654 321")).Fails(Failure.InvitationExpired);
        (await Redeem(W.Dora, late.Code)).Fails(Failure.InvitationExpired);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_revoked_code_is_refused()
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        (await Host.Run<InvitationService, Outcome<InvitationSummary>>(async s => await s.RevokeAsync(await As(W.Amina), invitation.Id))).Ok();
        var before = await CountsAsync();

        (await SignUp(invitation.Code)).Fails(Failure.InvitationRevoked);
        (await Redeem(W.Dora, invitation.Code)).Fails(Failure.InvitationRevoked);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("ABCD-EFGH")] // well-formed, never issued
    [InlineData("hello")]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_unknown_code_is_refused(string? code)
    {
        var before = await CountsAsync();
        (await SignUp(code)).Fails(Failure.InvitationUnknown);
        (await Redeem(W.Dora, code)).Fails(Failure.InvitationUnknown);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("0788 000 001")] // Amina's number, typed locally
    [InlineData("+250788000001")]
    [InlineData("BOSCO@Example.org")] // Bosco's e-mail, in other letters
    [InlineData("ada@example.org")]
    public async Task A_taken_phone_number_or_e_mail_changes_nothing(string login)
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        var before = await CountsAsync();

        (await SignUp(invitation.Code, login)).Fails(Failure.PhoneOrEmailTaken);

        Assert.Equal(before, await CountsAsync());
        Assert.Null(await Host.Db(db => db.Invitations.Where(i => i.Id == invitation.Id).Select(i => i.RedeemedAt).SingleAsync()));
        (await SignUp(invitation.Code, "0788 123 456")).Ok(); // the code is still good
    }

    [Theory]
    [InlineData("short")]
    [InlineData("aaaaaaaa")] // fewer than three different characters
    [InlineData("abababab")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_weak_password_changes_nothing(string? password)
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        var before = await CountsAsync();

        (await SignUp(invitation.Code, password: password)).Fails(Failure.WeakPassword);

        Assert.Equal(before, await CountsAsync());
        (await SignUp(invitation.Code)).Ok();
    }

    [Theory]
    [InlineData(null, "0788 123 456", Failure.NameRequired)]
    [InlineData("   ", "0788 123 456", Failure.NameRequired)]
    [InlineData("Grace", "not a number", Failure.InvalidPhoneOrEmail)]
    [InlineData("Grace", "12", Failure.InvalidPhoneOrEmail)]
    [InlineData("Grace", "", Failure.InvalidPhoneOrEmail)]
    [InlineData("Grace", "grace@", Failure.InvalidPhoneOrEmail)]
    [InlineData("Grace", "Grace <grace@example.org>", Failure.InvalidPhoneOrEmail)] // reaches Identity, rolled back
    public async Task Bad_input_changes_nothing(string? firstName, string login, Failure expected)
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        var before = await CountsAsync();
        (await SignUp(invitation.Code, new SignUp(firstName, null, login, Password, null))).Fails(expected);
        (await SignUp(invitation.Code, new SignUp(new string('x', Person.NameMaxLength + 1), null, "0788 123 456", Password, null)))
            .Fails(Failure.NameTooLong);
        Assert.Equal(before, await CountsAsync());
    }

    // The e-mail address becomes the Identity UserName, whose default alphabet is a-z, 0-9 and "-._@+":
    // a valid address with an apostrophe or an accent fails Identity's user validator and comes back
    // as InvalidPhoneOrEmail.
    [Theory]
    [InlineData("o'brien@example.org")]
    [InlineData("josé@example.org")]
    public async Task Any_valid_e_mail_address_may_sign_up(string login)
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        (await SignUp(invitation.Code, login)).Ok();
    }

    // Once someone joined with a code it cannot be taken back: they are in.
    [Fact]
    public async Task A_used_code_cannot_be_revoked()
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        (await SignUp(invitation.Code)).Ok();
        (await Host.Run<InvitationService, Outcome<InvitationSummary>>(async s => await s.RevokeAsync(await As(W.Claude), invitation.Id)))
            .Fails(Failure.InvitationUsed);
        Assert.Null(await Host.Db(db => db.Invitations.Where(i => i.Id == invitation.Id).Select(i => i.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_full_name_is_optional_and_has_a_limit()
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        var before = await CountsAsync();
        (await SignUp(invitation.Code, new SignUp("Grace", new string('x', Person.FullNameMaxLength + 1), "0788 123 456", Password, null)))
            .Fails(Failure.NameTooLong);
        Assert.Equal(before, await CountsAsync());

        var joined = (await SignUp(invitation.Code, new SignUp("Grace", "   ", "0788 123 456", Password, null))).Ok();
        Assert.Null(await Host.Db(db => db.Users.Where(p => p.Id == joined.PersonId).Select(p => p.FullName).SingleAsync()));
    }

    // The inviter is recorded as having granted the role, so the audit shows who brought whom in.
    [Fact]
    public async Task Joining_is_audited_as_a_role_granted_by_the_inviter()
    {
        var invitation = await Invite(W.Claude, new NewInvitation(Role.Supporter, null, null, null));
        var joined = (await SignUp(invitation.Code)).Ok();
        var granted = await Host.Db(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.RoleGranted));
        Assert.Equal((W.Claude.Id, W.Kimironko.Id, joined.PersonId.ToString(), "Supporter by invitation"),
            (granted.ActorId!.Value, granted.CommunityId!.Value, granted.Subject, granted.Detail));
        var redeemed = await Host.Db(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.InvitationRedeemed));
        Assert.Equal((joined.PersonId, invitation.Id.ToString(), "Supporter"), (redeemed.ActorId!.Value, redeemed.Subject, redeemed.Detail));
    }

    [Fact]
    public async Task Signing_up_with_a_peer_role_makes_no_household_and_no_orientation()
    {
        var invitation = await Invite(W.Claude, new NewInvitation(Role.Ambassador, null, null, null));
        var joined = (await SignUp(invitation.Code)).Ok();

        Assert.Null(joined.HouseholdId);
        Assert.Null(joined.BuddyId);
        await Host.Db(async db =>
        {
            var role = await db.CommunityRoles.SingleAsync(r => r.PersonId == joined.PersonId);
            Assert.Equal(Role.Ambassador, role.Role);
            Assert.Equal(DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime).AddYears(1), role.Until);
            Assert.False(await db.HouseholdMembers.AnyAsync(m => m.PersonId == joined.PersonId));
            Assert.False(await db.Orientations.AnyAsync(o => o.PersonId == joined.PersonId));
            return 0;
        });
    }

    [Fact]
    public async Task A_person_of_another_community_redeems_a_code_with_their_account()
    {
        var invitation = await Invite(W.Claude, new NewInvitation(Role.Member, W.Urumuri.Id, null, "Dora's second home"));
        var people = await Host.CountAsync<Person>();

        var joined = (await Redeem(W.Dora, invitation.Code)).Ok();

        Assert.Equal(W.Dora.Id, joined.PersonId);
        Assert.Equal(W.Kimironko.Id, joined.CommunityId);
        Assert.Equal(W.Urumuri.Id, joined.GroupId);
        Assert.Equal(W.Jean.Id, joined.BuddyId);
        Assert.Equal(people, await Host.CountAsync<Person>());
        var dora = await As(W.Dora);
        Assert.True(dora.Has(W.Kimironko.Id, Role.Member));
        Assert.True(dora.Has(W.Gulu.Id, Role.Member));
        Assert.Equal(joined.HouseholdId, dora.HouseholdIn(W.Kimironko.Id)?.HouseholdId);
        Assert.Equal(W.DoraHome.Id, dora.HouseholdIn(W.Gulu.Id)?.HouseholdId);
    }

    [Fact]
    public async Task Redeeming_a_peer_role_adds_just_the_role()
    {
        var invitation = await Invite(W.Claude, new NewInvitation(Role.Supporter, null, null, null));
        var joined = (await Redeem(W.Amina, invitation.Code)).Ok();
        Assert.Null(joined.HouseholdId);
        var amina = await As(W.Amina);
        Assert.True(amina.Has(W.Kimironko.Id, Role.Supporter));
        Assert.Equal(W.AminaHome.Id, Assert.Single(amina.Households).HouseholdId);
    }

    [Fact]
    public async Task A_member_cannot_redeem_a_member_code_of_their_own_community()
    {
        var invitation = await Invite(W.Claude, new NewInvitation(Role.Member, W.Urumuri.Id, null, null));
        var before = await CountsAsync();

        (await Redeem(W.Amina, invitation.Code)).Fails(Failure.AlreadyMember);

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(InvitationState.Open, (await Host.Db(db => db.Invitations.SingleAsync(i => i.Id == invitation.Id))).StateAt(Host.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Holding_the_role_already_is_AlreadyMember()
    {
        var invitation = await Invite(W.Ada, new NewInvitation(Role.Sponsor, null, null, null));
        (await Redeem(W.Sara, invitation.Code)).Fails(Failure.AlreadyMember);
    }

    [Fact]
    public async Task Nobody_signed_in_cannot_redeem()
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, null, null));
        (await Host.Run<InvitationService, Outcome<Joined>>(s => s.RedeemAsync(Viewer.Anonymous, invitation.Code))).Fails(Failure.Forbidden);
    }

    [Fact]
    public async Task The_preview_shows_where_a_code_leads()
    {
        var invitation = await Invite(W.Amina, new NewInvitation(Role.Member, null, W.AminaHome.Id, null));
        var preview = (await Host.Run<InvitationService, Outcome<InvitationPreview>>(s => s.PreviewAsync(InvitationCodes.Display(invitation.Code)))).Ok();
        Assert.Equal("Kimironko", preview.CommunityName);
        Assert.Equal("Umucyo", preview.GroupName);
        Assert.Equal(W.AminaHome.Name, preview.HouseholdName);
        Assert.Equal("Amina", preview.InvitedByFirstName);
        Assert.Equal("RW", preview.Country);
    }
}
