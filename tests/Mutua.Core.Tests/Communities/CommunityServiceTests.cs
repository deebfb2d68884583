using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.Communities;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Communities;

public sealed class CommunityCreateTests : WorldTests
{
    private static NewCommunity Valid(string name = "Nyamirambo") => new(name, "Kigali", "RW", "rw", "RWF", "Africa/Kigali");

    private async Task<Outcome<CommunitySummary>> Create(Person by, NewCommunity input) =>
        await Host.Run<CommunityService, Outcome<CommunitySummary>>(async s => await s.CreateAsync(await As(by), input));

    [Fact]
    public async Task An_admin_creates_a_community()
    {
        var created = (await Create(W.Ada, new NewCommunity("  Nyamirambo ", " Kigali ", "rw", "rw", "rwf", " Africa/Kigali "))).Ok();

        Assert.Equal("Nyamirambo", created.Name);
        Assert.Equal("Kigali", created.Place);
        Assert.Equal("RW", created.Country);
        Assert.Equal("RWF", created.Currency);
        Assert.Equal("Africa/Kigali", created.TimeZone);
        await Host.Db(async db =>
        {
            var stored = await db.Communities.SingleAsync(c => c.Id == created.Id);
            Assert.Equal(("Nyamirambo", "RW", "rw", "RWF", "Africa/Kigali"), (stored.Name, stored.Country, stored.DefaultLanguage, stored.Currency, stored.TimeZone));
            Assert.Equal(Host.Clock.GetUtcNow(), stored.CreatedAt);
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.CommunityCreated);
            Assert.Equal(W.Ada.Id, audit.ActorId);
            Assert.Equal(created.Id, audit.CommunityId);
            return 0;
        });
    }

    [Fact]
    public async Task Nobody_but_an_admin_creates_one()
    {
        var before = await Host.CountAsync<Community>();
        (await Create(W.Claude, Valid())).Fails(Failure.Forbidden);
        (await Create(W.Amina, Valid())).Fails(Failure.Forbidden);
        (await Host.Run<CommunityService, Outcome<CommunitySummary>>(s => s.CreateAsync(Viewer.Anonymous, Valid()))).Fails(Failure.Forbidden);
        Assert.Equal(before, await Host.CountAsync<Community>());
    }

    public static TheoryData<NewCommunity, Failure> Invalid => new()
    {
        { new NewCommunity("", "Kigali", "RW", "rw", "RWF", "Africa/Kigali"), Failure.NameRequired },
        { new NewCommunity("Nyamirambo", "  ", "RW", "rw", "RWF", "Africa/Kigali"), Failure.NameRequired },
        { new NewCommunity(null!, "Kigali", "RW", "rw", "RWF", "Africa/Kigali"), Failure.NameRequired },
        { new NewCommunity(new string('x', Community.NameMaxLength + 1), "Kigali", "RW", "rw", "RWF", "Africa/Kigali"), Failure.NameTooLong },
        { new NewCommunity("Nyamirambo", new string('x', Community.PlaceMaxLength + 1), "RW", "rw", "RWF", "Africa/Kigali"), Failure.NameTooLong },
        { new NewCommunity("Nyamirambo", "Kigali", "XX", "rw", "RWF", "Africa/Kigali"), Failure.InvalidCountry },
        { new NewCommunity("Nyamirambo", "Kigali", "RWA", "rw", "RWF", "Africa/Kigali"), Failure.InvalidCountry },
        { new NewCommunity("Nyamirambo", "Kigali", "", "rw", "RWF", "Africa/Kigali"), Failure.InvalidCountry },
        { new NewCommunity("Nyamirambo", "Kigali", "RW", "de", "RWF", "Africa/Kigali"), Failure.InvalidLanguage },
        { new NewCommunity("Nyamirambo", "Kigali", "RW", "RW", "RWF", "Africa/Kigali"), Failure.InvalidLanguage },
        { new NewCommunity("Nyamirambo", "Kigali", "RW", "", "RWF", "Africa/Kigali"), Failure.InvalidLanguage },
        { new NewCommunity("Nyamirambo", "Kigali", "RW", "rw", "ABC", "Africa/Kigali"), Failure.InvalidCurrency },
        { new NewCommunity("Nyamirambo", "Kigali", "RW", "rw", "", "Africa/Kigali"), Failure.InvalidCurrency },
        { new NewCommunity("Nyamirambo", "Kigali", "RW", "rw", "RWF", "Mars/Olympus_Mons"), Failure.InvalidTimeZone },
        { new NewCommunity("Nyamirambo", "Kigali", "RW", "rw", "RWF", ""), Failure.InvalidTimeZone },
        { new NewCommunity("Kimironko", "Kigali", "RW", "rw", "RWF", "Africa/Kigali"), Failure.NameTaken },
        { new NewCommunity(" Kimironko ", "Kigali", "RW", "rw", "RWF", "Africa/Kigali"), Failure.NameTaken },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Bad_input_is_refused_and_changes_nothing(NewCommunity input, Failure expected)
    {
        var before = await Host.CountAsync<Community>();
        (await Create(W.Ada, input)).Fails(expected);
        Assert.Equal(before, await Host.CountAsync<Community>());
        Assert.False(await Host.Db(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CommunityCreated)));
    }

    // The country and currency lists are read off every culture's region, which includes ICU's
    // macro-regions ("001" world, "150" Europe, "419" Latin America) and their currency "¤¤".
    [Theory]
    [InlineData("001", "RWF", Failure.InvalidCountry)]
    [InlineData("419", "RWF", Failure.InvalidCountry)]
    [InlineData("150", "RWF", Failure.InvalidCountry)]
    [InlineData("RW", "¤¤", Failure.InvalidCurrency)]
    public async Task Regions_that_are_not_countries_and_placeholder_currencies_are_refused(string country, string currency, Failure expected) =>
        (await Create(W.Ada, new NewCommunity("Nyamirambo", "Kigali", country, "rw", currency, "Africa/Kigali"))).Fails(expected);

    // Community.TimeZone is an IANA id. TryFindSystemTimeZoneById also accepts Windows ids on Linux (through ICU):
    // a Windows name is translated to its IANA zone (the one of its region "001"), never stored as typed.
    [Fact]
    public async Task Time_zones_are_stored_as_IANA_ids()
    {
        var created = (await Create(W.Ada, new NewCommunity("Nyamirambo", "Kigali", "RW", "rw", "RWF", "E. Africa Standard Time"))).Ok();
        Assert.Equal("Africa/Nairobi", created.TimeZone);
        Assert.Equal("Africa/Nairobi", await Host.Db(db => db.Communities.AsNoTracking().Where(c => c.Id == created.Id).Select(c => c.TimeZone).SingleAsync()));
    }

    [Fact]
    public async Task Everyone_lists_their_own_communities_and_the_admin_all()
    {
        var mine = await Host.Run<CommunityService, IReadOnlyList<CommunitySummary>>(async s => await s.ListAsync(await As(W.Amina)));
        var kimironko = Assert.Single(mine);
        Assert.Equal((2, 3), (kimironko.GroupCount, kimironko.HouseholdCount));
        var all = await Host.Run<CommunityService, IReadOnlyList<CommunitySummary>>(async s => await s.ListAsync(await As(W.Ada)));
        Assert.Equal(new[] { "Gulu", "Kimironko" }, all.Select(c => c.Name));
    }

    [Fact]
    public async Task A_community_is_shown_to_its_people_only()
    {
        var detail = (await Host.Run<CommunityService, Outcome<CommunityDetail>>(async s => await s.GetAsync(await As(W.Sara), W.Kimironko.Id))).Ok();
        Assert.Equal(new[] { "Umucyo", "Urumuri" }, detail.Groups.Select(g => g.Name));
        Assert.Equal(new[] { "Claude" }, detail.CoordinatorFirstNames);
        Assert.Equal(0, detail.UngroupedHouseholds);
        // Outside the community the answer is the same as for an id that does not exist.
        (await Host.Run<CommunityService, Outcome<CommunityDetail>>(async s => await s.GetAsync(await As(W.Dora), W.Kimironko.Id))).Fails(Failure.NotFound);
        (await Host.Run<CommunityService, Outcome<CommunityDetail>>(async s => await s.GetAsync(await As(W.Dora), Guid.NewGuid()))).Fails(Failure.NotFound);
    }
}

