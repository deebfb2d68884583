using CsCheck;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

/// <summary>
/// For random sequences of valid meetings (shares, social fund in and out, fines, loans, repayments, miscounted boxes,
/// corrected fines) recorded through the service and read back from the stored journal: the books balance, the box
/// holds what the ledger says, the share-out pays out exactly the loan fund's cash (payouts plus remainder), and the
/// social fund comes through the share-out untouched.
/// </summary>
public sealed class SavingsPropertyTests : SavingsTestBase
{
    public sealed record Plan(int[] Shares, bool[] Social, int Fined, int Borrower, int LoanPercent, int RepayPercent, int PayoutPercent,
        int BoxError, bool CorrectFine);

    private static readonly Gen<Plan> Meeting =
        Gen.Select(Gen.Int[0, 5].Array[10], Gen.Bool.Array[10], Gen.Int[-1, 9], Gen.Int[-1, 9], Gen.Int[1, 100],
            Gen.Select(Gen.Int[0, 100], Gen.Int[0, 100]), Gen.Int[-300, 300], Gen.Bool,
            (shares, social, fined, borrower, loan, percents, error, correct) =>
                new Plan(shares, social, fined, borrower, loan, percents.Item1, percents.Item2, error, correct));

    [Fact]
    public async Task For_any_sequence_of_valid_meetings_the_books_balance_the_box_matches_and_the_share_out_pays_the_loan_fund()
    {
        await GroupAsync(name: "Warm-up");
        await Meeting.List[1, 7].SampleAsync(async plans => await RunAsync(plans), iter: 12, threads: 1, seed: null);
    }

