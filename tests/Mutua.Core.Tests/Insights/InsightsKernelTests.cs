using Mutua.Core.CheckIns;
using Mutua.Core.Insights;

namespace Mutua.Core.Tests.Insights;

public sealed class InsightsKernelTests
{
    private const int March = 202603;

    private static CheckInFacts Fact(long? income = null, long? savings = null, int needs = 0, int wants = 0, bool gave = false,
        bool received = false, int period = March) => new(period, income, savings, needs, wants, gave, received);

    private static int Bits(params NeedCategory[] categories) => categories.Aggregate(0, (m, c) => m | 1 << (int)c);

    private static MonthInsights One(IReadOnlyList<CheckInFacts> facts, int households) =>
        Assert.Single(InsightsKernel.Compute(facts, [(March, households)]));

    private static IEnumerable<Cell> AllCells(MonthInsights m) =>
        new[] { m.CheckedIn, m.ParticipationPercent, m.Income.Low, m.Income.Median, m.Income.High, m.Savings.Low, m.Savings.Median,
            m.Savings.High, m.GavePercent, m.ReceivedPercent }.Concat(m.Needs).Concat(m.Wants);

    [Fact]
    public void Quartiles_are_by_nearest_rank()
    {
        // Sorted: 1..10. Nearest rank: 25 % → ceil(2.5) = 3rd, 50 % → 5th, 75 % → ceil(7.5) = 8th.
        long[] incomes = [7, 1, 9, 3, 5, 10, 2, 8, 4, 6];
        // Sorted: 15, 20, 35, 40, 50. 25 % → ceil(1.25) = 2nd, 50 % → ceil(2.5) = 3rd, 75 % → ceil(3.75) = 4th.
        long[] savings = [50, 15, 40, 20, 35];
        var facts = incomes.Select((v, i) => Fact(income: v * 1000, savings: i < savings.Length ? savings[i] : null)).ToList();

        var m = One(facts, 10);

        Assert.Equal(new Quartiles(new Cell(3000), new Cell(5000), new Cell(8000)), m.Income);
        Assert.Equal(new Quartiles(new Cell(20), new Cell(35), new Cell(40)), m.Savings);
    }

    [Fact]
    public void Quartiles_of_fewer_than_five_given_amounts_are_suppressed_even_when_enough_checked_in()
    {
        var facts = Enumerable.Range(0, 6).Select(i => Fact(income: i < 4 ? 100 * (i + 1) : null, savings: 10 * i)).ToList();
        var m = One(facts, 6);
        Assert.True(m.Income.Low.Suppressed && m.Income.Median.Suppressed && m.Income.High.Suppressed);
        Assert.False(m.Savings.Median.Suppressed);
        Assert.Equal(6, m.CheckedIn.Value);
    }

    [Fact]
    public void A_month_with_four_check_ins_shows_no_cell_at_all()
    {
        var facts = Enumerable.Range(0, 4).Select(i => Fact(income: 1000 * (i + 1), savings: 500, needs: Bits(NeedCategory.Food),
            wants: Bits(NeedCategory.Training), gave: true, received: i % 2 == 0)).ToList();

        var m = One(facts, 4);

        Assert.All(AllCells(m), c => Assert.True(c.Suppressed, "a cell over 4 households was shown"));
        Assert.Equal(InsightsKernel.Categories, m.Needs.Count);
        Assert.Equal(InsightsKernel.Categories, m.Wants.Count);
    }

    [Fact]
    public void A_month_with_five_check_ins_is_shown()
    {
        var facts = Enumerable.Range(0, 5).Select(i => Fact(income: 1000 * (i + 1), savings: 100 * (i + 1), needs: Bits(NeedCategory.Food),
            gave: i < 2, received: true)).ToList();

        var m = One(facts, 5);

        Assert.Equal(5, m.CheckedIn.Value);
        Assert.Equal(100, m.ParticipationPercent.Value);
        Assert.Equal(3000, m.Income.Median.Value);
        Assert.Equal(300, m.Savings.Median.Value);
        // "40 %" of five is two households: a share resting on 1–4 households is hidden like a small count.
        Assert.True(m.GavePercent.Suppressed);
        Assert.Equal(100, m.ReceivedPercent.Value);
        Assert.Equal(5, m.Needs[(int)NeedCategory.Food].Value);
    }

