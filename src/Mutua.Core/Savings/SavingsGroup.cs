namespace Mutua.Core.Savings;

/// <summary>A village savings and loan association (shares, loan fund, social fund) or a rotating group (one pot per round).</summary>
public enum SavingsGroupKind { Vsla = 1, Rosca = 2 }

/// <summary>What a member is chosen for. The member who creates the group is its first secretary.</summary>
public enum SavingsOfficerRole { Secretary = 1, Chair = 2, Treasurer = 3, KeyHolder = 4, MoneyCounter = 5 }

public enum Attendance { InPerson = 1, Representative = 2, Absent = 3 }

/// <summary>What a month's service charge is a percent of.</summary>
public enum ServiceChargeBasis { Outstanding = 1, Original = 2 }

/// <summary>How a rotating group chooses who receives each round's pot.</summary>
public enum RoscaPayoutOrder { Fixed = 1, Lottery = 2, Bidding = 3 }

/// <summary>
/// A savings group of one community, run by its members (issue 14). Its money is in the community's currency;
/// its books are its journal (<see cref="SavingsEntry"/>), never a stored balance.
/// </summary>
public sealed class SavingsGroup
{
    public const int NameMaxLength = 100;

    // The methodology's bounds on a group's size (VSL Associates: 10 to 25 members), in one place.
    public const int MinVslaMembers = 10;
    public const int MaxVslaMembers = 25;
    public const int MinRoscaMembers = 2;
    public const int MaxRoscaMembers = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommunityId { get; set; }
    public string Name { get; set; } = "";
    public SavingsGroupKind Kind { get; set; }
    /// <summary>ISO 4217: the community's currency when the group was made.</summary>
    public string Currency { get; set; } = "";
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static (int Min, int Max) MemberBounds(SavingsGroupKind kind) =>
        kind == SavingsGroupKind.Vsla ? (MinVslaMembers, MaxVslaMembers) : (MinRoscaMembers, MaxRoscaMembers);
}

/// <summary>A person in a savings group. Leaving (mid-cycle or at a share-out) is a meeting's decision; the row stays.</summary>
public sealed class SavingsMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public Guid PersonId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public Guid? LeftAtMeetingId { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
}

/// <summary>A member the group chose for a task; only officers write the group's books.</summary>
public sealed class SavingsOfficer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public Guid PersonId { get; set; }
    public SavingsOfficerRole Role { get; set; }
    public DateTimeOffset ChosenAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>
/// One cycle of a group (usually a year), from its first meeting to its share-out, with the constitution the
/// group agreed for it. The share price is fixed for the cycle; other rules change only by a meeting's
/// recorded decision (<see cref="SavingsDecision"/>).
/// </summary>
public sealed class SavingsCycle
{
    public const int DefaultLoanMultiple = 3;
    public const int DefaultMaxLoanMonths = 3;
    public const int MinSharesPerMeeting = 1;
    public const int MaxSharesPerMeetingLimit = 5;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public int Number { get; set; }
    /// <summary>The day of its first meeting, or of the share-out that closed the cycle before; no meeting is earlier.</summary>
    public DateOnly StartedOn { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? ClosedAtMeetingId { get; set; }

    /// <summary>Minor units. For a rotating group: each member's contribution per round.</summary>
    public long SharePrice { get; set; }
    public int MaxSharesPerMeeting { get; set; } = 5;
    public long SocialFundPerMeeting { get; set; }
    /// <summary>Per month, in hundredths of a percent (250 = 2.5 %), so no rate is ever a floating number.</summary>
    public int ServiceChargeBasisPoints { get; set; }
    public ServiceChargeBasis ServiceChargeBasis { get; set; } = ServiceChargeBasis.Outstanding;
    public int LoanMultiple { get; set; } = DefaultLoanMultiple;
    public int MaxLoanMonths { get; set; } = DefaultMaxLoanMonths;
    public bool ShareOutSocialFund { get; set; }

    public RoscaPayoutOrder PayoutOrder { get; set; } = RoscaPayoutOrder.Fixed;
    /// <summary>Bidding groups: the organiser's commission on the pot, in hundredths of a percent.</summary>
    public int CommissionBasisPoints { get; set; }
    /// <summary>Bidding groups: whether the round's winner shares in the dividend too.</summary>
    public bool DividendToWinner { get; set; } = true;
    /// <summary>Lottery groups: the seed the order was drawn with, kept so anyone can draw it again.</summary>
    public long? LotterySeed { get; set; }

    public List<SavingsFineRule> Fines { get; set; } = [];
}

/// <summary>A fine the constitution sets (late, absent, …) and its amount.</summary>
public sealed class SavingsFineRule
{
    public const int NameMaxLength = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CycleId { get; set; }
    public string Name { get; set; } = "";
    public long Amount { get; set; }
}

/// <summary>A rotating group's place in its cycle's order: who receives which round's pot.</summary>
public sealed class RoscaTurn
{
    public Guid CycleId { get; set; }
    public int Round { get; set; }
    public Guid PersonId { get; set; }
    public Guid? PaidAtMeetingId { get; set; }
    /// <summary>In a bidding group, what the round's winner gave up to take the pot (0 otherwise).</summary>
    public long Discount { get; set; }
    /// <summary>In a bidding group, each sharing member's part of the discount less the commission (0 otherwise).</summary>
    public long DividendEach { get; set; }
}

/// <summary>
/// A meeting as the secretary recorded it (possibly after the fact). A phone that sends the same meeting again
/// with the same key, for the same group, records it once.
/// </summary>
public sealed class SavingsMeeting
{
    public const int IdempotencyKeyMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public Guid CycleId { get; set; }
    public int Number { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The cash counted in the box at the meeting's end, minor units.</summary>
    public long BoxCash { get; set; }
    public Guid RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? IdempotencyKey { get; set; }
}

public sealed class SavingsAttendance
{
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
    public Attendance Status { get; set; }
}

/// <summary>
/// A loan approved at a meeting, with the rule it was approved under (the constitution may change later, the
/// loan's terms do not). What is owed is derived from the journal.
/// </summary>
public sealed class SavingsLoan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public Guid CycleId { get; set; }
    public Guid PersonId { get; set; }
    public Guid ApprovedAtMeetingId { get; set; }
    public DateOnly ApprovedOn { get; set; }
    public int Months { get; set; }
    public DateOnly DueOn { get; set; }
    public long Principal { get; set; }
    /// <summary>The borrower's project the loan is for, if the meeting said so.</summary>
    public Guid? ProjectId { get; set; }
    public int ServiceChargeBasisPoints { get; set; }
    public ServiceChargeBasis ServiceChargeBasis { get; set; }
}

public enum SavingsDecisionKind
{
    ConstitutionChanged = 1,
    MemberLeft = 2,
    LoanWrittenOff = 3,
    OfficerChosen = 4,
    MemberJoined = 5,
    CycleClosed = 6,
}

/// <summary>What a meeting decided, in the group's own record: constitution changes, leavers, write-offs, officers.</summary>
public sealed class SavingsDecision
{
    public const int TextMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public Guid MeetingId { get; set; }
    public SavingsDecisionKind Kind { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? LoanId { get; set; }
    /// <summary>What was decided, as the record keeps it (the rule's old and new value, the amount paid to a leaver).</summary>
    public string Text { get; set; } = "";
    public Guid RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