    private async Task RunAsync(List<Plan> plans)
    {
        var g = (await Create(W.Amina, new NewSavingsGroup(W.Kimironko.Id, $"G{Guid.NewGuid():N}"[..20], SavingsGroupKind.Vsla,
            [.. People.Take(10).Select(p => p.Id)], Rules))).Ok();
        long box = 0;
        foreach (var plan in plans)
        {
            var date = NextWeek();
            var before = (await Group(W.Amina, g.Id)).Ok();
            var shares = plan.Shares.Select((n, i) => new SharesInput(P(i), n)).Where(s => s.Count > 0).ToList();
            var social = plan.Social.Select((s, i) => (s, i)).Where(x => x.s).Select(x => new AmountInput(P(x.i), 200)).ToList();
            var fines = plan.Fined < 0 ? [] : new List<ReasonedAmountInput> { new(P(plan.Fined), 100, "late") };
            var repayments = before.Loans.Where(l => l.Outstanding > 0)
                .Select(l => new RepaymentInput(l.Id, l.Outstanding * plan.RepayPercent / 100, l.ChargeDue))
                .Where(r => r.Principal + r.Charge > 0).ToList();
            var inflow = shares.Sum(s => s.Count * 500L) + social.Sum(s => s.Amount) + fines.Sum(f => f.Amount)
                + repayments.Sum(r => r.Principal + r.Charge);
            var loanFundAfterInflow = before.Balances.LoanFund + shares.Sum(s => s.Count * 500L) + fines.Sum(f => f.Amount)
                + repayments.Sum(r => r.Principal + r.Charge);
            var loans = new List<LoanRequestInput>();
            if (plan.Borrower >= 0)
            {
                var book = (await Passbook(W.Amina, g.Id, P(plan.Borrower))).Ok();
                var repaidByThem = repayments.Where(r => before.Loans.Single(l => l.Id == r.LoanId).PersonId == P(plan.Borrower)).Sum(r => r.Principal);
                var limit = SavingsKernel.LoanLimit(book.Savings + plan.Shares[plan.Borrower] * 500L,
                    book.Loans.Sum(l => l.Outstanding) - repaidByThem, 3);
                var amount = Math.Min(limit, loanFundAfterInflow) * plan.LoanPercent / 100;
                if (amount > 0) loans.Add(new LoanRequestInput(P(plan.Borrower), amount));
            }
            var socialCash = before.Balances.SocialFund + social.Sum(s => s.Amount);
            var payouts = plan.PayoutPercent > 50 && socialCash > 0
                ? new List<ReasonedAmountInput> { new(P(0), Math.Max(1, socialCash * (plan.PayoutPercent - 50) / 50), "funeral") } : [];
            var corrections = new List<Guid>();
            long corrected = 0;
            if (plan.CorrectFine)
            {
                var fine = (await Host.Db(db => db.SavingsEntries.Where(e => e.GroupId == g.Id && e.Kind == SavingsEntryKind.Fine
                    && !db.SavingsEntries.Any(r => r.ReversesId == e.Id)).Select(e => new { e.Id, e.Amount }).ToListAsync())).FirstOrDefault();
                if (fine is not null && loanFundAfterInflow - loans.Sum(l => l.Amount) >= fine.Amount)
                {
                    corrections.Add(fine.Id);
                    corrected = fine.Amount;
                }
            }
            var expected = box + inflow - loans.Sum(l => l.Amount) - payouts.Sum(p => p.Amount) - corrected;
            var counted = Math.Max(0, expected + plan.BoxError);
            var recorded = (await Meet(W.Amina, g.Id, new MeetingInput(date, counted, Shares: shares, SocialFund: social,
                SocialFundPayouts: payouts, Fines: fines, Loans: loans, Repayments: repayments,
                Decisions: new MeetingDecisions(Corrections: corrections)))).Ok();
            Assert.Equal(counted - expected, recorded.BoxDifference);
            box = counted;
            await AssertBooksAsync(g.Id, box);
        }

        // Every loan is repaid, then the cycle is shared out.
        var open = (await Group(W.Amina, g.Id)).Ok();
        var last = open.Loans.Where(l => l.Outstanding > 0 || l.ChargeDue > 0).Select(l => new RepaymentInput(l.Id, l.Outstanding, l.ChargeDue)).ToList();
        box += last.Sum(r => r.Principal + r.Charge);
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), box, Repayments: last))).Ok();
        await AssertBooksAsync(g.Id, box);

        var before2 = (await Group(W.Amina, g.Id)).Ok();
        var preview = (await Preview(W.Amina, g.Id)).Ok();
        Assert.Equal(0, preview.LoansOutstanding);
        Assert.Equal(before2.Balances.LoanFund, preview.LoanFundCash);
        Assert.Equal(preview.LoanFundCash, preview.Payouts.Sum(p => p.Payout) + preview.Remainder);
        Assert.All(preview.Payouts, p => Assert.Equal(p.Shares * 500L, p.Savings));
        var closed = (await Close(W.Amina, g.Id, new CloseCycleInput(Today))).Ok();
        Assert.Equal(preview.Payouts.Select(p => p.Payout), closed.ShareOut.Payouts.Select(p => p.Payout));

        var after = (await Group(W.Amina, g.Id)).Ok();
        Assert.Equal(before2.Balances.SocialFund, after.Balances.SocialFund);
        Assert.Equal(preview.Remainder, after.Balances.LoanFund);
        Assert.Equal(preview.Remainder + before2.Balances.SocialFund, after.Balances.BoxCash);
        Assert.Equal(0, after.Balances.Shares);
        await AssertBooksAsync(g.Id, preview.Remainder + before2.Balances.SocialFund);
        // The closed cycle's accounts end at zero: everything was paid out or carried.
        var oldCycle = closed.ShareOut.CycleId;
        var books = await StoredBooksAsync(g.Id);
        Assert.Equal(0, books.LoanFundCash(oldCycle));
        Assert.Equal(0, books.SocialFundCash(oldCycle));
    }

    private Task<SavingsBooks> StoredBooksAsync(Guid groupId) => Host.Db(async db => SavingsBooks.Of(
        (await db.SavingsEntries.AsNoTracking().Where(e => e.GroupId == groupId).ToListAsync())
        .Select(e => new BookEntry(e.CycleId, e.DebitAccount, e.CreditAccount, e.PersonId, e.LoanId, e.Amount, e.Shares))));

    private async Task AssertBooksAsync(Guid groupId, long box)
    {
        var entries = await Host.Db(db => db.SavingsEntries.AsNoTracking().Where(e => e.GroupId == groupId).ToListAsync());
        Assert.All(entries, e => Assert.True(e.Amount > 0, $"{e.Kind} of {e.Amount}"));
        Assert.All(entries, e => Assert.Equal(SavingsBooks.SetOf(e.DebitAccount), SavingsBooks.SetOf(e.CreditAccount)));
        var books = await StoredBooksAsync(groupId);
        Assert.Equal(books.TotalDebits, books.TotalCredits);
        foreach (var set in new[] { 1, 2, 3 }) Assert.Equal(0, books.SetTotal(set));
        Assert.Equal(box, books.BoxCash);
        var read = (await Group(W.Amina, groupId)).Ok();
        Assert.Equal(box, read.Balances.BoxCash);
        Assert.Equal(read.Balances.Shares * 500L, read.Balances.Savings);
        Assert.True(read.Balances.LoanFund >= 0 && read.Balances.SocialFund >= 0);
        Assert.Equal(read.Balances.LoansOutstanding, read.Loans.Sum(l => l.Outstanding));
    }
}
