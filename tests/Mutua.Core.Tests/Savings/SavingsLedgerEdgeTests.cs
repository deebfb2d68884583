using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

/// <summary>
/// The ledger's arithmetic at its edges, written for the survivors of the savings module's first mutation run
/// (docs/testing.md): the books' sets and the box, shares and charges at their limits, the lottery as anyone can draw it
/// again, a chit fund's smallest group, and the roll-up's sums across communities.
/// </summary>
public sealed class SavingsLedgerEdgeTests
{
    private static readonly Guid Cycle = Guid.CreateVersion7();

    [Fact]
    public void A_set_adds_up_only_its_own_accounts_of_the_cycle_asked_for()
    {
        // An entry across two sets (which the service never writes) shows in both, with opposite signs.
        var books = SavingsBooks.Of([new BookEntry(Cycle, SavingsAccount.LoanFund, SavingsAccount.SocialFund, null, null, 100, 0)]);
        Assert.Equal(100, books.SetTotal(1));
        Assert.Equal(-100, books.SetTotal(2));
        Assert.Equal(100, books.SetTotal(1, Cycle));
        Assert.Equal(0, books.SetTotal(1, Guid.CreateVersion7()));
        Assert.Equal(0, books.SetTotal(3));
        Assert.All(new[] { SavingsAccount.Pot, SavingsAccount.Contributions, SavingsAccount.RoundPayouts, SavingsAccount.Commission },
            a => Assert.Equal(3, SavingsBooks.SetOf(a)));
        Assert.Equal(2, SavingsBooks.SetOf(SavingsAccount.SocialFund));
        Assert.Equal(1, SavingsBooks.SetOf(SavingsAccount.Savings));
    }

    [Fact]
    public void A_rotating_groups_pot_is_cash_in_the_box()
    {
        var books = SavingsBooks.Of([
            new BookEntry(Cycle, SavingsAccount.Pot, SavingsAccount.Contributions, Guid.CreateVersion7(), null, 1_000, 1),
            new BookEntry(Cycle, SavingsAccount.LoanFund, SavingsAccount.Savings, Guid.CreateVersion7(), null, 500, 1),
        ]);
        Assert.Equal(1_500, books.BoxCash);
    }