    [Fact]
    public void Shares_of_help_are_shown_when_none_or_at_least_five_households_stand_behind_them()
    {
        var facts = Enumerable.Range(0, 10).Select(i => Fact(income: 1000, savings: 100, needs: 0, gave: i < 5, received: false)).ToList();

        var m = One(facts, 12);

        Assert.Equal(50, m.GavePercent.Value);
        Assert.Equal(0, m.ReceivedPercent.Value);
        Assert.Equal(83, m.ParticipationPercent.Value);
    }

    [Fact]
    public void Need_counts_of_one_to_four_are_suppressed_while_zero_and_five_or_more_are_shown()
    {
        // Six check-ins: transport named by 1, tools by 4, training by 5, food by all 6, the rest by nobody.
        var facts = Enumerable.Range(0, 6).Select(i =>
        {
            var needs = new List<NeedCategory> { NeedCategory.Food };
            if (i < 1) needs.Add(NeedCategory.Transport);
            if (i < 4) needs.Add(NeedCategory.ToolsOrEquipment);
            if (i < 5) needs.Add(NeedCategory.Training);
            return Fact(needs: Bits([.. needs]), wants: i < 2 ? Bits(NeedCategory.LegalHelp) : 0);
        }).ToList();

        var m = One(facts, 6);

        Assert.True(m.Needs[(int)NeedCategory.Transport].Suppressed);
        Assert.True(m.Needs[(int)NeedCategory.ToolsOrEquipment].Suppressed);
        Assert.Equal(5, m.Needs[(int)NeedCategory.Training].Value);
        Assert.Equal(6, m.Needs[(int)NeedCategory.Food].Value);
        Assert.Equal(0, m.Needs[(int)NeedCategory.Childcare].Value);
        Assert.Equal(0, m.Needs[(int)NeedCategory.Other].Value);
        Assert.True(m.Wants[(int)NeedCategory.LegalHelp].Suppressed);
        Assert.Equal(0, m.Wants[(int)NeedCategory.Food].Value);
    }

    [Theory]
    [InlineData(5, 10, 50)]
    [InlineData(5, 7, 71)]
    [InlineData(6, 9, 67)]
    [InlineData(8, 8, 100)]
    public void Participation_is_the_percent_of_households_that_checked_in(int checkedIn, int households, long percent)
    {
        var m = One(Enumerable.Range(0, checkedIn).Select(_ => Fact()).ToList(), households);
        Assert.Equal(percent, m.ParticipationPercent.Value);
        Assert.Equal(households, m.Households);
        Assert.Equal(checkedIn, m.CheckedIn.Value);
    }

    [Fact]
    public void Participation_without_households_is_not_shown()
    {
        var m = One(Enumerable.Range(0, 5).Select(_ => Fact()).ToList(), 0);
        Assert.True(m.ParticipationPercent.Suppressed);
    }

    [Fact]
    public void Bits_beyond_the_last_category_are_ignored()
    {
        var noise = 1 << 11 | 1 << 20 | int.MinValue;
        var facts = Enumerable.Range(0, 5).Select(_ => Fact(needs: Bits(NeedCategory.Childcare) | noise, wants: noise)).ToList();

        var m = One(facts, 5);

        Assert.Equal(InsightsKernel.Categories, m.Needs.Count);
        Assert.Equal(5, m.Needs[(int)NeedCategory.Childcare].Value);
        Assert.All(m.Needs.Skip(1), c => Assert.Equal(0, c.Value));
        Assert.All(m.Wants, c => Assert.Equal(0, c.Value));
    }

    [Fact]
    public void Each_month_counts_only_its_own_check_ins_and_months_without_any_are_listed()
    {
        var facts = Enumerable.Range(0, 5).Select(i => Fact(income: 10, period: 202602))
            .Concat(Enumerable.Range(0, 3).Select(i => Fact(income: 20, period: March))).ToList();

        var months = InsightsKernel.Compute(facts, [(202601, 5), (202602, 5), (March, 5)]);

        Assert.Equal([202601, 202602, March], months.Select(m => m.Period));
        Assert.True(months[0].CheckedIn.Suppressed);
        Assert.Equal(5, months[1].CheckedIn.Value);
        Assert.Equal(10, months[1].Income.Median.Value);
        Assert.True(months[2].CheckedIn.Suppressed);
    }
}
