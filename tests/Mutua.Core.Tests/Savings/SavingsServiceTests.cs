using Microsoft.EntityFrameworkCore;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

public sealed class SavingsServiceTests : SavingsTestBase
{
    [Fact]
    public async Task A_group_is_made_with_its_members_its_rules_and_its_creator_as_first_secretary()
    {
        var made = await GroupAsync();
        var read = (await Group(W.Bosco, made.Id)).Ok();
        Assert.Equal("Twisungane", read.Name);
        Assert.Equal("RWF", read.Currency);
        Assert.Equal(10, read.Members.Count);
        Assert.Equal([SavingsOfficerRole.Secretary], read.Members.Single(m => m.PersonId == W.Amina.Id).Roles);
        Assert.All(read.Members.Where(m => m.PersonId != W.Amina.Id), m => Assert.Empty(m.Roles));
        Assert.Equal(500, read.Constitution.SharePrice);
        Assert.Equal(10m, read.Constitution.ServiceChargePercent);
        Assert.Equal(3, read.Constitution.LoanMultiple);
        Assert.False(read.Constitution.ShareOutSocialFund);
        Assert.Equal(["absent", "late"], read.Constitution.Fines.Select(f => f.Name));
        Assert.Equal(1, read.CycleNumber);
        Assert.False(read.CanRecord);
        Assert.True((await Group(W.Amina, made.Id)).Ok().CanRecord);
    }

    [Fact]
    public async Task A_vsla_needs_10_to_25_members_of_the_community_and_rules_within_the_methodology()
    {
        await GroupAsync(name: "First");
        var ten = People.Take(10).Select(p => p.Id).ToList();
        (await Create(W.Amina, new(W.Kimironko.Id, "Small", SavingsGroupKind.Vsla, ten.Take(9).ToList(), Rules))).Fails(Failure.SavingsMembersOutOfRange);
        (await Create(W.Amina, new(W.Kimironko.Id, "Big", SavingsGroupKind.Vsla, People.Select(p => p.Id).ToList(), Rules))).Fails(Failure.SavingsMembersOutOfRange);
        (await Create(W.Amina, new(W.Kimironko.Id, "Mixed", SavingsGroupKind.Vsla, [.. ten.Take(9), W.Dora.Id], Rules))).Fails(Failure.NotSavingsMember);
        (await Create(W.Amina, new(W.Kimironko.Id, "Pricey", SavingsGroupKind.Vsla, ten, Rules with { SharePrice = 0 }))).Fails(Failure.InvalidConstitution);
        (await Create(W.Amina, new(W.Kimironko.Id, "Six", SavingsGroupKind.Vsla, ten, Rules with { MaxSharesPerMeeting = 6 }))).Fails(Failure.InvalidConstitution);
        (await Create(W.Amina, new(W.Kimironko.Id, "Fine", SavingsGroupKind.Vsla, ten, Rules with { ServiceChargePercent = 2.555m }))).Fails(Failure.InvalidConstitution);
        (await Create(W.Amina, new(W.Kimironko.Id, "First", SavingsGroupKind.Vsla, ten, Rules))).Fails(Failure.NameTaken);
        (await Create(W.Dora, new(W.Kimironko.Id, "Outsider", SavingsGroupKind.Vsla, ten, Rules))).Fails(Failure.NotFound);
        Assert.Equal(1, await Host.CountAsync<SavingsGroup>());
    }