public sealed class GroupTests : WorldTests
{
    private async Task<Outcome<GroupSummary>> CreateGroup(Person by, Guid communityId, string? name) =>
        await Host.Run<CommunityService, Outcome<GroupSummary>>(async s => await s.CreateGroupAsync(await As(by), communityId, name));

    private async Task<Outcome<GroupSummary>> Rename(Person by, Guid groupId, string? name) =>
        await Host.Run<CommunityService, Outcome<GroupSummary>>(async s => await s.RenameGroupAsync(await As(by), groupId, name));

    private async Task<Outcome<GroupDetail>> Get(Person by, Guid groupId) =>
        await Host.Run<CommunityService, Outcome<GroupDetail>>(async s => await s.GetGroupAsync(await As(by), groupId));

    [Fact]
    public async Task A_coordinator_or_admin_creates_groups()
    {
        var group = (await CreateGroup(W.Claude, W.Kimironko.Id, "  Ubumwe ")).Ok();
        Assert.Equal("Ubumwe", group.Name);
        Assert.Equal(0, group.HouseholdCount);
        Assert.Equal("Ubumwe", await Host.Db(db => db.Groups.Where(g => g.Id == group.Id).Select(g => g.Name).SingleAsync()));
        (await CreateGroup(W.Ada, W.Kimironko.Id, "Amahoro")).Ok();
    }

