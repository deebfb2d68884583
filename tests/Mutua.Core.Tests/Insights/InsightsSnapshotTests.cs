using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Insights;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Insights;

/// <summary>
/// Settled months are published once, for the community and its groups together, and kept as published:
/// pages do not rescan them, and a correction cannot be used to probe what the others entered.
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
    /// 10,000 … 50,000, and five more of Umucyo with 30,000 each (ten in all, so the community's quartiles
    /// are shown: median 30,000); then the clock is back at 23 November.
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
        foreach (var name in new[] { "Fabrice", "Gilbert", "Honorine", "Innocent", "Josiane" })
        {
            var (person, home) = await Host.MemberAsync(W.Kimironko.Id, W.Umucyo.Id, name);
            await Save(person, home, month, 30_000);
        }
        Host.Clock.Advance(back);
        return (abahizi, people);
    }

    [Fact]
    public async Task A_settled_month_is_kept_for_the_community_and_its_groups_and_the_open_month_is_not()
    {
        var (abahizi, _) = await FiveCheckIn(October);

        var first = await Insights(September, November);
        var kept = await Kept();

        Assert.Equal([September.Period, October.Period], kept.Select(s => s.Period).Distinct());
        Assert.Equal(new[] { W.Kimironko.Id, W.Umucyo.Id, W.Urumuri.Id, abahizi.Id }.Order(), kept.Where(s => s.Period == October.Period).Select(s => s.Scope).Order());
        Assert.False(first.Months[2].Published);
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
    public async Task A_correction_after_the_month_was_published_does_not_change_what_was_published()
    {
        var (abahizi, people) = await FiveCheckIn(October);
        var community = await Insights(October, October);
        var group = await Insights(October, October, abahizi.Id);

        await Save(people[2].Person, people[2].Home, October, 90_000);

        Assert.Equal(30_000, (await Insights(October, October)).Months[0].Income.Median.Value);
        Assert.Equal(group.Months, (await Insights(October, October, abahizi.Id)).Months, MonthComparer.Instance);
        Assert.Equal(community.Months, (await Insights(October, October)).Months, MonthComparer.Instance);
        // The family's own record has the correction.
        Assert.Equal(90_000, await Host.Db(db => db.CheckIns.Where(c => c.HouseholdId == people[2].Home.Id).Select(c => c.IncomeTotal).SingleAsync()));
    }

    [Fact]
    public async Task A_correction_before_the_month_is_first_read_is_in_it()
    {
        var (_, people) = await FiveCheckIn(October);

        await Save(people[0].Person, people[0].Home, October, 60_000);

        Assert.Empty(await Kept());
        Assert.Equal(31_000, (await Insights(October, October)).Months[0].Income.Median.Value); // Harrell–Davis: 31,029
    }

    [Fact]
    public async Task An_open_month_is_not_published_and_nothing_is_kept()
    {
        var (_, people) = await FiveCheckIn(November);
        await Save(people[0].Person, people[0].Home, November, 70_000);
        var november = Assert.Single((await Insights(November, November)).Months);
        Assert.False(november.Published);
        Assert.True(november.Income.High.Suppressed && november.Households.Suppressed);
        Assert.Empty(await Kept());
    }

    /// <summary>
    /// Finding 1 of issue 11: a member sets their own income to 0, reads the group's quartiles, sets it to a
    /// trillion and reads again; with nearest-rank quartiles the two readings were the other four households'
    /// exact incomes. Now the month shows nothing while it can be edited, and once published it does not move.
    /// </summary>
    [Fact]
    public async Task A_member_cannot_probe_the_others_incomes_by_changing_their_own()
    {
        var (_, people) = await FiveCheckIn(November);
        var (attacker, home) = people[0];
        var readings = new List<MonthInsights>();
        foreach (var income in new long[] { 0, 1_000_000_000_000, 0, 1_000_000_000_000 })
        {
            if (readings.Count == 2) Host.Clock.Advance(TimeSpan.FromDays(19)); // 12 December: November is published, corrections go on
            await Save(attacker, home, November, income);
            readings.Add(Assert.Single((await Insights(November, November)).Months));
        }

        Assert.All(readings.Take(2), m => Assert.False(m.Published));
        Assert.All(readings.Take(2), m => Assert.True(m.Income.Low.Suppressed && m.Income.Median.Suppressed && m.Income.High.Suppressed));
        Assert.True(readings[2].Published);
        Assert.False(readings[2].Income.Median.Suppressed);
        // What the attacker learns from the readings: one set of figures, set before it could be seen.
        Assert.Equal(readings[2], readings[3], MonthComparer.Instance);
    }

    [Fact]
    public async Task Precomputing_keeps_the_settled_months_of_the_community_and_its_groups_once()
    {
        await FiveCheckIn(October);

        var computed = await Host.Run<InsightsService, int>(s => s.PrecomputeAsync(W.Kimironko.Id, 3));
        var again = await Host.Run<InsightsService, int>(s => s.PrecomputeAsync(W.Kimironko.Id, 3));

        Assert.Equal(3, computed);
        Assert.Equal(0, again);
        Assert.Equal([new Month(2026, 8).Period, September.Period, October.Period], (await Kept()).Select(s => s.Period).Distinct());
        Assert.Equal(30_000, (await Insights(October, October)).Months[0].Income.Median.Value);
    }

    /// <summary>Months compared by value, lists of cells included.</summary>
    private sealed class MonthComparer : IEqualityComparer<MonthInsights>
    {
        public static readonly MonthComparer Instance = new();
        public bool Equals(MonthInsights? a, MonthInsights? b) =>
            a is not null && b is not null && System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);
        public int GetHashCode(MonthInsights m) => m.Period;
    }
}
