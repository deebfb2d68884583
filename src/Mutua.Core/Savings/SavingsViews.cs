namespace Mutua.Core.Savings;

// ---- what a caller sends

/// <summary>A fine the constitution sets, by name, and its amount in minor units.</summary>
public sealed record FineRuleInput(string Name, long Amount);

/// <summary>
/// A cycle's constitution. The service charge is a percent per month with at most two decimals (2.5 = 2.5 %).
/// For a rotating group <see cref="SharePrice"/> is each member's contribution per round.
/// </summary>
public sealed record ConstitutionInput(
    long SharePrice,
    int MaxSharesPerMeeting = SavingsCycle.MaxSharesPerMeetingLimit,
    long SocialFundPerMeeting = 0,
    decimal ServiceChargePercent = 0,
    ServiceChargeBasis ServiceChargeBasis = ServiceChargeBasis.Outstanding,
    int LoanMultiple = SavingsCycle.DefaultLoanMultiple,
    int MaxLoanMonths = SavingsCycle.DefaultMaxLoanMonths,
    bool ShareOutSocialFund = false,
    IReadOnlyList<FineRuleInput>? Fines = null,
    RoscaPayoutOrder PayoutOrder = RoscaPayoutOrder.Fixed,
    decimal CommissionPercent = 0,
    bool DividendToWinner = true);

public sealed record NewSavingsGroup(Guid CommunityId, string Name, SavingsGroupKind Kind, IReadOnlyList<Guid> Members,
    ConstitutionInput Constitution);

public sealed record AttendanceInput(Guid PersonId, Attendance Status);

/// <summary>Shares bought: a <see cref="Count"/>, or a <see cref="Payment"/> that buys ⌊payment ÷ price⌋ of them.</summary>
public sealed record SharesInput(Guid PersonId, int Count, long? Payment = null);

public sealed record AmountInput(Guid PersonId, long Amount);

/// <summary>A social-fund payout or a fine: whose, how much, and why.</summary>
public sealed record ReasonedAmountInput(Guid PersonId, long Amount, string? Reason);

/// <summary>
/// A loan the meeting approved; its length defaults to the constitution's longest loan. <see cref="ProjectId"/>: the
/// borrower's own project the loan is for (their household's, or one they started), which may then say it is
/// "backed by our savings group" if its family chooses.
/// </summary>
public sealed record LoanRequestInput(Guid PersonId, long Amount, int? Months = null, Guid? ProjectId = null);

/// <summary>A published project of a member's household, that a loan to that member may be for.</summary>
public sealed record LoanProjectChoice(Guid ProjectId, Guid PersonId, string FirstName, string Title, string Language);

public sealed record RepaymentInput(Guid LoanId, long Principal, long Charge);

/// <summary>A rule the meeting changed; null leaves it as it is. The share price is fixed for the cycle.</summary>
public sealed record ConstitutionChange(
    int? MaxSharesPerMeeting = null,
    long? SocialFundPerMeeting = null,
    decimal? ServiceChargePercent = null,
    ServiceChargeBasis? ServiceChargeBasis = null,
    int? LoanMultiple = null,
    int? MaxLoanMonths = null,
    bool? ShareOutSocialFund = null,
    IReadOnlyList<FineRuleInput>? Fines = null);

/// <summary>A member leaving mid-cycle with what the meeting decided to pay them (at most their savings less their loans).</summary>
public sealed record LeavingInput(Guid PersonId, long Payout);

public sealed record OfficerInput(Guid PersonId, SavingsOfficerRole Role);

/// <summary>What a meeting decided besides its money: each one is kept in the group's record of decisions.</summary>
public sealed record MeetingDecisions(
    ConstitutionChange? Constitution = null,
    IReadOnlyList<Guid>? Joining = null,
    IReadOnlyList<LeavingInput>? Leaving = null,
    IReadOnlyList<Guid>? WriteOffs = null,
    IReadOnlyList<OfficerInput>? Officers = null,
    IReadOnlyList<Guid>? Corrections = null);

