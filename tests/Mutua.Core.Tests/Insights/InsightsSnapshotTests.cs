using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Insights;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Insights;

/// <summary>
/// Settled months are kept so pages do not rescan them; a correction makes the kept month stale.
/// The clock stands at 2026-11-23 in Kigali: October closed on 10 November, November is open.
/// </summary>
public sealed class InsightsSnapshotTests : WorldTests
{
    private static readonly Month September = new(2026, 9);
    private static readonly Month October = new(2026, 10);
    private static readonly Month November = new(2026, 11);

    private async Task Save(Person who, Household home, Month month, long income) =>
        (await Host.Run<CheckInService, Outcome<CheckInView>>(async s =>
            await s.SaveAsync(await As(who), home.Id, month, new CheckInInput(Income: [new(IncomeSource.Job, income)])))).Ok();

    private async Task<CommunityInsights> Insights(Month from, Month to, Guid? group = null) =>
        (await Host.Run<InsightsService, Outcome<CommunityInsights>>(async s =>
            await s.ForCommunityAsync(await As(W.Claude), W.Kimironko.Id, from, to, group))).Ok();

    private Task<List<InsightsSnapshot>> Kept() => Host.Db(db => db.InsightsSnapshots.AsNoTracking().OrderBy(s => s.Period).ToListAsync());

    /// <summary>
    /// Five households of a new group "Abahizi" check in for the month, while it is open, with incomes
    /// 10,000 … 50,000; then the clock is back at 23 November.
    /// </summary>
    private async Task<(Group Group, List<(Person Person, Household Home)> People)> FiveCheckIn(Month month)
    {
        var abahizi = await Host.GroupAsync(W.Kimironko.Id, "Abahizi");
        var people = new List<(Person, Household)>();
        foreach (var name in new[] { "Alice", "Benoit", "Clarisse", "Didier", "Esperance" })
            people.Add(await Host.MemberAsync(W.Kimironko.Id, abahizi.Id, name));
        var back = Host.Clock.GetUtcNow() - new DateTimeOffset(month.Year, month.Number, 20, 9, 0, 0, TimeSpan.Zero);
        Host.Clock.Advance(-back);
        for (var i = 0; i < people.Count; i++) await Save(people[i].Item1, people[i].Item2, month, 10_000 * (i + 1));
        Host.Clock.Advance(back);
        return (abahizi, people);
    }

    [Fact]
    public async Task A_settled_month_is_kept_and_the_open_month_is_not()
    {
        await FiveCheckIn(October);

        var first = await Insights(September, November);
        var kept = await Kept();

        Assert.Equal([September.Period, October.Period], kept.Select(s => s.Period));
        Assert.All(kept, s => Assert.Equal(W.Kimironko.Id, s.Scope));
        Assert.All(kept, s => Assert.False(s.Stale));
        var again = await Insights(September, November);
        Assert.Equal(30_000, again.Months[1].Income.Median.Value);
        Assert.Equal(first.Months.Select(m => (m.Period, m.Households, m.CheckedIn, m.Income.Median)),
            again.Months.Select(m => (m.Period, m.Households, m.CheckedIn, m.Income.Median)));
    }

    [Fact]
    public async Task A_kept_month_is_served_without_scanning_check_ins_again()
    {
        await FiveCheckIn(October);
        await Insights(October, October);

        // Change the rows behind the service's back: a kept month does not look at them any more.
        await Host.Db(db => db.CheckIns.Where(c => c.Period == October.Period).ExecuteUpdateAsync(s => s.SetProperty(c => c.IncomeTotal, 1)));

        Assert.Equal(30_000, (await Insights(October, October)).Months[0].Income.Median.Value);
    }

    [Fact]
    public async Task A_correction_after_the_month_closed_shows_in_the_next_reading()
    {
        var (abahizi, people) = await FiveCheckIn(October);
        await Insights(October, October);
        await Insights(October, October, abahizi.Id);

        await Save(people[2].Person, people[2].Home, October, 90_000);

        var kept = await Kept();
        Assert.Equal(2, kept.Count);
        Assert.All(kept, s => Assert.True(s.Stale, "a corrected month was still kept as it was"));
        Assert.Equal(40_000, (await Insights(October, October)).Months[0].Income.Median.Value);
        Assert.Equal(40_000, (await Insights(October, October, abahizi.Id)).Months[0].Income.Median.Value);
        Assert.All(await Kept(), s => Assert.False(s.Stale));
    }

    [Fact]
    public async Task A_correction_before_anyone_read_the_month_leaves_a_stale_mark()
    {
        var (_, people) = await FiveCheckIn(October);

        await Save(people[0].Person, people[0].Home, October, 60_000);

        var marks = await Kept();
        Assert.Equal(2, marks.Count); // the community's and the group's
        Assert.All(marks, s => Assert.True(s.Stale));
        Assert.Equal(40_000, (await Insights(October, October)).Months[0].Income.Median.Value);
    }

    [Fact]
    public async Task Saving_in_an_open_month_keeps_nothing_and_marks_nothing()
    {
        var (_, people) = await FiveCheckIn(November);
        await Save(people[0].Person, people[0].Home, November, 70_000);
        Assert.Equal(50_000, (await Insights(November, November)).Months[0].Income.High.Value);
        Assert.Empty(await Kept());
    }

    [Fact]
    public async Task Precomputing_keeps_the_community_settled_months_once()
    {
        await FiveCheckIn(October);

        var computed = await Host.Run<InsightsService, int>(s => s.PrecomputeAsync(W.Kimironko.Id, 3));
        var again = await Host.Run<InsightsService, int>(s => s.PrecomputeAsync(W.Kimironko.Id, 3));

        Assert.Equal(3, computed);
        Assert.Equal(0, again);
        Assert.Equal([new Month(2026, 8).Period, September.Period, October.Period], (await Kept()).Select(s => s.Period));
        Assert.Equal(5, (await Insights(October, October)).Months[0].CheckedIn.Value);
    }
}