    [Fact]
    public void Shares_and_charges_at_their_limits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SavingsKernel.SharesFor(500, 0));
        Assert.Equal(new SharePurchase(0, 0, 0), SavingsKernel.SharesFor(-300, 500));
        Assert.Equal(new SharePurchase(int.MaxValue, int.MaxValue, 0), SavingsKernel.SharesFor(int.MaxValue, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SavingsKernel.SharesFor((long)int.MaxValue + 1, 1));
        Assert.Equal(0, SavingsKernel.MonthlyCharge(ServiceChargeBasis.Outstanding, 1_000, 10_000, -100));
        Assert.Equal(0, SavingsKernel.MonthlyCharge(ServiceChargeBasis.Outstanding, -1_000, 10_000, 10_000));
        Assert.Equal(1_000, SavingsKernel.MonthlyCharge(ServiceChargeBasis.Outstanding, 1_000, 10_000, 10_000));
        // All of the loan fund may be lent, not a franc more.
        Assert.Null(SavingsKernel.CheckLoan(30_000, 3, 10_000, 0, 30_000, 3, 3));
    }

    [Fact]
    public void A_repayment_on_the_first_day_of_a_month_counts_from_the_next_month()
    {
        var approved = new DateOnly(2026, 1, 1);
        var terms = new LoanTerms(100_000, approved, 3, 1_000, ServiceChargeBasis.Outstanding);
        // 10 % of 100,000 for January; February began with 100,000 owed (the repayment of its first day counts from March).
        var standing = SavingsKernel.Standing(terms, [new LoanMovement(new DateOnly(2026, 2, 1), 50_000, 0)], new DateOnly(2026, 2, 1));
        Assert.Equal(20_000, standing.ChargesAccrued);
        Assert.Equal(50_000, standing.Outstanding);
        // Not late before it is due: no days late, not a negative number of them.
        Assert.False(standing.IsLate);
        Assert.Equal(0, standing.DaysLate);
        Assert.False(standing.IsSettled);
        var settled = SavingsKernel.Standing(terms, [new LoanMovement(new DateOnly(2026, 1, 15), 100_000, 10_000)], new DateOnly(2026, 1, 20));
        Assert.True(settled.IsSettled);
        var chargeStillDue = SavingsKernel.Standing(terms, [new LoanMovement(new DateOnly(2026, 1, 15), 100_000, 0)], new DateOnly(2026, 1, 20));
        Assert.False(chargeStillDue.IsSettled);
    }

    // The order anyone can draw again from the seed in the notebook: SplitMix64 and Fisher–Yates, computed in Python.
    [Theory]
    [InlineData(8, 20261202L, new[] { 3, 7, 2, 5, 8, 1, 6, 4 })]
    [InlineData(8, -1L, new[] { 8, 4, 6, 5, 3, 7, 2, 1 })]
    [InlineData(5, 7L, new[] { 5, 2, 4, 1, 3 })]
    public void A_lottery_order_is_the_one_the_seed_gives_written_down(int members, long seed, int[] expected)
    {
        static Guid Member(int i) => new($"00000000-0000-0000-0000-{i:D12}");
        // Given in any order, with a repeat: the draw starts from the members ordered by id.
        var given = Enumerable.Range(1, members).Reverse().Select(Member).Append(Member(1)).ToList();
        Assert.Equal(expected.Select(Member), SavingsKernel.LotteryOrder(given, seed));
    }

    [Fact]
    public void A_chit_fund_needs_two_members_and_a_contribution()
    {
        SavingsKernel.Bid(0, 10, 50, 0, true).Fails(Failure.InvalidConstitution);
        SavingsKernel.Bid(100, 1, 50, 0, true).Fails(Failure.InvalidConstitution);
        var two = SavingsKernel.Bid(100, 2, 50, 0, dividendToWinner: false).Ok();
        Assert.Equal((200L, 150L, 1, 50L), (two.Pot, two.WinnerReceives, two.SharingMembers, two.DividendEach));
    }

    private static SavingsGroupFacts Facts(Guid community, int households, long savings, long outstanding = 0, long atRisk = 0, int late = 0,
        long attended = 0, long records = 0, int absent = 0, int borrowed = 0, int borrowersOnly = 0)
    {
        var homes = Enumerable.Range(0, households + borrowersOnly).Select(_ => Guid.CreateVersion7()).ToList();
        var savers = homes.Take(households).ToHashSet();
        // Savers who borrowed (the late ones among them) and households that only borrowed.
        var borrowers = homes.Skip(households).Concat(homes.Take(Math.Max(borrowed, late))).ToHashSet();
        return new SavingsGroupFacts(Guid.CreateVersion7(), community, "USD", SavingsGroupKind.Vsla, homes.ToHashSet(), homes.Count,
            savings, savings - outstanding, 0, outstanding, atRisk, savers, borrowers, homes.Take(late).ToHashSet(), outstanding, 0,
            new HashSet<Guid>(), records, attended, homes.Take(absent).ToHashSet(), savings);
    }

    [Fact]
    public void Across_communities_every_figure_adds_up_the_communities_that_show_it()
    {
        var a = SavingsTally.Of([Facts(Guid.CreateVersion7(), 12, 1_200_00, outstanding: 400_00, atRisk: 100_00, late: 5, attended: 40, records: 48, absent: 6, borrowed: 6)]);
        var b = SavingsTally.Of([Facts(Guid.CreateVersion7(), 10, 800_00, outstanding: 100_00, attended: 38, records: 40, absent: 5, borrowed: 5)]);
        var small = SavingsTally.Of([Facts(Guid.CreateVersion7(), 3, 90_00)]);
        var (figures, shown) = SavingsRollUpKernel.Across("USD", [a, b, small]);
        Assert.Equal(2, shown);
        Assert.Equal(2, figures.Groups.Value);
        Assert.Equal(22, figures.Members.Value);
        Assert.Equal(22, figures.Households.Value);
        Assert.Equal(2_000_00, figures.Savings.Value);
        Assert.Equal(500_00, figures.LoansOutstanding.Value);
        Assert.Equal(20, figures.PortfolioAtRiskPercent.Value); // 100 of 500 owed
        Assert.Equal(89, figures.AttendancePercent.Value); // 78 of 88 marks
        Assert.Equal(2_000_00, figures.Assets.Value); // loan funds 800 + 700, loans 500
        Assert.Equal(2_000_00, figures.ProjectedShareOut.Value);
    }

    [Fact]
    public void The_share_at_risk_is_held_back_until_five_households_are_late()
    {
        // Two late households of twelve: "17 % at risk" would point at them. Five are enough.
        var two = SavingsRollUpKernel.Publish("USD", SavingsTally.Of([Facts(Guid.CreateVersion7(), 12, 1_200_00, outstanding: 400_00, atRisk: 100_00, late: 2, borrowed: 6)]));
        Assert.Equal(Withheld.TooFew, two.PortfolioAtRiskPercent.Withheld);
        Assert.Equal(400_00, two.LoansOutstanding.Value);
        var five = SavingsRollUpKernel.Publish("USD", SavingsTally.Of([Facts(Guid.CreateVersion7(), 12, 1_200_00, outstanding: 400_00, atRisk: 100_00, late: 5, borrowed: 6)]));
        Assert.Equal(25, five.PortfolioAtRiskPercent.Value);
    }

    [Fact]
    public void Five_households_are_enough_and_assets_rest_on_savers_and_borrowers_together()
    {
        var five = SavingsRollUpKernel.Publish("USD", SavingsTally.Of([Facts(Guid.CreateVersion7(), 5, 500_00)]));
        Assert.Equal(5, five.Households.Value);
        Assert.Equal(500_00, five.Savings.Value);
        // Four households saved, a fifth only borrowed: savings rest on four (too few), assets on all five.
        var mixed = SavingsRollUpKernel.Publish("USD", SavingsTally.Of([Facts(Guid.CreateVersion7(), 4, 400_00, outstanding: 100_00, borrowersOnly: 1)]));
        Assert.Equal(Withheld.TooFew, mixed.Savings.Withheld);
        Assert.Equal(400_00, mixed.Assets.Value);
        Assert.Equal(0, SavingsRollUpKernel.Percent(3, 0));
    }
}