/// <summary>A meeting's record, all of it written in one transaction or none of it.</summary>
public sealed record MeetingInput(
    DateOnly Date,
    long BoxCash,
    IReadOnlyList<AttendanceInput>? Attendance = null,
    IReadOnlyList<SharesInput>? Shares = null,
    IReadOnlyList<AmountInput>? SocialFund = null,
    IReadOnlyList<ReasonedAmountInput>? SocialFundPayouts = null,
    IReadOnlyList<ReasonedAmountInput>? Fines = null,
    IReadOnlyList<LoanRequestInput>? Loans = null,
    IReadOnlyList<RepaymentInput>? Repayments = null,
    MeetingDecisions? Decisions = null,
    RoundPayoutInput? RoundPayout = null);

/// <summary>
/// A rotating group's round: the pot (every contribution of the round) goes to its receiver, who must be next in the order.
/// In a bidding group the receiver is the round's winner, who has not received this cycle, and <paramref name="Discount"/>
/// (minor units) is what they gave up to win: the winner takes the pot less it, the organiser their commission out of it,
/// and the rest is shared as a dividend.
/// </summary>
public sealed record RoundPayoutInput(Guid PersonId, long? Discount = null);

/// <summary>
/// A place in a rotating group's order, and whether its pot was paid. In a bidding group, a round already won, with the
/// winning discount, each member's dividend, and what a sharing member's next instalment comes to once it is taken off.
/// </summary>
public sealed record RoscaTurnView(int Round, Guid PersonId, bool Paid, long Discount = 0, long DividendEach = 0, long NextInstalment = 0);

/// <summary>A member reinvesting part of their payout as their first shares of the next cycle.</summary>
public sealed record ReinvestInput(Guid PersonId, long Amount);

/// <summary>
/// The share-out meeting: the date, who reinvests how much, who leaves with their payout, and the next cycle's
/// constitution (the same as this one when null).
/// </summary>
public sealed record CloseCycleInput(DateOnly Date, IReadOnlyList<ReinvestInput>? Reinvest = null, IReadOnlyList<Guid>? Leaving = null,
    ConstitutionInput? NextConstitution = null);

// ---- what the service answers

public sealed record ConstitutionView(long SharePrice, int MaxSharesPerMeeting, long SocialFundPerMeeting, decimal ServiceChargePercent,
    ServiceChargeBasis ServiceChargeBasis, int LoanMultiple, int MaxLoanMonths, bool ShareOutSocialFund, IReadOnlyList<FineRuleInput> Fines,
    RoscaPayoutOrder PayoutOrder, decimal CommissionPercent, bool DividendToWinner);

public sealed record SavingsMemberView(Guid PersonId, string FirstName, bool Active, IReadOnlyList<SavingsOfficerRole> Roles);

/// <summary>A group's balances of the open cycle, derived from the journal.</summary>
/// <param name="Pot">A rotating group's pot: this round's contributions not paid out yet (and what rounding a dividend left).</param>
public sealed record SavingsBalances(long LoanFund, long SocialFund, long LoansOutstanding, long BoxCash, int Shares, long Savings, long Pot = 0);

public sealed record SavingsLoanView(Guid Id, Guid PersonId, long Amount, long Outstanding, long ChargeDue, long ChargesPaid,
    DateOnly ApprovedOn, DateOnly DueOn, bool IsLate, int DaysLate, bool WrittenOff, Guid? ProjectId = null);

public sealed record SavingsMeetingSummary(Guid Id, int Number, DateOnly Date, long BoxCash, int Attended);

public sealed record SavingsGroupView(Guid Id, Guid CommunityId, string Name, SavingsGroupKind Kind, string Currency, Guid CycleId,
    int CycleNumber, ConstitutionView Constitution, IReadOnlyList<SavingsMemberView> Members, SavingsBalances Balances,
    IReadOnlyList<SavingsLoanView> Loans, IReadOnlyList<SavingsMeetingSummary> Meetings, bool CanRecord);

/// <summary>
/// A recorded meeting and the balances after it. <see cref="Repeated"/> says the same key had recorded it before:
/// nothing was written this time. <see cref="BoxDifference"/> is counted less expected, recorded as an entry.
/// </summary>
public sealed record MeetingRecord(Guid MeetingId, Guid GroupId, int Number, DateOnly Date, long BoxCash, long BoxDifference,
    SavingsBalances Balances, IReadOnlyList<SavingsLoanView> Loans, bool Repeated);

public sealed record PassbookLine(Guid EntryId, DateOnly Date, int? MeetingNumber, SavingsEntryKind Kind, long Amount, int Shares,
    Guid? LoanId, string? Reason, bool Reversed);

