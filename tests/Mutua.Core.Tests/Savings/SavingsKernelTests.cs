using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

/// <summary>The arithmetic of savings groups, with the published examples (amounts in minor units).</summary>
public sealed class SavingsKernelTests
{
    [Fact]
    public void GH_23_at_GH_5_a_share_buys_4_shares_and_leaves_GH_3_that_is_never_savings()
    {
        var bought = SavingsKernel.SharesFor(23_00, 5_00);
        Assert.Equal(new SharePurchase(4, 20_00, 3_00), bought);
        Assert.Equal(new SharePurchase(0, 0, 4_99), SavingsKernel.SharesFor(4_99, 5_00));
        Assert.Equal(new SharePurchase(1, 5_00, 0), SavingsKernel.SharesFor(5_00, 5_00));
        Assert.Equal(new SharePurchase(0, 0, 0), SavingsKernel.SharesFor(0, 5_00));
    }

    [Fact]
    public void Agrocentas_share_out_900_shares_and_GH_900_profit_make_GH_6_a_share_and_45_shares_receive_GH_270()
    {
        // 900 shares at GH₵5 is GH₵4,500 of savings; with GH₵900 of profit the loan fund holds GH₵5,400.
        var member = Guid.CreateVersion7();
        var members = new List<ShareOutMember> { new(member, 45, 45 * 5_00) };
        members.AddRange(Enumerable.Range(0, 19).Select(_ => new ShareOutMember(Guid.CreateVersion7(), 45, 45 * 5_00)));
        Assert.Equal(900, members.Sum(m => m.Shares));

        var s = SavingsKernel.ShareOutOf(5_400_00, members, socialFundCash: 1_000_00, shareSocialFund: false);

        Assert.Equal(6_00m, s.ValuePerShare);
        var line = s.Lines.Single(l => l.PersonId == member);
        Assert.Equal(270_00, line.Payout);
        Assert.Equal(225_00, line.Savings);
        Assert.Equal(45_00, line.Payout - line.Savings);
        Assert.Equal(0, s.Remainder);
        Assert.Equal(1_000_00, s.SocialFundBalance);
        Assert.Equal(1_000_00, s.SocialFundRemainder);
        Assert.All(s.Lines, l => Assert.Equal(0, l.SocialFundPayout));
    }

    [Fact]
    public void Payouts_are_rounded_down_and_the_remainder_is_shown()
    {
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        var c = Guid.CreateVersion7();
        var s = SavingsKernel.ShareOutOf(100, [new(a, 1, 10), new(b, 1, 10), new(c, 1, 10)], 0, false);
        Assert.All(s.Lines, l => Assert.Equal(33, l.Payout));
        Assert.Equal(1, s.Remainder);
        Assert.Equal(33.3333m, s.ValuePerShare);
        Assert.Equal(100, s.TotalPayout + s.Remainder);
    }

    [Fact]
    public void The_social_fund_is_shared_in_equal_parts_only_when_the_constitution_says_so()
    {
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        var none = Guid.CreateVersion7();
        var s = SavingsKernel.ShareOutOf(1_000, [new(a, 3, 300), new(b, 1, 100), new(none, 0, 0)], 1_001, true);
        Assert.Equal(500, s.Lines.Single(l => l.PersonId == a).SocialFundPayout);
        Assert.Equal(500, s.Lines.Single(l => l.PersonId == b).SocialFundPayout);
        Assert.Equal(0, s.Lines.Single(l => l.PersonId == none).SocialFundPayout);
        Assert.Equal(1, s.SocialFundRemainder);
        Assert.Equal(750, s.Lines.Single(l => l.PersonId == a).Payout);
    }

    [Fact]
    public void No_shares_means_nothing_is_paid_and_the_cash_is_carried()
    {
        var s = SavingsKernel.ShareOutOf(1_234, [new(Guid.CreateVersion7(), 0, 0)], 0, false);
        Assert.Equal(0m, s.ValuePerShare);
        Assert.Equal(1_234, s.Remainder);
    }

