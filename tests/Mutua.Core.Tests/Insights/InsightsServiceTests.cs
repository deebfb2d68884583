using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Insights;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Insights;

/// <summary>Kimironko's insights; the clock stands at 2026-11-23 in Kigali.</summary>
public sealed class InsightsServiceTests : WorldTests
{
    private static readonly Month October = new(2026, 10);
    private static readonly Month November = new(2026, 11);

    private async Task Save(Person who, Household home, Month month, CheckInInput input) =>
        (await Host.Run<CheckInService, Outcome<CheckInView>>(async s => await s.SaveAsync(await As(who), home.Id, month, input))).Ok();

    private Task<Outcome<CommunityInsights>> Insights(Viewer viewer, Guid community, Month? from, Month? to, Guid? group = null) =>
        Host.Run<InsightsService, Outcome<CommunityInsights>>(s => s.ForCommunityAsync(viewer, community, from, to, group));

    private async Task<Outcome<CommunityInsights>> Insights(Person who, Month? from = null, Month? to = null, Guid? group = null) =>
        await Insights(await As(who), W.Kimironko.Id, from, to, group);

    private static IEnumerable<Cell> AllCells(MonthInsights m) =>
        new[] { m.CheckedIn, m.ParticipationPercent, m.Income.Low, m.Income.Median, m.Income.High, m.Savings.Low, m.Savings.Median,
            m.Savings.High, m.GavePercent, m.ReceivedPercent }.Concat(m.Needs).Concat(m.Wants);

    /// <summary>A new group "Abahizi" of four households, each of which checks in for October, as do Amina, Bosco and Jean.</summary>
    private async Task<Group> GroupOfFourCheckedIn()
    {
        var abahizi = await Host.GroupAsync(W.Kimironko.Id, "Abahizi");
        var people = new List<(Person, Household)>();
        foreach (var name in new[] { "Alice", "Benoit", "Clarisse", "Didier" })
            people.Add(await Host.MemberAsync(W.Kimironko.Id, abahizi.Id, name));
        people.Add((W.Amina, W.AminaHome));
        people.Add((W.Bosco, W.BoscoHome));
        people.Add((W.Jean, W.JeanHome));
        var i = 0;
        foreach (var (person, home) in people)
        {
            i++;
            await Save(person, home, October, new CheckInInput(
                Income: [new(IncomeSource.Job, 10_000 * i)], SavingsBalance: 1_000 * i,
                Needs: [NeedCategory.Food, NeedCategory.SchoolCosts], Wants: [NeedCategory.Training],
                Help: [new(HelpDirection.Given, HelpKind.Food, null, "A neighbour outside", null)]));
        }
        return abahizi;
    }

    [Fact]
    public async Task A_group_of_four_shows_too_few_while_the_community_is_shown()
    {
        var abahizi = await GroupOfFourCheckedIn();

        var group = (await Insights(W.Claude, October, October, abahizi.Id)).Ok();
        var community = (await Insights(W.Claude, October, October)).Ok();

        var g = Assert.Single(group.Months);
        Assert.Equal(October.Period, g.Period);
        Assert.Equal(abahizi.Id, group.GroupId);
        Assert.All(AllCells(g), c => Assert.True(c.Suppressed, "a cell of a group of four households was shown"));

        var c = Assert.Single(community.Months);
        Assert.Equal(7, c.CheckedIn.Value);
        Assert.Equal(40_000, c.Income.Median.Value); // 10,000 … 70,000: the 4th of 7
        Assert.Equal(20_000, c.Income.Low.Value);    // ceil(1.75) = 2nd
        Assert.Equal(60_000, c.Income.High.Value);   // ceil(5.25) = 6th
        Assert.Equal(4_000, c.Savings.Median.Value);
        Assert.Equal(100, c.GavePercent.Value);
        Assert.Equal(0, c.ReceivedPercent.Value);
        Assert.Equal(7, c.Needs[(int)NeedCategory.Food].Value);
        Assert.Equal(7, c.Needs[(int)NeedCategory.SchoolCosts].Value);
        Assert.Equal(0, c.Needs[(int)NeedCategory.Transport].Value);
        Assert.Equal(7, c.Wants[(int)NeedCategory.Training].Value);
        Assert.Null(community.GroupId);
        Assert.Equal("RWF", community.Currency);
    }

