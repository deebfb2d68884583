using Mutua.Core.Accounts;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

/// <summary>
/// A recorded meeting read back as its sheet (issue 14, "what people see"): every figure comes from the entries written
/// at that meeting and no other, the box counted against the books, a line a later meeting corrected stays marked, and
/// a meeting of a closed cycle can still be read. Only the group's members read it.
/// </summary>
public sealed class MeetingSheetTests : SavingsTestBase
{
    private Task<Outcome<MeetingSheet>> Sheet(Person by, Guid groupId, int number) =>
        Host.Run<SavingsService, Outcome<MeetingSheet>>(async s => await s.MeetingSheetAsync(await As(by), groupId, number));

    [Fact]
    public async Task Each_meetings_sheet_holds_its_own_entries_and_the_box_against_the_books()
    {
        var g = await GroupAsync();
        var d1 = NextWeek();
        (await Meet(W.Amina, g.Id, new MeetingInput(d1, 22_500,
            Attendance: [.. People.Take(10).Select((p, i) => new AttendanceInput(p.Id, i == 9 ? Attendance.Absent : Attendance.InPerson))],
            Shares: [.. People.Take(9).Select(p => new SharesInput(p.Id, 5))]))).Ok();
        var d2 = NextWeek();
        (await Meet(W.Amina, g.Id, new MeetingInput(d2, 17_700, SocialFund: [new AmountInput(P(0), 200)],
            Loans: [new LoanRequestInput(P(2), 5_000)]))).Ok();
        var loan = (await Group(W.Amina, g.Id)).Ok().Loans.Single().Id;
        var d3 = NextWeek();
        // 2,500 repaid and a 100 fine come in, 100 goes out of the social fund: 20,200 expected, 20,100 counted.
        (await Meet(W.Amina, g.Id, new MeetingInput(d3, 20_100, Repayments: [new RepaymentInput(loan, 2_000, 500)],
            Fines: [new ReasonedAmountInput(P(3), 100, "late")], SocialFundPayouts: [new ReasonedAmountInput(P(4), 100, "funeral")]))).Ok();

        var first = (await Sheet(W.Bosco, g.Id, 1)).Ok();
        Assert.Equal((1, d1, 1, "Amina"), (first.Number, first.Date, first.CycleNumber, first.RecordedBy));
        Assert.Equal(10, first.Attendance.Count);
        Assert.Equal(9, first.Present);
        Assert.Equal(Attendance.Absent, first.Attendance.Single(a => a.PersonId == P(9)).Status);
        Assert.Equal((9, 45, 22_500L), (first.Shares.Count, first.Shares.Sum(s => s.Shares), first.Shares.Sum(s => s.Amount)));
        Assert.Empty(first.Loans);
        Assert.Equal((22_500L, 22_500L, 0L), (first.BoxCounted, first.BoxByTheBooks, first.BoxDifference));
        Assert.Equal(((int?)null, (int?)2), (first.Previous, first.Next));

        var second = (await Sheet(W.Amina, g.Id, 2)).Ok();
        Assert.Empty(second.Shares);
        Assert.Equal(((Guid?)P(0), 200L), (second.SocialFundIn.Single().PersonId, second.SocialFundIn.Single().Amount));
        var lent = second.Loans.Single();
        Assert.Equal((loan, P(2), "Jean", 5_000L, 3, d2.AddMonths(3)), (lent.LoanId, lent.PersonId, lent.FirstName, lent.Amount, lent.Months, lent.DueOn));

        var third = (await Sheet(W.Jean, g.Id, 3)).Ok();
        var repaid = third.Repayments.Single();
        Assert.Equal((loan, "Jean", 2_000L, 500L), (repaid.LoanId, repaid.FirstName, repaid.Principal, repaid.Charge));
        Assert.Equal(((Guid?)P(3), 100L, (string?)"late"), (third.Fines.Single().PersonId, third.Fines.Single().Amount, third.Fines.Single().Reason));
        Assert.Equal(((Guid?)P(4), 100L, (string?)"funeral"), (third.SocialFundOut.Single().PersonId, third.SocialFundOut.Single().Amount, third.SocialFundOut.Single().Reason));
        Assert.Equal((20_100L, 20_200L, -100L), (third.BoxCounted, third.BoxByTheBooks, third.BoxDifference));
        // The difference is the box's own line, not one of the other entries.
        Assert.Empty(third.Other);
        Assert.Equal(((int?)2, (int?)null), (third.Previous, third.Next));
    }

    [Fact]
    public async Task A_corrected_line_stays_marked_on_its_sheet_and_the_correction_is_on_the_later_one()
    {
        var g = await GroupAsync();
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 2_500, Shares: [new SharesInput(P(4), 5)]))).Ok();
        var wrong = (await Sheet(W.Amina, g.Id, 1)).Ok().Shares.Single();
        Assert.False(wrong.Corrected);
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 1_500, Shares: [new SharesInput(P(4), 3)],
            Decisions: new(Corrections: [wrong.EntryId])))).Ok();

        var first = (await Sheet(W.Amina, g.Id, 1)).Ok();
        Assert.True(first.Shares.Single().Corrected);
        var second = (await Sheet(W.Amina, g.Id, 2)).Ok();
        Assert.Equal((3, false), (second.Shares.Single().Shares, second.Shares.Single().Corrected));
        var correction = second.Other.Single();
        Assert.Equal((SavingsEntryKind.Reversal, (SavingsEntryKind?)SavingsEntryKind.SharePurchase, 2_500L, (Guid?)P(4)),
            (correction.Kind, correction.Corrects, correction.Amount, correction.PersonId));
    }

    [Fact]
    public async Task A_closed_cycles_meeting_is_still_read_and_only_members_read_any()
    {
        var g = await GroupAsync();
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 25_000, Shares: [.. People.Take(10).Select(p => new SharesInput(p.Id, 5))]))).Ok();
        (await Close(W.Amina, g.Id, new CloseCycleInput(NextWeek()))).Ok();
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 0))).Ok();

        var old = (await Sheet(W.Amina, g.Id, 1)).Ok();
        Assert.Equal((1, 25_000L), (old.CycleNumber, old.Shares.Sum(s => s.Amount)));
        // The share-out meeting: each member's payout among its other entries.
        var shareOut = (await Sheet(W.Amina, g.Id, 2)).Ok();
        Assert.Equal(25_000, shareOut.Other.Where(e => e.Kind == SavingsEntryKind.ShareOutPayout).Sum(e => e.Amount));
        Assert.Equal(2, (await Sheet(W.Amina, g.Id, 3)).Ok().CycleNumber);

        (await Sheet(W.Amina, g.Id, 4)).Fails(Failure.NotFound);
        (await Sheet(W.Amina, g.Id, 0)).Fails(Failure.NotFound);
        // A neighbour of the same community, not in the group: the group's meetings answer as if there were none.
        (await Sheet(People[10], g.Id, 1)).Fails(Failure.NotFound);
        (await Sheet(W.Amina, Guid.NewGuid(), 1)).Fails(Failure.NotFound);
    }
}