    [Fact]
    public void A_chit_fund_of_40_times_25000_rupees_with_a_35_percent_bid_and_5_percent_commission_gives_7500_each()
    {
        const long contribution = 25_000_00;
        var pot = contribution * 40;
        Assert.Equal(1_000_000_00, pot);
        var round = SavingsKernel.Bid(contribution, 40, SavingsKernel.DiscountOf(pot, 3500), commissionBasisPoints: 500, dividendToWinner: true).Ok();
        Assert.Equal(650_000_00, round.WinnerReceives);
        Assert.Equal(50_000_00, round.Commission);
        Assert.Equal(7_500_00, round.DividendEach);
        Assert.Equal(17_500_00, round.NextInstalment);
        Assert.Equal(0, round.Undivided);

        var butWinner = SavingsKernel.Bid(contribution, 40, SavingsKernel.DiscountOf(pot, 3500), 500, dividendToWinner: false).Ok();
        Assert.Equal(39, butWinner.SharingMembers);
        Assert.Equal(300_000_00 / 39, butWinner.DividendEach);
        Assert.Equal(300_000_00 - 39 * butWinner.DividendEach, butWinner.Undivided);
    }

    [Fact]
    public void A_bid_below_the_commission_or_of_the_whole_pot_is_refused()
    {
        SavingsKernel.Bid(100, 10, 40, 500, true).Fails(Failure.InvalidBid);
        SavingsKernel.Bid(100, 10, 1_000, 500, true).Fails(Failure.InvalidBid);
        Assert.True(SavingsKernel.Bid(100, 10, 50, 500, true).Succeeded);
    }

    [Fact]
    public void A_loan_is_checked_against_the_multiple_of_savings_the_term_and_the_loan_fund()
    {
        // Savings 10,000, multiple 3: loans up to 30,000 in all.
        Assert.Null(SavingsKernel.CheckLoan(30_000, 3, 10_000, 0, 50_000, 3, 3));
        Assert.Equal(Failure.LoanOverLimit, SavingsKernel.CheckLoan(30_001, 3, 10_000, 0, 50_000, 3, 3));
        Assert.Equal(Failure.LoanOverLimit, SavingsKernel.CheckLoan(20_001, 3, 10_000, 10_000, 50_000, 3, 3));
        Assert.Equal(Failure.LoanTermTooLong, SavingsKernel.CheckLoan(1_000, 4, 10_000, 0, 50_000, 3, 3));
        Assert.Equal(Failure.LoanTermTooLong, SavingsKernel.CheckLoan(1_000, 0, 10_000, 0, 50_000, 3, 3));
        Assert.Equal(Failure.LoanFundShort, SavingsKernel.CheckLoan(30_000, 3, 10_000, 0, 29_999, 3, 3));
        Assert.Equal(Failure.AmountNotPositive, SavingsKernel.CheckLoan(0, 3, 10_000, 0, 50_000, 3, 3));
        Assert.Equal(20_000, SavingsKernel.LoanLimit(10_000, 10_000, 3));
        Assert.Equal(0, SavingsKernel.LoanLimit(1_000, 10_000, 3));
    }

    private static readonly DateOnly Approved = new(2026, 1, 10);

    [Fact]
    public void The_charge_on_the_outstanding_balance_falls_as_the_loan_is_repaid_and_on_the_original_it_does_not()
    {
        var payments = new[] { new LoanMovement(new DateOnly(2026, 1, 31), 50_000, 10_000) };
        // 10 % a month of 100,000. Month 1 begins on approval: 10,000. Month 2 begins on 10 February with 50,000 owed.
        var outstanding = SavingsKernel.Standing(new LoanTerms(100_000, Approved, 3, 1_000, ServiceChargeBasis.Outstanding), payments,
            new DateOnly(2026, 2, 14));
        Assert.Equal(15_000, outstanding.ChargesAccrued);
        Assert.Equal(5_000, outstanding.ChargeDue);
        Assert.Equal(50_000, outstanding.Outstanding);

        var original = SavingsKernel.Standing(new LoanTerms(100_000, Approved, 3, 1_000, ServiceChargeBasis.Original), payments,
            new DateOnly(2026, 2, 14));
        Assert.Equal(20_000, original.ChargesAccrued);
        Assert.Equal(10_000, original.ChargeDue);
    }