    [Fact]
    public async Task Nobody_else_creates_groups()
    {
        var before = await Host.CountAsync<Group>();
        (await CreateGroup(W.Amina, W.Kimironko.Id, "Ubumwe")).Fails(Failure.Forbidden);
        (await CreateGroup(W.Sara, W.Kimironko.Id, "Ubumwe")).Fails(Failure.Forbidden);
        // Outside the community the answer is the one for a community that does not exist (issue 11, finding 7).
        (await CreateGroup(W.Odongo, W.Kimironko.Id, "Ubumwe")).Fails(Failure.NotFound);
        (await CreateGroup(W.Claude, Guid.NewGuid(), "Ubumwe")).Fails(Failure.NotFound);
        Assert.Equal(before, await Host.CountAsync<Group>());
    }

    [Theory]
    [InlineData("Umucyo", Failure.NameTaken)]
    [InlineData(" Umucyo  ", Failure.NameTaken)]
    [InlineData("", Failure.NameRequired)]
    [InlineData("   ", Failure.NameRequired)]
    [InlineData(null, Failure.NameRequired)]
    public async Task Group_names_are_required_and_unique_in_the_community(string? name, Failure expected)
    {
        (await CreateGroup(W.Claude, W.Kimironko.Id, name)).Fails(expected);
        (await Rename(W.Claude, W.Urumuri.Id, name)).Fails(expected);
    }

    [Fact]
    public async Task Group_names_have_a_length_limit()
    {
        var longest = new string('x', Group.NameMaxLength);
        (await CreateGroup(W.Claude, W.Kimironko.Id, longest + "x")).Fails(Failure.NameTooLong);
        (await Rename(W.Claude, W.Urumuri.Id, longest + "x")).Fails(Failure.NameTooLong);
        (await CreateGroup(W.Claude, W.Kimironko.Id, longest)).Ok();
    }

    [Fact]
    public async Task The_same_group_name_may_be_used_in_another_community() =>
        (await CreateGroup(W.Odongo, W.Gulu.Id, "Umucyo")).Ok();

    [Fact]
    public async Task A_coordinator_renames_a_group()
    {
        var renamed = (await Rename(W.Claude, W.Umucyo.Id, " Umucyo Mushya ")).Ok();
        Assert.Equal("Umucyo Mushya", renamed.Name);
        Assert.Equal(2, renamed.HouseholdCount);
        (await Rename(W.Claude, W.Umucyo.Id, "Umucyo Mushya")).Ok(); // its own name is not "taken"
    }

    [Fact]
    public async Task Nobody_else_renames_a_group()
    {
        (await Rename(W.Amina, W.Umucyo.Id, "Mine now")).Fails(Failure.Forbidden);
        (await Rename(W.Odongo, W.Umucyo.Id, "Mine now")).Fails(Failure.NotFound);
        (await Rename(W.Dora, W.Umucyo.Id, "Mine now")).Fails(Failure.NotFound);
        (await Rename(W.Claude, Guid.NewGuid(), "Mine now")).Fails(Failure.NotFound);
        Assert.Equal("Umucyo", await Host.Db(db => db.Groups.Where(g => g.Id == W.Umucyo.Id).Select(g => g.Name).SingleAsync()));
    }

