using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.CheckIns;

/// <summary>Umucyo is Amina's and Bosco's group; the clock stands at 2026-11-23 in Kigali.</summary>
public sealed class GroupCheckInsServiceTests : WorldTests
{
    private static readonly Month November = new(2026, 11);

    private async Task Save(Person who, Household home, Month month, CheckInInput input) =>
        (await Host.Run<CheckInService, Outcome<CheckInView>>(async s => await s.SaveAsync(await As(who), home.Id, month, input))).Ok();

    private Task<Outcome<GroupMonth>> GroupMonthFor(Person who, Group group) =>
        Host.Run<GroupCheckInsService, Outcome<GroupMonth>>(async s => await s.ThisMonthAsync(await As(who), group.Id));

    private Task<IReadOnlyList<(Guid HouseholdId, Month Month)>> Due(Person who) =>
        Host.Run<GroupCheckInsService, IReadOnlyList<(Guid, Month)>>(async s => await s.DueAsync(await As(who)));

    private Task SetJoined(Household home, DateTimeOffset at) =>
        Host.Db(db => db.Households.Where(h => h.Id == home.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.CreatedAt, at)));

    private Task MoveClockTo(DateTimeOffset at)
    {
        Host.Clock.Advance(at - Host.Clock.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <summary>Amina shares goals and needs only; Bosco shares income, savings and what's new only.</summary>
    private async Task BothCheckIn()
    {
        await Save(W.Amina, W.AminaHome, November, new CheckInInput(
            Income: [new(IncomeSource.Job, 90_000)], SavingsBalance: 12_000, Debts: 3_000, WhatsNew: "Amina's private news",
            Goals: [new(null, "Buy a goat", 40)], Needs: [NeedCategory.Food], Wants: [NeedCategory.Training],
            SharedWithGroup: SharedParts.Goals | SharedParts.NeedsAndWants));
        await Save(W.Bosco, W.BoscoHome, November, new CheckInInput(
            Income: [new(IncomeSource.OwnBusiness, 70_000)], SavingsBalance: 5_000, Debts: 800, WhatsNew: "Bosco's shared news",
            Goals: [new(null, "Learn to drive", 15)], Needs: [NeedCategory.Transport],
            SharedWithGroup: SharedParts.Income | SharedParts.Savings | SharedParts.WhatsNew));
    }

    [Fact]
    public async Task Health_housing_leadership_and_help_counts_reach_the_group_only_when_shared()
    {
        await Save(W.Amina, W.AminaHome, November, new CheckInInput(
            HealthRating: 4, EducationNotes: "Tailoring course", Housing: HousingSituation.Rented, LeadershipNotes: "Led the savings meeting",
            Help: [new(HelpDirection.Given, HelpKind.Childcare, W.BoscoHome.Id, null, null), new(HelpDirection.Received, HelpKind.Food, null, "a cousin", null),
                new(HelpDirection.Given, HelpKind.Transport, null, "a neighbour", null)],
            SharedWithGroup: SharedParts.Health | SharedParts.Housing | SharedParts.Connections));

        var amina = (await GroupMonthFor(W.Bosco, W.Umucyo)).Ok().Households.Single(h => h.HouseholdId == W.AminaHome.Id);

        Assert.Equal(4, amina.HealthRating);
        Assert.Equal(HousingSituation.Rented, amina.Housing);
        Assert.Equal(2, amina.HelpGiven);
        Assert.Equal(1, amina.HelpReceived);
        Assert.Null(amina.Education);
        Assert.Null(amina.Leadership);
    }

    [Fact]
    public async Task Group_members_see_what_each_household_shared_and_nothing_else()
    {
        await BothCheckIn();

        var seenByBosco = (await GroupMonthFor(W.Bosco, W.Umucyo)).Ok();

        Assert.True(seenByBosco.CanSeeShared);
        Assert.Equal("2026-11", seenByBosco.Month);
        Assert.Equal("RWF", seenByBosco.Currency);
        var amina = seenByBosco.Households.Single(h => h.HouseholdId == W.AminaHome.Id);
        Assert.True(amina.CheckedIn);
        Assert.False(amina.IsOwn);
        Assert.Equal(["Buy a goat"], amina.Goals!.Select(g => g.Name));
        Assert.Equal(40, amina.Goals![0].Percent);
        Assert.Equal([NeedCategory.Food], amina.Needs);
        Assert.Equal([NeedCategory.Training], amina.Wants);
        Assert.Null(amina.IncomeTotal);
        Assert.Null(amina.SavingsBalance);
        Assert.Null(amina.Debts);
        Assert.Null(amina.WhatsNew);

        var seenByAmina = (await GroupMonthFor(W.Amina, W.Umucyo)).Ok();
        var bosco = seenByAmina.Households.Single(h => h.HouseholdId == W.BoscoHome.Id);
        Assert.Null(bosco.Goals);
        Assert.Null(bosco.Needs);
        Assert.Null(bosco.Wants);
        Assert.Equal(70_000, bosco.IncomeTotal);
        Assert.Equal(5_000, bosco.SavingsBalance);
        Assert.Equal(800, bosco.Debts);
        Assert.Equal("Bosco's shared news", bosco.WhatsNew);

        // Her own household she sees whole.
        var own = seenByAmina.Households.Single(h => h.HouseholdId == W.AminaHome.Id);
        Assert.True(own.IsOwn);
        Assert.Equal(90_000, own.IncomeTotal);
        Assert.Equal("Amina's private news", own.WhatsNew);
    }

    [Fact]
    public async Task A_household_that_has_not_checked_in_shows_as_such_with_nothing_shared()
    {
        await Save(W.Amina, W.AminaHome, November, new CheckInInput(SavingsBalance: 1, SharedWithGroup: SharedParts.Savings));
        // Bosco checked in only for October: it does not count for November.
        await Save(W.Bosco, W.BoscoHome, new Month(2026, 10), new CheckInInput(SavingsBalance: 9, SharedWithGroup: SharedParts.Savings));

        var month = (await GroupMonthFor(W.Amina, W.Umucyo)).Ok();

        Assert.Equal(new[] { W.AminaHome.Id, W.BoscoHome.Id }.Order(), month.Households.Select(h => h.HouseholdId).Order());
        var bosco = month.Households.Single(h => h.HouseholdId == W.BoscoHome.Id);
        Assert.False(bosco.CheckedIn);
        Assert.Null(bosco.SavingsBalance);
        Assert.True(month.Households.Single(h => h.HouseholdId == W.AminaHome.Id).CheckedIn);
    }

    [Fact]
    public async Task A_coordinator_outside_the_group_sees_who_checked_in_but_nothing_shared()
    {
        await BothCheckIn();

        foreach (var coordinator in new[] { W.Claude, W.Ada })
        {
            var month = (await GroupMonthFor(coordinator, W.Umucyo)).Ok();
            Assert.False(month.CanSeeShared);
            Assert.Equal(2, month.Households.Count);
            Assert.All(month.Households, h =>
            {
                Assert.True(h.CheckedIn);
                Assert.False(h.IsOwn);
                Assert.Null(h.Goals);
                Assert.Null(h.Needs);
                Assert.Null(h.Wants);
                Assert.Null(h.IncomeTotal);
                Assert.Null(h.SavingsBalance);
                Assert.Null(h.Debts);
                Assert.Null(h.WhatsNew);
            });
        }
    }

    [Fact]
    public async Task Outsiders_may_not_see_the_group_month()
    {
        await BothCheckIn();
        foreach (var outsider in new[] { W.Jean, W.Sara, W.Dora, W.Odongo })
        {
            // Another community's people are told what they would be for a group that does not exist (issue 11, finding 7).
            (await GroupMonthFor(outsider, W.Umucyo)).Fails(outsider == W.Dora || outsider == W.Odongo ? Failure.NotFound : Failure.Forbidden);
        }
        (await GroupMonthFor(W.Amina, new Group { Id = Guid.NewGuid() })).Fails(Failure.NotFound);
    }

    [Fact]
    public async Task The_reminder_is_for_last_month_while_it_is_open()
    {
        await SetJoined(W.AminaHome, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await MoveClockTo(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero)); // October open until 11 November

        Assert.Equal([(W.AminaHome.Id, new Month(2026, 10))], await Due(W.Amina));

        await Save(W.Amina, W.AminaHome, new Month(2026, 10), new CheckInInput(SavingsBalance: 1));
        Assert.Equal([(W.AminaHome.Id, November)], await Due(W.Amina));

        await Save(W.Amina, W.AminaHome, November, new CheckInInput(SavingsBalance: 2));
        Assert.Empty(await Due(W.Amina));
    }

    [Fact]
    public async Task Once_last_month_closed_the_reminder_is_for_this_month()
    {
        await SetJoined(W.AminaHome, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        // 23 November: October closed on the 11th without a check-in.
        Assert.Equal([(W.AminaHome.Id, November)], await Due(W.Amina));
        await Save(W.Amina, W.AminaHome, November, new CheckInInput(SavingsBalance: 2));
        Assert.Empty(await Due(W.Amina));
    }

    [Fact]
    public async Task No_reminder_for_a_month_before_the_household_joined()
    {
        // Joined 3 November (Kigali); on 5 November October is open, but was before its time.
        await SetJoined(W.AminaHome, new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero));
        await MoveClockTo(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal([(W.AminaHome.Id, November)], await Due(W.Amina));
    }

    [Fact]
    public async Task Reminders_are_only_for_the_viewers_own_households()
    {
        Assert.Empty(await Due(W.Claude));
        Assert.Empty(await Due(W.Sara));
        Assert.Equal([W.DoraHome.Id], (await Due(W.Dora)).Select(d => d.HouseholdId));
    }
}
