using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Communities;

public sealed class OrientationServiceTests : HostTests
{
    private Community community = null!;
    private Group north = null!;
    private Group south = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        community = await Host.CommunityAsync();
        north = await Host.GroupAsync(community.Id, "North");
        south = await Host.GroupAsync(community.Id, "South");
    }

    /// <summary>A newcomer arrives in a new household of the group (or the given household) and gets a buddy.</summary>
    private async Task<(Person Newcomer, Guid? Buddy)> Arrive(string name, Group? group, Household? into = null)
    {
        var newcomer = await Host.PersonAsync(name);
        var household = into ?? await Host.HouseholdAsync(community.Id, group?.Id, name);
        await Host.JoinAsync(newcomer.Id, household);
        await using var scope = Host.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<OrientationService>();
        var buddy = await service.StartAsync(newcomer.Id, community.Id, household.Id, household.GroupId);
        await scope.ServiceProvider.GetRequiredService<MutuaDbContext>().SaveChangesAsync();
        return (newcomer, buddy);
    }

    private Task<bool> Complete(Person who, Person newcomer, OrientationStep step) =>
        Host.Run<OrientationService, bool>(async s => await s.CompleteAsync(await Host.ViewerAsync(who.Id), community.Id, newcomer.Id, step));

    private Task MetAsync(Person newcomer) => Complete(newcomer, newcomer, OrientationStep.MetBuddy);

    private Task<Orientation> OrientationOf(Person p) => Host.Db(db => db.Orientations.SingleAsync(o => o.PersonId == p.Id));

    [Fact]
    public async Task The_buddy_comes_from_the_newcomers_group()
    {
        var (southie, _) = await Host.MemberAsync(community.Id, south.Id, "Southie"); // joined first
        var (northie, _) = await Host.MemberAsync(community.Id, north.Id, "Northie");

        var (_, buddy) = await Arrive("Newcomer", north);

        Assert.Equal(northie.Id, buddy);
        Assert.NotEqual(southie.Id, buddy);
    }

    [Fact]
    public async Task Without_anyone_in_the_group_the_buddy_comes_from_the_community()
    {
        var (southie, _) = await Host.MemberAsync(community.Id, south.Id, "Southie");
        var (_, buddy) = await Arrive("Newcomer", north);
        Assert.Equal(southie.Id, buddy);

        var (_, ungroupedBuddy) = await Arrive("Loner", null);
        Assert.Equal(southie.Id, ungroupedBuddy); // the newcomer in North is still finding their feet
    }

    [Fact]
    public async Task The_buddy_is_never_from_the_newcomers_own_household()
    {
        var (host1, home) = await Host.MemberAsync(community.Id, north.Id, "Housemate");
        var (southie, _) = await Host.MemberAsync(community.Id, south.Id, "Southie");

        var (_, buddy) = await Arrive("Newcomer", north, home);

        Assert.NotEqual(host1.Id, buddy);
        Assert.Equal(southie.Id, buddy);
    }

    [Fact]
    public async Task The_buddy_is_never_from_another_community()
    {
        var elsewhere = await Host.CommunityAsync("Elsewhere");
        await Host.MemberAsync(elsewhere.Id, null, "Stranger");

        var (newcomer, buddy) = await Arrive("Newcomer", north);

        Assert.Null(buddy);
        var orientation = await OrientationOf(newcomer);
        Assert.Null(orientation.BuddyId);
        Assert.Equal(Host.Clock.GetUtcNow(), orientation.StartedAt);
    }

    [Fact]
    public async Task People_still_in_their_own_orientation_are_not_buddies()
    {
        var (veteran, _) = await Host.MemberAsync(community.Id, south.Id, "Veteran");
        var (first, firstBuddy) = await Arrive("First", north);
        Assert.Equal(veteran.Id, firstBuddy);

        // First is in North but has not met their buddy yet: Second gets Veteran from the community instead.
        var (_, secondBuddy) = await Arrive("Second", north);
        Assert.Equal(veteran.Id, secondBuddy);

        await MetAsync(first);
        var (_, thirdBuddy) = await Arrive("Third", north);
        Assert.Equal(first.Id, thirdBuddy);
    }

    [Fact]
    public async Task The_buddy_with_the_fewest_open_newcomers_is_chosen()
    {
        var (a, _) = await Host.MemberAsync(community.Id, north.Id, "A"); // joined first: wins ties
        var (b, _) = await Host.MemberAsync(community.Id, north.Id, "B");

        var (n1, buddy1) = await Arrive("N1", north);
        Assert.Equal(a.Id, buddy1);
        await Complete(n1, n1, OrientationStep.Profile); // the profile step does not free the buddy
        var (_, buddy2) = await Arrive("N2", north);
        Assert.Equal(b.Id, buddy2);
        var (n3, buddy3) = await Arrive("N3", north);
        Assert.Contains(buddy3, new Guid?[] { a.Id, b.Id });

        // Once A's newcomers have met A, A has no open newcomers and is picked again.
        await MetAsync(n1);
        if (buddy3 == a.Id) await MetAsync(n3);
        var (_, buddy4) = await Arrive("N4", north);
        Assert.Equal(a.Id, buddy4);
    }

    [Fact]
    public async Task Starting_twice_changes_nothing()
    {
        var (veteran, _) = await Host.MemberAsync(community.Id, north.Id, "Veteran");
        var (newcomer, buddy) = await Arrive("Newcomer", north);
        Assert.Equal(veteran.Id, buddy);

        var again = await Host.Run<OrientationService, Guid?>(async s =>
        {
            var result = await s.StartAsync(newcomer.Id, community.Id, Guid.NewGuid(), north.Id);
            return result;
        });
        Assert.Null(again);
        Assert.Equal(1, await Host.Db(db => db.Orientations.CountAsync(o => o.PersonId == newcomer.Id)));
    }

    [Fact]
    public async Task Only_the_newcomer_ticks_their_profile()
    {
        var (veteran, _) = await Host.MemberAsync(community.Id, north.Id, "Veteran");
        var coordinator = await Host.WithRoleAsync(community.Id, Role.Coordinator, "Coordinator");
        var (newcomer, _) = await Arrive("Newcomer", north);

        Assert.False(await Complete(veteran, newcomer, OrientationStep.Profile));
        Assert.False(await Complete(coordinator, newcomer, OrientationStep.Profile));
        Assert.Null((await OrientationOf(newcomer)).ProfileDoneAt);

        Host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await Complete(newcomer, newcomer, OrientationStep.Profile));
        var done = (await OrientationOf(newcomer)).ProfileDoneAt;
        Assert.Equal(Host.Clock.GetUtcNow(), done);

        Host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await Complete(newcomer, newcomer, OrientationStep.Profile));
        Assert.Equal(done, (await OrientationOf(newcomer)).ProfileDoneAt); // the first tick stands
    }

    [Fact]
    public async Task The_newcomer_or_their_buddy_ticks_that_they_met_nobody_else()
    {
        var (buddy, _) = await Host.MemberAsync(community.Id, north.Id, "Buddy");
        var (other, _) = await Host.MemberAsync(community.Id, south.Id, "Other");
        var coordinator = await Host.WithRoleAsync(community.Id, Role.Coordinator, "Coordinator");
        var (n1, b1) = await Arrive("N1", north);
        Assert.Equal(buddy.Id, b1);

        Assert.False(await Complete(other, n1, OrientationStep.MetBuddy));
        Assert.False(await Complete(coordinator, n1, OrientationStep.MetBuddy));
        Assert.Null((await OrientationOf(n1)).MetBuddyAt);

        Assert.True(await Complete(buddy, n1, OrientationStep.MetBuddy));
        Assert.Equal(Host.Clock.GetUtcNow(), (await OrientationOf(n1)).MetBuddyAt);

        var (n2, b2) = await Arrive("N2", north);
        Assert.Equal(buddy.Id, b2);
        Assert.True(await Complete(n2, n2, OrientationStep.MetBuddy));
        Assert.NotNull((await OrientationOf(n2)).MetBuddyAt);
    }

    [Fact]
    public async Task Ticking_a_step_for_someone_without_an_orientation_is_refused()
    {
        var (veteran, _) = await Host.MemberAsync(community.Id, north.Id, "Veteran");
        Assert.False(await Complete(veteran, veteran, OrientationStep.Profile));
    }

    [Fact]
    public async Task The_newcomer_sees_their_buddy_and_the_buddy_their_newcomers()
    {
        var (buddy, _) = await Host.MemberAsync(community.Id, north.Id, "Buddy");
        var (newcomer, _) = await Arrive("Newcomer", north);

        var mine = Assert.Single(await Host.Run<OrientationService, IReadOnlyList<OrientationView>>(s => s.ForPersonAsync(newcomer.Id)));
        Assert.Equal("Buddy", mine.BuddyFirstName);
        Assert.False(mine.ProfileDone || mine.MetBuddy || mine.FirstCheckIn);

        var theirs = Assert.Single(await Host.Run<OrientationService, IReadOnlyList<Newcomer>>(s => s.NewcomersOfAsync(buddy.Id)));
        Assert.Equal("Newcomer", theirs.FirstName);
        Assert.False(theirs.Met);
    }

    [Fact]
    public async Task Saving_a_profile_ticks_the_profile_step()
    {
        await Host.MemberAsync(community.Id, north.Id, "Buddy");
        var (newcomer, _) = await Arrive("Newcomer", north);
        (await Host.Run<ProfileService, Outcome<Profile>>(async s =>
            await s.UpdateAsync(await Host.ViewerAsync(newcomer.Id), new ProfileChange("Newcomer", null, "sw")))).Ok();
        Assert.NotNull((await OrientationOf(newcomer)).ProfileDoneAt);
    }
}