    [Fact]
    public async Task Members_of_the_community_see_a_group_with_first_names()
    {
        foreach (var viewer in new[] { W.Amina, W.Jean, W.Claude, W.Ada })
        {
            var group = (await Get(viewer, W.Umucyo.Id)).Ok();
            Assert.Equal("Kimironko", group.CommunityName);
            Assert.Equal(new[] { "Amina", "Bosco" }, group.Households.SelectMany(h => h.Members).Select(m => m.FirstName).Order());
        }
    }

    [Fact]
    public async Task Sponsors_supporters_and_other_communities_do_not_see_a_groups_people()
    {
        var supporter = await Host.WithRoleAsync(W.Kimironko.Id, Role.Supporter, "Supporter");
        (await Get(W.Sara, W.Umucyo.Id)).Fails(Failure.Forbidden);
        (await Get(supporter, W.Umucyo.Id)).Fails(Failure.Forbidden);
        // Another community's people, and nobody signed in, hear what they would for a group that does not exist.
        (await Get(W.Dora, W.Umucyo.Id)).Fails(Failure.NotFound);
        (await Get(W.Odongo, W.Umucyo.Id)).Fails(Failure.NotFound);
        (await Get(W.Amina, Guid.NewGuid())).Fails(Failure.NotFound);
        var anonymous = await Host.Run<CommunityService, Outcome<GroupDetail>>(s => s.GetGroupAsync(Viewer.Anonymous, W.Umucyo.Id));
        anonymous.Fails(Failure.NotFound);
    }
}

public sealed class HouseholdTests : WorldTests
{
    private async Task<Outcome<HouseholdDetail>> Update(Person by, Guid householdId, string? name, bool move = false, Guid? groupId = null) =>
        await Host.Run<CommunityService, Outcome<HouseholdDetail>>(async s =>
            await s.UpdateHouseholdAsync(await As(by), householdId, name, move, groupId));

    private Task<Household> Stored(Guid id) => Host.Db(db => db.Households.AsNoTracking().SingleAsync(h => h.Id == id));