    [Fact]
    public void A_repaid_loan_accrues_no_more_and_a_written_off_one_owes_nothing()
    {
        var repaid = SavingsKernel.Standing(new LoanTerms(10_000, Approved, 3, 1_000, ServiceChargeBasis.Original),
            [new LoanMovement(new DateOnly(2026, 1, 20), 10_000, 1_000)], new DateOnly(2026, 6, 1));
        Assert.True(repaid.IsSettled);
        Assert.Equal(1_000, repaid.ChargesAccrued);

        var writtenOff = SavingsKernel.Standing(new LoanTerms(10_000, Approved, 3, 1_000, ServiceChargeBasis.Outstanding),
            [new LoanMovement(new DateOnly(2026, 3, 1), 10_000, 0, WriteOff: true)], new DateOnly(2026, 6, 1));
        Assert.Equal(0, writtenOff.Outstanding);
        Assert.Equal(0, writtenOff.ChargeDue);
        Assert.Equal(10_000, writtenOff.WrittenOff);
        Assert.False(writtenOff.IsLate);
    }

    [Fact]
    public void A_loan_owed_after_its_last_day_is_late_by_the_days_since()
    {
        var terms = new LoanTerms(10_000, Approved, 3, 0, ServiceChargeBasis.Outstanding);
        Assert.Equal(new DateOnly(2026, 4, 10), terms.DueOn);
        Assert.False(SavingsKernel.Standing(terms, [], new DateOnly(2026, 4, 10)).IsLate);
        var late = SavingsKernel.Standing(terms, [], new DateOnly(2026, 5, 11));
        Assert.True(late.IsLate);
        Assert.Equal(31, late.DaysLate);
        Assert.False(SavingsKernel.Standing(terms, [new LoanMovement(new DateOnly(2026, 4, 1), 10_000, 0)], new DateOnly(2026, 5, 11)).IsLate);
    }

    [Fact]
    public void Charges_are_rounded_to_the_nearest_minor_unit_with_halves_up()
    {
        Assert.Equal(3, SavingsKernel.MonthlyCharge(ServiceChargeBasis.Outstanding, 250, 100, 100)); // 2.5
        Assert.Equal(2, SavingsKernel.MonthlyCharge(ServiceChargeBasis.Outstanding, 249, 100, 100));
        Assert.Equal(0, SavingsKernel.MonthlyCharge(ServiceChargeBasis.Outstanding, 0, 100, 100));
        Assert.Equal(0, SavingsKernel.MonthlyCharge(ServiceChargeBasis.Outstanding, 1_000, 100, 0));
        Assert.Equal(10, SavingsKernel.MonthlyCharge(ServiceChargeBasis.Original, 1_000, 100, 0));
    }

    [Fact]
    public void A_lottery_order_is_the_same_with_the_same_seed_holds_everyone_once_and_moves_with_the_seed()
    {
        var members = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        var first = SavingsKernel.LotteryOrder(members, 42);
        Assert.Equal(first, SavingsKernel.LotteryOrder(members.AsEnumerable().Reverse(), 42));
        Assert.Equal(members.Order(), first.Order());
        Assert.NotEqual(first, SavingsKernel.LotteryOrder(members, 43));

        // Fair: over many seeds, each member is first about as often as any other.
        var firsts = Enumerable.Range(0, 4_000).Select(s => SavingsKernel.LotteryOrder(members.Take(4), s)[0])
            .GroupBy(m => m).Select(g => g.Count()).ToList();
        Assert.Equal(4, firsts.Count);
        Assert.All(firsts, n => Assert.InRange(n, 850, 1_150));
    }

    [Fact]
    public void Nobody_receives_twice_in_a_cycle()
    {
        var order = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        Assert.Equal(order[0], SavingsKernel.NextReceiver(order, []));
        Assert.Equal(order[2], SavingsKernel.NextReceiver(order, [order[0], order[1]]));
        Assert.Null(SavingsKernel.NextReceiver(order, order));
        Assert.Equal([order[1]], SavingsKernel.StillToReceive(order, [order[0], order[2]]));
    }
}