    [Fact]
    public async Task A_fifth_household_in_the_group_makes_it_shown()
    {
        var abahizi = await GroupOfFourCheckedIn();
        var (eve, eveHome) = await Host.MemberAsync(W.Kimironko.Id, abahizi.Id, "Esperance");
        await Save(eve, eveHome, October, new CheckInInput(Income: [new(IncomeSource.Job, 1)], SavingsBalance: 1));

        var g = Assert.Single((await Insights(W.Sara, October, October, abahizi.Id)).Ok().Months);

        Assert.Equal(5, g.CheckedIn.Value);
        Assert.False(g.Income.Median.Suppressed);
    }

    [Fact]
    public async Task A_group_keeps_the_check_ins_made_while_a_household_was_in_it()
    {
        var abahizi = await GroupOfFourCheckedIn();
        // Jean's household moves into the group after checking in for October with Urumuri.
        await Host.Db(db => db.Households.Where(h => h.Id == W.JeanHome.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.GroupId, abahizi.Id)));

        var g = Assert.Single((await Insights(W.Claude, October, October, abahizi.Id)).Ok().Months);
        Assert.True(g.CheckedIn.Suppressed); // still the four check-ins made in the group
    }

    [Fact]
    public async Task From_after_to_is_an_invalid_month()
    {
        (await Insights(W.Claude, November, October)).Fails(Failure.InvalidMonth);
        (await Insights(W.Claude, new Month(2020, 1), November)).Fails(Failure.InvalidMonth); // more than five years
        (await Insights(W.Claude, October, October)).Ok();
    }

    [Fact]
    public async Task Without_a_range_it_is_the_last_twelve_months()
    {
        var all = (await Insights(W.Claude)).Ok();
        Assert.Equal("2025-12", all.From);
        Assert.Equal("2026-11", all.To);
        Assert.Equal(12, all.Months.Count);
        Assert.Equal(Month.Range(new Month(2025, 12), November).Select(m => m.Period), all.Months.Select(m => m.Period));
    }

    [Fact]
    public async Task A_group_of_another_community_is_refused()
    {
        (await Insights(W.Claude, October, October, W.GuluA.Id)).Fails(Failure.GroupNotInCommunity);
        (await Insights(W.Claude, October, October, Guid.NewGuid())).Fails(Failure.GroupNotInCommunity);
    }

    [Fact]
    public async Task People_outside_the_community_may_not_see_its_insights()
    {
        // As for a community that does not exist (issue 11, finding 7).
        foreach (var outsider in new[] { W.Dora, W.Odongo })
            (await Insights(outsider, October, October)).Fails(Failure.NotFound);
        (await Insights(Viewer.Anonymous, W.Kimironko.Id, October, October)).Fails(Failure.NotFound);
        (await Insights(await As(W.Claude), Guid.NewGuid(), October, October)).Fails(Failure.NotFound);

        foreach (var insider in new[] { W.Claude, W.Sara, W.Ada, W.Amina })
            (await Insights(insider, October, October)).Ok();
    }

    [Fact]
    public async Task Household_counts_per_month_follow_when_households_joined()
    {
        // In Kigali: Amina's joined in August, Bosco's on 1 October 00:30 local (30 September UTC), Jean's in November.
        async Task Joined(Household h, DateTimeOffset at) =>
            await Host.Db(db => db.Households.Where(x => x.Id == h.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, at)));
        await Joined(W.AminaHome, new DateTimeOffset(2026, 8, 15, 0, 0, 0, TimeSpan.Zero));
        await Joined(W.BoscoHome, new DateTimeOffset(2026, 9, 30, 22, 30, 0, TimeSpan.Zero));
        await Joined(W.JeanHome, new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));

        var months = (await Insights(W.Claude, new Month(2026, 7), November)).Ok().Months;
        Assert.Equal([0, 1, 1, 2, 3], months.Select(m => m.Households));

        var umucyo = (await Insights(W.Claude, new Month(2026, 7), November, W.Umucyo.Id)).Ok().Months;
        Assert.Equal([0, 1, 1, 2, 2], umucyo.Select(m => m.Households));
        // Dora's household in Gulu is never counted here.

        // Again from later months: the settled ones come from what was kept; the open November counts the
        // households that joined before it in SQL and reads only Jean's, to place it by Kigali time.
        var fromOctober = (await Insights(W.Claude, October, November)).Ok().Months;
        Assert.Equal([2, 3], fromOctober.Select(m => m.Households));
        var fromSeptember = (await Insights(W.Claude, new Month(2026, 9), November)).Ok().Months;
        Assert.Equal([1, 2, 3], fromSeptember.Select(m => m.Households));
    }
}