    [Fact]
    public async Task GH_23_style_a_payment_buys_whole_shares_and_the_passbook_reads_them_back()
    {
        var g = await GroupAsync();
        var date = NextWeek();
        (await Meet(W.Amina, g.Id, new MeetingInput(date, BoxCash: 2_000 + 200,
            Shares: [new SharesInput(P(1), 0, Payment: 2_300)], SocialFund: [new AmountInput(P(1), 200)]))).Ok();

        var book = (await Passbook(W.Jean, g.Id, P(1))).Ok();
        Assert.Equal(4, book.Shares);
        Assert.Equal(2_000, book.Savings);
        Assert.Equal(200, book.SocialFundPaidIn);
        Assert.Equal(6_000, book.LoanLimit);
        Assert.Equal([SavingsEntryKind.SharePurchase, SavingsEntryKind.SocialFundContribution], book.Lines.Select(l => l.Kind));
        var read = (await Group(W.Amina, g.Id)).Ok();
        Assert.Equal(new SavingsBalances(2_000, 200, 0, 2_200, 4, 2_000), read.Balances);
    }

    [Fact]
    public async Task The_same_meeting_sent_twice_with_one_key_is_recorded_once_but_another_person_or_group_with_it_is_not_the_same()
    {
        var g = await GroupAsync();
        var other = await GroupAsync(name: "Abishyizehamwe");
        var date = NextWeek();
        var meeting = new MeetingInput(date, 1_000, Shares: [new SharesInput(P(2), 2)],
            Attendance: [new AttendanceInput(P(2), Attendance.InPerson), new AttendanceInput(P(3), Attendance.Absent)]);

        var first = (await Meet(W.Amina, g.Id, meeting, "phone-1")).Ok();
        var again = (await Meet(W.Amina, g.Id, meeting, "phone-1")).Ok();
        Assert.False(first.Repeated);
        Assert.True(again.Repeated);
        Assert.Equal(first.MeetingId, again.MeetingId);
        Assert.Single((await Group(W.Amina, g.Id)).Ok().Meetings);
        Assert.Equal(2, (await Passbook(W.Amina, g.Id, P(2))).Ok().Shares);

        // Bosco is chosen treasurer; his phone's key is his own.
        (await Meet(W.Amina, g.Id, new MeetingInput(date, 1_000, Decisions: new(Officers: [new OfficerInput(W.Bosco.Id, SavingsOfficerRole.Treasurer)])))).Ok();
        var bosco = (await Meet(W.Bosco, g.Id, meeting with { BoxCash = 2_000 }, "phone-1")).Ok();
        Assert.False(bosco.Repeated);
        Assert.NotEqual(first.MeetingId, bosco.MeetingId);
        var elsewhere = (await Meet(W.Amina, other.Id, meeting, "phone-1")).Ok();
        Assert.False(elsewhere.Repeated);

        Assert.Equal(3, (await Group(W.Amina, g.Id)).Ok().Meetings.Count);
        Assert.Equal(4, (await Passbook(W.Amina, g.Id, P(2))).Ok().Shares);
        Assert.Equal(2, (await Passbook(W.Amina, other.Id, P(2))).Ok().Shares);
        Assert.Equal(2, await Host.Db(db => db.SavingsAttendance.CountAsync(a => a.MeetingId == first.MeetingId)));
    }

    [Fact]
    public async Task Only_officers_write_the_books_and_only_members_read_them()
    {
        var g = await GroupAsync();
        var date = NextWeek();
        (await Meet(W.Bosco, g.Id, new MeetingInput(date, 0))).Fails(Failure.Forbidden);
        (await Meet(W.Dora, g.Id, new MeetingInput(date, 0))).Fails(Failure.NotFound);
        (await Group(W.Claude, g.Id)).Fails(Failure.NotFound);
        (await Group(W.Dora, g.Id)).Fails(Failure.NotFound);
        (await Passbook(W.Claude, g.Id, W.Amina.Id)).Fails(Failure.NotFound);
        (await Preview(W.Dora, g.Id)).Fails(Failure.NotFound);
        (await Passbook(W.Bosco, g.Id, W.Claude.Id)).Fails(Failure.NotFound);
        Assert.Equal(0, await Host.CountAsync<SavingsMeeting>());
    }

