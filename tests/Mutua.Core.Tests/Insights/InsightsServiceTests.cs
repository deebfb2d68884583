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
        Assert.True(c.Published);
        Assert.Equal(0, c.Households.Value); // all seven households joined in November, after the month
        // Seven check-ins: quartiles need ten households behind them, or they would say that nearly all checked in.
        Assert.True(c.Income.Median.Suppressed);
        // All seven gave help, none received, all need food: all-or-nothing over fewer than ten households is not shown.
        Assert.True(c.CheckedIn.Suppressed);
        Assert.True(c.GavePercent.Suppressed);
        Assert.True(c.ReceivedPercent.Suppressed);
        Assert.True(c.Needs[(int)NeedCategory.Food].Suppressed);
        Assert.True(c.Needs[(int)NeedCategory.Transport].Suppressed);
        Assert.Null(community.GroupId);
        Assert.Equal("RWF", community.Currency);
    }

    [Fact]
    public async Task A_fifth_household_in_the_group_still_shows_no_amounts_over_five()
    {
        var abahizi = await GroupOfFourCheckedIn();
        var (eve, eveHome) = await Host.MemberAsync(W.Kimironko.Id, abahizi.Id, "Esperance");
        await Save(eve, eveHome, October, new CheckInInput(Income: [new(IncomeSource.Job, 1)], SavingsBalance: 1));

        var g = Assert.Single((await Insights(W.Sara, October, October, abahizi.Id)).Ok().Months);

        // Five amounts from a group of five would say all five checked in.
        Assert.True(g.Income.Median.Suppressed);
        Assert.True(g.CheckedIn.Suppressed, "five of five checked in says it of every one of them");
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
    public async Task Without_a_range_it_is_the_twelve_months_up_to_the_last_published_one()
    {
        // On 23 November, October (closed on the 10th) is published; November is still open.
        var all = (await Insights(W.Claude)).Ok();
        Assert.Equal("2025-11", all.From);
        Assert.Equal("2026-10", all.To);
        Assert.Equal(12, all.Months.Count);
        Assert.Equal(Month.Range(new Month(2025, 11), October).Select(m => m.Period), all.Months.Select(m => m.Period));
        Assert.All(all.Months, m => Assert.True(m.Published));
        Assert.Equal(new DateOnly(2026, 12, 12), InsightsService.PublishedFrom(November)); // closed on the 11th, settled a day later
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

    // Mutation testing: loading "this community's check-ins OR those of the months asked" survived every test, so another
    // community's families could have been counted into these figures.
    [Fact]
    public async Task Another_communitys_check_ins_of_the_same_month_never_count_here()
    {
        var kimironko = new List<(Person, Household)> { (W.Amina, W.AminaHome), (W.Bosco, W.BoscoHome) };
        for (var i = 0; i < 17; i++) kimironko.Add(await Host.MemberAsync(W.Kimironko.Id, W.Umucyo.Id, $"Umuturage {i}"));
        var gulu = new List<(Person, Household)> { (W.Dora, W.DoraHome) };
        for (var i = 0; i < 9; i++) gulu.Add(await Host.MemberAsync(W.Gulu.Id, W.GuluA.Id, $"Jirani {i}"));
        async Task Joined(Household h) => await Host.Db(db => db.Households.Where(x => x.Id == h.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        foreach (var (_, home) in kimironko.Concat(gulu).Append((W.Jean, W.JeanHome))) await Joined(home);
        // Ten of Kimironko's twenty check in for October; all ten of Gulu's do, with a need Kimironko's never have.
        foreach (var (person, home) in kimironko.Take(10)) await Save(person, home, October, new CheckInInput(Needs: [NeedCategory.Food]));
        foreach (var (person, home) in gulu) await Save(person, home, October, new CheckInInput(Needs: [NeedCategory.Transport]));

        var october = Assert.Single((await Insights(W.Claude, October, October)).Ok().Months);

        Assert.Equal(20, october.Households.Value);
        Assert.Equal(10, october.CheckedIn.Value);
        Assert.Equal(10, october.Needs[(int)NeedCategory.Food].Value);
        Assert.True(october.Needs[(int)NeedCategory.Transport].Value is null or 0);
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

        // Five households of Umucyo that joined long before, so the counts are big enough to show.
        for (var i = 0; i < 5; i++)
        {
            var (_, home) = await Host.MemberAsync(W.Kimironko.Id, W.Umucyo.Id, $"Early {i}");
            await Joined(home, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }

        var months = (await Insights(W.Claude, new Month(2026, 7), November)).Ok().Months;
        Assert.Equal([5L, 6, 6, 7, null], months.Select(m => m.Households.Value));
        Assert.False(months[^1].Published);

        var umucyo = (await Insights(W.Claude, new Month(2026, 7), November, W.Umucyo.Id)).Ok().Months;
        Assert.Equal([5L, 6, 6, 7, null], umucyo.Select(m => m.Households.Value));
        // Dora's household in Gulu is never counted here; Jean's in Urumuri is in the community's count only.
        var urumuri = (await Insights(W.Claude, new Month(2026, 10), October, W.Urumuri.Id)).Ok().Months;
        Assert.Equal([0L], urumuri.Select(m => m.Households.Value));
    }
}