/// <summary>A person's savings in one of their groups (the value of their shares of the open cycle).</summary>
public sealed record OwnSavings(Guid GroupId, string GroupName, long Savings);

/// <summary>A member's passbook for the open cycle: shares, savings, loans, charges, fines, and the projected share-out.</summary>
public sealed record Passbook(Guid GroupId, string GroupName, Guid PersonId, string FirstName, string Currency, Guid CycleId, int Shares, long Savings,
    long SharePrice, long LoanLimit, IReadOnlyList<SavingsLoanView> Loans, long ChargesPaid, long FinesPaid, long SocialFundPaidIn,
    long ProjectedPayout, IReadOnlyList<PassbookLine> Lines);

/// <summary>
/// A share-out, previewed or done. While loans are still owed, the preview counts them as repaid
/// (<see cref="LoansOutstanding"/> says how much) and the cycle cannot close.
/// </summary>
public sealed record ShareOutView(Guid GroupId, string GroupName, Guid CycleId, string Currency, decimal ValuePerShare, int TotalShares,
    IReadOnlyList<ShareOutLine> Payouts, long Remainder, long SocialFundBalance, long LoanFundCash, long LoansOutstanding, bool CanClose,
    IReadOnlyList<SavingsMemberName> Members);

/// <summary>A member's first name, for a view whose lines carry person ids.</summary>
public sealed record SavingsMemberName(Guid PersonId, string FirstName);

public sealed record CycleClosedView(ShareOutView ShareOut, Guid MeetingId, Guid NextCycleId, int NextCycleNumber, bool Repeated);

/// <summary>Who came to a meeting, and how (a representative counts as present).</summary>
public sealed record MeetingAttendanceLine(Guid PersonId, string FirstName, Attendance Status);

/// <summary>
/// One entry of a meeting, as its sheet shows it: whose (null for the group's own, such as cash carried), how much, how many
/// shares, why. <see cref="Corrected"/> says a later meeting reversed it (it stays on the sheet, struck through, as on paper);
/// <see cref="Corrects"/> is what a correction made at this meeting took back.
/// </summary>
public sealed record MeetingSheetLine(Guid EntryId, Guid? PersonId, string? FirstName, SavingsEntryKind Kind, long Amount, int Shares, string? Reason,
    bool Corrected, SavingsEntryKind? Corrects = null);

/// <summary>A loan the meeting approved and paid out, with its length and due date.</summary>
public sealed record MeetingLoanLine(Guid LoanId, Guid PersonId, string FirstName, long Amount, int Months, DateOnly DueOn, bool Corrected);

/// <summary>What a borrower paid back on one loan at the meeting: principal and service charge.</summary>
public sealed record MeetingRepaymentLine(Guid LoanId, Guid PersonId, string FirstName, long Principal, long Charge, bool Corrected);

/// <summary>
/// One recorded meeting as the paper notebook's page for it, derived from the journal entries written at it: attendance,
/// shares (a rotating group's contributions), the social fund in and out, loans paid out, repayments, fines, anything
/// else written at it (corrections, write-offs, leavers, a share-out), and the box: cash counted against what the books
/// said, and the difference recorded. <see cref="Previous"/> and <see cref="Next"/> are the numbers of the meetings
/// either side, when there are.
/// </summary>
public sealed record MeetingSheet(Guid GroupId, string GroupName, SavingsGroupKind Kind, string Currency, Guid MeetingId, int Number,
    int CycleNumber, DateOnly Date, string RecordedBy, IReadOnlyList<MeetingAttendanceLine> Attendance, IReadOnlyList<MeetingSheetLine> Shares,
    IReadOnlyList<MeetingSheetLine> SocialFundIn, IReadOnlyList<MeetingSheetLine> SocialFundOut, IReadOnlyList<MeetingLoanLine> Loans,
    IReadOnlyList<MeetingRepaymentLine> Repayments, IReadOnlyList<MeetingSheetLine> Fines, IReadOnlyList<MeetingSheetLine> Other,
    long BoxCounted, long BoxByTheBooks, long BoxDifference, int? Previous, int? Next)
{
    /// <summary>The members present, in person or by a representative.</summary>
    public int Present => Attendance.Count(a => a.Status != global::Mutua.Core.Savings.Attendance.Absent);
}