    [Fact]
    public async Task A_loan_over_the_limit_or_longer_than_the_rules_is_refused_and_the_meeting_writes_nothing()
    {
        var g = await GroupAsync();
        var d1 = NextWeek();
        // Every member buys 5 shares: 10 × 2,500 = 25,000 in the loan fund; Bosco may borrow up to 7,500.
        var all = People.Take(10).Select(p => new SharesInput(p.Id, 5)).ToList();
        (await Meet(W.Amina, g.Id, new MeetingInput(d1, 25_000, Shares: all))).Ok();
        var d2 = NextWeek();

        (await Meet(W.Amina, g.Id, new MeetingInput(d2, 25_000 - 7_501, Loans: [new LoanRequestInput(P(1), 7_501)]))).Fails(Failure.LoanOverLimit);
        (await Meet(W.Amina, g.Id, new MeetingInput(d2, 25_000 - 1_000, Loans: [new LoanRequestInput(P(1), 1_000, Months: 4)]))).Fails(Failure.LoanTermTooLong);
        (await Meet(W.Amina, g.Id, new MeetingInput(d2, 25_000, Shares: [new SharesInput(P(1), 6)]))).Fails(Failure.TooManyShares);
        Assert.Equal(1, await Host.CountAsync<SavingsMeeting>());
        Assert.Equal(0, await Host.CountAsync<SavingsLoan>());
        Assert.Equal(10, await Host.CountAsync<SavingsEntry>());

        var ok = (await Meet(W.Amina, g.Id, new MeetingInput(d2, 25_000 - 7_500, Loans: [new LoanRequestInput(P(1), 7_500)]))).Ok();
        var loan = Assert.Single(ok.Loans);
        Assert.Equal(7_500, loan.Amount);
        Assert.Equal(7_500, loan.Outstanding);
        Assert.Equal(750, loan.ChargeDue);
        Assert.Equal(d2.AddMonths(3), loan.DueOn);
        Assert.Equal(0, ok.BoxDifference);
        var book = (await Passbook(W.Bosco, g.Id, P(1))).Ok();
        Assert.Equal(0, book.LoanLimit);
        Assert.Equal(7_500, Assert.Single(book.Loans).Outstanding);
    }