    private Task<int> MovesAsync() => Host.Db(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.HouseholdMoved));

    [Fact]
    public async Task Members_rename_their_own_household()
    {
        var detail = (await Update(W.Amina, W.AminaHome.Id, "  Umuryango wa Amina ")).Ok();
        Assert.Equal("Umuryango wa Amina", detail.Name);
        Assert.Equal("Umuryango wa Amina", (await Stored(W.AminaHome.Id)).Name);
        Assert.Equal(0, await MovesAsync());
    }

    [Fact]
    public async Task Nobody_else_renames_a_household()
    {
        (await Update(W.Bosco, W.AminaHome.Id, "Taken over")).Fails(Failure.Forbidden);
        (await Update(W.Claude, W.AminaHome.Id, "Taken over")).Fails(Failure.Forbidden); // coordinators never edit a family's data
        (await Update(W.Ada, W.AminaHome.Id, "Taken over")).Fails(Failure.Forbidden);
        (await Update(W.Dora, W.AminaHome.Id, "Taken over")).Fails(Failure.NotFound); // another community: as if it did not exist
        (await Update(W.Amina, Guid.NewGuid(), "Taken over")).Fails(Failure.NotFound);
        Assert.Equal(W.AminaHome.Name, (await Stored(W.AminaHome.Id)).Name);
    }

    [Theory]
    [InlineData("", Failure.NameRequired)]
    [InlineData("  ", Failure.NameRequired)]
    public async Task A_household_name_is_required(string name, Failure expected)
    {
        (await Update(W.Amina, W.AminaHome.Id, name)).Fails(expected);
        (await Update(W.Amina, W.AminaHome.Id, new string('x', Household.NameMaxLength + 1))).Fails(Failure.NameTooLong);
        Assert.Equal(W.AminaHome.Name, (await Stored(W.AminaHome.Id)).Name);
    }

    [Fact]
    public async Task A_coordinator_moves_a_household_between_groups_and_it_is_audited()
    {
        var moved = (await Update(W.Claude, W.AminaHome.Id, null, move: true, groupId: W.Urumuri.Id)).Ok();
        Assert.Equal(W.Urumuri.Id, moved.GroupId);
        Assert.Equal("Urumuri", moved.GroupName);
        Assert.Equal(W.Urumuri.Id, (await Stored(W.AminaHome.Id)).GroupId);

        var audit = await Host.Db(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.HouseholdMoved));
        Assert.Equal(W.Claude.Id, audit.ActorId);
        Assert.Equal(W.Kimironko.Id, audit.CommunityId);
        Assert.Equal(W.AminaHome.Id.ToString(), audit.Subject);
        Assert.Equal($"{W.Umucyo.Id} -> {W.Urumuri.Id}", audit.Detail);
    }

    [Fact]
    public async Task A_coordinator_takes_a_household_out_of_every_group()
    {
        var moved = (await Update(W.Claude, W.AminaHome.Id, null, move: true, groupId: null)).Ok();
        Assert.Null(moved.GroupId);
        Assert.Null((await Stored(W.AminaHome.Id)).GroupId);
        Assert.Equal(1, await MovesAsync());
    }

    [Fact]
    public async Task Staying_in_the_same_group_is_no_move()
    {
        (await Update(W.Claude, W.AminaHome.Id, null, move: true, groupId: W.Umucyo.Id)).Ok();
        (await Update(W.Amina, W.AminaHome.Id, null, move: true, groupId: W.Umucyo.Id)).Ok();
        Assert.Equal(0, await MovesAsync());
    }

    [Fact]
    public async Task Only_coordinators_move_households()
    {
        (await Update(W.Amina, W.AminaHome.Id, null, move: true, groupId: W.Urumuri.Id)).Fails(Failure.Forbidden);
        (await Update(W.Odongo, W.AminaHome.Id, null, move: true, groupId: W.Urumuri.Id)).Fails(Failure.NotFound);
        (await Update(W.Sara, W.AminaHome.Id, null, move: true, groupId: W.Urumuri.Id)).Fails(Failure.Forbidden);
        Assert.Equal(W.Umucyo.Id, (await Stored(W.AminaHome.Id)).GroupId);
        Assert.Equal(0, await MovesAsync());
    }

    [Fact]
    public async Task A_member_renaming_and_moving_at_once_changes_nothing()
    {
        (await Update(W.Amina, W.AminaHome.Id, "New name", move: true, groupId: W.Urumuri.Id)).Fails(Failure.Forbidden);
        var stored = await Stored(W.AminaHome.Id);
        Assert.Equal((W.AminaHome.Name, (Guid?)W.Umucyo.Id), (stored.Name, stored.GroupId));
    }

    [Fact]
    public async Task The_group_must_be_in_the_households_community()
    {
        (await Update(W.Claude, W.AminaHome.Id, null, move: true, groupId: W.GuluA.Id)).Fails(Failure.GroupNotInCommunity);
        (await Update(W.Ada, W.AminaHome.Id, null, move: true, groupId: Guid.NewGuid())).Fails(Failure.GroupNotInCommunity);
        Assert.Equal(W.Umucyo.Id, (await Stored(W.AminaHome.Id)).GroupId);
        Assert.Equal(0, await MovesAsync());
    }

    [Fact]
    public async Task A_household_is_shown_to_its_members_and_coordinators()
    {
        async Task<Outcome<HouseholdDetail>> Get(Person p) =>
            await Host.Run<CommunityService, Outcome<HouseholdDetail>>(async s => await s.GetHouseholdAsync(await As(p), W.AminaHome.Id));
        Assert.Equal("Amina", Assert.Single((await Get(W.Amina)).Ok().Members).FirstName);
        (await Get(W.Claude)).Ok();
        (await Get(W.Ada)).Ok();
        (await Get(W.Bosco)).Fails(Failure.Forbidden);
        (await Get(W.Sara)).Fails(Failure.Forbidden);
        // A coordinator elsewhere learns nothing, not even that the household exists.
        (await Get(W.Odongo)).Fails(Failure.NotFound);
    }
}
