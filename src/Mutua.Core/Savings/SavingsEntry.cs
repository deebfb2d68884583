namespace Mutua.Core.Savings;

/// <summary>
/// The accounts of a group's books. Every account is kept per cycle (an entry names its cycle); the accounts
/// with a member or a loan are kept per member or per loan. The box holds the cash of every cycle: an old cycle's
/// cash is carried to the new one by a pair of entries, so a closed cycle's cash accounts end at zero.
/// </summary>
public enum SavingsAccount
{
    /// <summary>Cash of the loan fund, in the box (an asset).</summary>
    LoanFund = 1,
    /// <summary>Cash of the social fund, in the box (an asset).</summary>
    SocialFundCash = 2,
    /// <summary>What a loan's borrower still owes of its principal (an asset, per loan).</summary>
    Loan = 3,
    /// <summary>A member's shares: what the group owes them for the shares they bought (per member).</summary>
    Savings = 4,
    /// <summary>The members' social fund.</summary>
    SocialFund = 5,
    /// <summary>Service charges, fines and cash found over the records: the cycle's profit.</summary>
    Income = 6,
    /// <summary>Write-offs and cash missing from the box.</summary>
    Losses = 7,
    /// <summary>What was paid out to a member at the share-out or on leaving (per member).</summary>
    Payouts = 8,
    /// <summary>Brought from the cycle before, or carried to the next one.</summary>
    Carried = 9,
    /// <summary>A rotating group's pot: the round's contributions, in cash.</summary>
    Pot = 10,
    /// <summary>A rotating group's member's contributions (per member).</summary>
    Contributions = 11,
    /// <summary>A rotating group's pot paid to the round's receiver (per member).</summary>
    RoundPayouts = 12,
    /// <summary>A bidding group's organiser's commission.</summary>
    Commission = 13,
}

public enum SavingsEntryKind
{
    SharePurchase = 1,
    SocialFundContribution = 2,
    SocialFundPayout = 3,
    Disbursement = 4,
    RepaymentPrincipal = 5,
    ServiceCharge = 6,
    Fine = 7,
    WriteOff = 8,
    ShareOutPayout = 9,
    RemainderCarried = 10,
    BoxDifference = 11,
    SocialFundCarried = 12,
    SocialFundShareOut = 13,
    LeavingSettlement = 14,
    LeavingPayout = 15,
    LeavingKept = 16,
    Reversal = 17,
    Contribution = 18,
    RoundPayout = 19,
    Commission = 20,
    Dividend = 21,
}

/// <summary>
/// One movement in a group's append-only, double-entry journal: <see cref="Amount"/> minor units from
/// <see cref="CreditAccount"/> to <see cref="DebitAccount"/>. Never changed or deleted: a correction is a
/// reversing entry (<see cref="ReversesId"/>), and every balance is summed from the entries.
/// </summary>
public sealed class SavingsEntry
{
    public const int ReasonMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public Guid CycleId { get; set; }
    public Guid? MeetingId { get; set; }
    /// <summary>Orders the entries of a group: the meeting's date, then the order they were written in.</summary>
    public long Sequence { get; set; }
    public SavingsEntryKind Kind { get; set; }
    public SavingsAccount DebitAccount { get; set; }
    public SavingsAccount CreditAccount { get; set; }
    /// <summary>The member whose per-member account (Savings, Payouts, Contributions, RoundPayouts) the entry moves, or who paid or received.</summary>
    public Guid? PersonId { get; set; }
    /// <summary>The loan whose account the entry moves.</summary>
    public Guid? LoanId { get; set; }
    /// <summary>Minor units, always above zero.</summary>
    public long Amount { get; set; }
    /// <summary>Shares the entry adds to the member's count (a purchase) or takes away (a payout, a reversal).</summary>
    public int Shares { get; set; }
    public string? Reason { get; set; }
    public Guid? ReversesId { get; set; }
    public DateOnly Date { get; set; }
    public Guid RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