    [Fact]
    public async Task Repayments_split_into_principal_and_charge_and_the_box_difference_is_recorded_not_hidden()
    {
        var g = await GroupAsync();
        var d1 = NextWeek();
        (await Meet(W.Amina, g.Id, new MeetingInput(d1, 25_000, Shares: [.. People.Take(10).Select(p => new SharesInput(p.Id, 5))]))).Ok();
        var d2 = NextWeek();
        var loanId = Assert.Single((await Meet(W.Amina, g.Id, new MeetingInput(d2, 20_000, Loans: [new LoanRequestInput(P(2), 5_000)]))).Ok().Loans).Id;
        var d3 = NextWeek();
        // 2,000 principal, 500 charge and a 100 fine come in: 22,600 expected; 22,500 is counted.
        var r = (await Meet(W.Amina, g.Id, new MeetingInput(d3, 22_500, Repayments: [new RepaymentInput(loanId, 2_000, 500)],
            Fines: [new ReasonedAmountInput(P(3), 100, "late")]))).Ok();
        Assert.Equal(-100, r.BoxDifference);
        Assert.Equal(22_500, r.Balances.BoxCash);
        var loan = Assert.Single(r.Loans);
        Assert.Equal(3_000, loan.Outstanding);
        Assert.Equal(500, loan.ChargesPaid);
        Assert.Equal(0, loan.ChargeDue);

        var entries = await Host.Db(db => db.SavingsEntries.Where(e => e.MeetingId == r.MeetingId).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([SavingsEntryKind.Fine, SavingsEntryKind.RepaymentPrincipal, SavingsEntryKind.ServiceCharge, SavingsEntryKind.BoxDifference],
            entries.Select(e => e.Kind));
        Assert.Equal((SavingsAccount.Losses, SavingsAccount.LoanFund, 100L), (entries[^1].DebitAccount, entries[^1].CreditAccount, entries[^1].Amount));

        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 22_500, Repayments: [new RepaymentInput(loanId, 3_001, 0)]))).Fails(Failure.InvalidRepayment);
    }

    [Fact]
    public async Task A_correction_is_a_reversing_entry_and_the_entry_it_corrects_stays()
    {
        var g = await GroupAsync();
        var d1 = NextWeek();
        (await Meet(W.Amina, g.Id, new MeetingInput(d1, 2_500, Shares: [new SharesInput(P(4), 5)]))).Ok();
        var wrong = (await Passbook(W.Amina, g.Id, P(4))).Ok().Lines.Single();

        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 1_500, Shares: [new SharesInput(P(4), 3)],
            Decisions: new(Corrections: [wrong.EntryId])))).Ok();

        var book = (await Passbook(W.Amina, g.Id, P(4))).Ok();
        Assert.Equal(3, book.Shares);
        Assert.Equal(1_500, book.Savings);
        Assert.Equal(3, book.Lines.Count);
        Assert.True(book.Lines.Single(l => l.EntryId == wrong.EntryId).Reversed);
        var reversal = book.Lines.Single(l => l.Kind == SavingsEntryKind.Reversal);
        Assert.Equal((2_500L, -5), (reversal.Amount, reversal.Shares));
        var stored = await Host.Db(db => db.SavingsEntries.SingleAsync(e => e.ReversesId == wrong.EntryId));
        Assert.Equal((SavingsAccount.Savings, SavingsAccount.LoanFund), (stored.DebitAccount, stored.CreditAccount));
        // Correcting it twice is refused.
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 1_500, Decisions: new(Corrections: [wrong.EntryId])))).Fails(Failure.NotFound);
    }

    [Fact]
    public async Task The_constitution_changes_only_by_a_meetings_recorded_decision()
    {
        var g = await GroupAsync();
        var m = (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 0,
            Decisions: new(Constitution: new ConstitutionChange(LoanMultiple: 2, ServiceChargePercent: 5))))).Ok();
        var read = (await Group(W.Amina, g.Id)).Ok();
        Assert.Equal(2, read.Constitution.LoanMultiple);
        Assert.Equal(5m, read.Constitution.ServiceChargePercent);
        var decision = await Host.Db(db => db.SavingsDecisions.SingleAsync(d => d.MeetingId == m.MeetingId));
        Assert.Equal(SavingsDecisionKind.ConstitutionChanged, decision.Kind);
        Assert.Contains("loanMultiple: 3 → 2", decision.Text);
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 0,
            Decisions: new(Constitution: new ConstitutionChange(MaxSharesPerMeeting: 7))))).Fails(Failure.InvalidConstitution);
    }

    [Fact]
    public async Task A_write_off_is_a_meetings_decision_and_a_leaver_gets_their_savings_less_their_loans()
    {
        var g = await GroupAsync();
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 25_000, Shares: [.. People.Take(10).Select(p => new SharesInput(p.Id, 5))]))).Ok();
        var loans = (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 25_000 - 3_000 - 1_000,
            Loans: [new LoanRequestInput(P(5), 3_000), new LoanRequestInput(P(6), 1_000)]))).Ok().Loans;
        var p5Loan = loans.Single(l => l.PersonId == P(5)).Id;
        var p6Loan = loans.Single(l => l.PersonId == P(6)).Id;

        // Neighbour5's loan is written off; Neighbour6 leaves: 2,500 savings less the 1,000 loan, and the meeting pays 1,500.
        var m = (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 21_000 - 1_500,
            Decisions: new(WriteOffs: [p5Loan], Leaving: [new LeavingInput(P(6), 1_500)])))).Ok();
        Assert.Equal(0, m.BoxDifference);
        Assert.All(m.Loans, l => Assert.Equal(0, l.Outstanding));
        Assert.True(m.Loans.Single(l => l.Id == p5Loan).WrittenOff);
        Assert.False(m.Loans.Single(l => l.Id == p6Loan).WrittenOff);
        var read = (await Group(W.Amina, g.Id)).Ok();
        Assert.False(read.Members.Single(x => x.PersonId == P(6)).Active);
        Assert.Equal(45, read.Balances.Shares);
        var kinds = await Host.Db(db => db.SavingsDecisions.Where(d => d.MeetingId == m.MeetingId).Select(d => d.Kind).ToListAsync());
        Assert.Equal([SavingsDecisionKind.MemberLeft, SavingsDecisionKind.LoanWrittenOff], kinds.Order());
        // A leaver records nothing more.
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 19_500, Shares: [new SharesInput(P(6), 1)]))).Fails(Failure.NotSavingsMember);
    }

    [Fact]
    public async Task The_share_out_pays_shares_times_value_carries_the_remainder_and_members_reinvest_into_the_next_cycle()
    {
        var g = await GroupAsync();
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 23_500 + 2_000,
            Shares: [.. People.Take(10).Select((p, i) => new SharesInput(p.Id, i < 9 ? 5 : 2))],
            SocialFund: [.. People.Take(10).Select(p => new AmountInput(p.Id, 200))]))).Ok();
        // 23,500 of shares (47 shares); a loan of 3,000 repaid with 1,001 of charges: 24,501 in the loan fund.
        var loan = Assert.Single((await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 23_500 - 3_000 + 2_000,
            Loans: [new LoanRequestInput(P(0), 3_000)]))).Ok().Loans).Id;
        var preview = (await Preview(W.Bosco, g.Id)).Ok();
        Assert.Equal(3_000, preview.LoansOutstanding);
        Assert.False(preview.CanClose);
        (await Close(W.Amina, g.Id, new CloseCycleInput(NextWeek()))).Fails(Failure.LoansOutstanding);
        (await Meet(W.Amina, g.Id, new MeetingInput(Today, 24_501 + 2_000, Repayments: [new RepaymentInput(loan, 3_000, 1_001)]))).Ok();

        preview = (await Preview(W.Amina, g.Id)).Ok();
        Assert.True(preview.CanClose);
        Assert.Equal(47, preview.TotalShares);
        Assert.Equal(24_501, preview.LoanFundCash);
        Assert.Equal(521.2978m, preview.ValuePerShare);
        Assert.Equal(2_606, preview.Payouts.Single(p => p.PersonId == P(1)).Payout); // ⌊5 × 24,501 ÷ 47⌋
        Assert.Equal(24_501, preview.Payouts.Sum(p => p.Payout) + preview.Remainder);
        Assert.Equal(2_000, preview.SocialFundBalance);

        var closed = (await Close(W.Amina, g.Id, new CloseCycleInput(NextWeek(), Reinvest: [new ReinvestInput(P(1), 2_606)],
            Leaving: [P(9)]), "close-1")).Ok();
        var again = (await Close(W.Amina, g.Id, new CloseCycleInput(Today), "close-1")).Ok();
        Assert.True(again.Repeated);
        Assert.Equal(closed.ShareOut.Payouts.Select(p => p.Payout), again.ShareOut.Payouts.Select(p => p.Payout));
        Assert.Equal(closed.ShareOut.Remainder, again.ShareOut.Remainder);

        var next = (await Group(W.Amina, g.Id)).Ok();
        Assert.Equal(2, next.CycleNumber);
        Assert.Equal(closed.NextCycleId, next.CycleId);
        Assert.False(next.Members.Single(m => m.PersonId == P(9)).Active);
        // Bosco's 2,606 buys 5 shares (2,500); the 106 left was paid out to him.
        var bosco = (await Passbook(W.Bosco, g.Id, P(1))).Ok();
        Assert.Equal(5, bosco.Shares);
        Assert.Equal(2_500, bosco.Savings);
        // The new cycle opens with the remainder, the social fund untouched, and the reinvested shares.
        Assert.Equal(closed.ShareOut.Remainder + 2_500, next.Balances.LoanFund);
        Assert.Equal(2_000, next.Balances.SocialFund);
        Assert.Equal(next.Balances.LoanFund + 2_000, next.Balances.BoxCash);
        Assert.Equal(2, await Host.CountAsync<SavingsCycle>());
    }

    [Fact]
    public async Task A_members_own_savings_for_a_check_in_are_their_passbooks_savings_of_the_open_cycle()
    {
        var g = await GroupAsync();
        var second = await GroupAsync(name: "Abishyizehamwe");
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 2_000 + 1_000,
            Shares: [new SharesInput(P(1), 4), new SharesInput(P(2), 2)]))).Ok();
        (await Meet(W.Amina, second.Id, new MeetingInput(Today, 500, Shares: [new SharesInput(P(1), 1)]))).Ok();

        var mine = await OwnSavings(W.Bosco, "RWF");
        Assert.Equal([("Abishyizehamwe", 500L), ("Twisungane", 2_000L)], mine.Select(m => (m.GroupName, m.Savings)));
        Assert.Equal((await Passbook(W.Bosco, g.Id, P(1))).Ok().Savings, mine.Single(m => m.GroupId == g.Id).Savings);
        Assert.Empty(await OwnSavings(W.Bosco, "USD"));
        Assert.Empty(await OwnSavings(W.Dora, "RWF"));

        // After the share-out only the new cycle counts: Bosco's reinvested 1,000 is 2 shares of it.
        (await Close(W.Amina, g.Id, new CloseCycleInput(NextWeek(), Reinvest: [new ReinvestInput(P(1), 1_000)]))).Ok();
        mine = await OwnSavings(W.Bosco, "RWF");
        Assert.Equal(1_000, mine.Single(m => m.GroupId == g.Id).Savings);
        Assert.Equal((await Passbook(W.Bosco, g.Id, P(1))).Ok().Savings, mine.Single(m => m.GroupId == g.Id).Savings);
    }

    // A box found far short leaves the loan fund below zero. The group must still meet and bring money in; it may
    // not lend, or pay out, from a fund that is short.
    [Fact]
    public async Task After_a_box_found_short_the_group_still_meets_but_lends_nothing_from_a_short_fund()
    {
        var g = await GroupAsync();
        // 2,000 of shares and 200 to the social fund, and an empty box: 2,200 short, all of it from the loan fund.
        var shortBox = (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 0,
            Shares: [new SharesInput(P(1), 4)], SocialFund: [new AmountInput(P(1), 200)]))).Ok();
        Assert.Equal(-2_200, shortBox.BoxDifference);
        Assert.Equal(-200, shortBox.Balances.LoanFund);

        // A fine comes in (the fund goes from −200 to −100; the box holds the social fund's 200 less that): recorded.
        var fine = (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 100, Fines: [new ReasonedAmountInput(P(2), 100, "late")]))).Ok();
        Assert.Equal(-100, fine.Balances.LoanFund);
        // A loan while the fund is still short: refused, even with money coming in.
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 100 + 100 - 50,
            Fines: [new ReasonedAmountInput(P(2), 100, "late")], Loans: [new LoanRequestInput(P(1), 50)]))).Fails(Failure.LoanFundShort);
        // Once shares bring the fund above zero, lending within it is fine again.
        var lent = (await Meet(W.Amina, g.Id, new MeetingInput(Today, 100 + 500 - 300,
            Shares: [new SharesInput(P(3), 1)], Loans: [new LoanRequestInput(P(1), 300)]))).Ok();
        Assert.Equal(100, lent.Balances.LoanFund);
    }
}
