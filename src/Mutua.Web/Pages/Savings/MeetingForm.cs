using Mutua.Core.Savings;

namespace Mutua.Web.Pages.Savings;

/// <summary>
/// A meeting as the secretary types it on one screen: a row per member, a few rows for loans and social-fund
/// payouts (fixed numbers of rows, so the page works without JavaScript), and the cash counted in the box.
/// </summary>
public sealed class MeetingForm
{
    public const int LoanRows = 3;
    public const int PayoutRows = 2;

    public string? Date { get; set; }
    /// <summary>Made when the page is first shown and posted back each time: a second post of the same meeting records nothing new.</summary>
    public string? Key { get; set; }
    public List<MemberRow> Members { get; set; } = [];
    public List<LoanRow> Loans { get; set; } = [];
    public List<PayoutRow> Payouts { get; set; } = [];
    public string? BoxCash { get; set; }
    /// <summary>A rotating group with an order: this meeting pays the round's pot to the next in it.</summary>
    public bool PayRound { get; set; }
    /// <summary>A bidding group: who won this round, and the discount they gave up for it.</summary>
    public Guid? RoundWinner { get; set; }
    public string? Discount { get; set; }
    /// <summary>The figures as the page showed them back with the box check: the meeting is saved when they are posted unchanged.</summary>
    public string? Reviewed { get; set; }
    /// <summary>The cash the books expect after this meeting (shown, never read from the post).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public long? Expected { get; set; }
}

public sealed class MemberRow
{
    public Guid PersonId { get; set; }
    public Attendance Attendance { get; set; } = Attendance.InPerson;
    public int? Shares { get; set; }
    public string? SocialFund { get; set; }
    public string? Fine { get; set; }
    /// <summary>Which of the constitution's fines it is; chosen without an amount, the fine's own amount.</summary>
    public string? FineReason { get; set; }
    public string? Repayment { get; set; }
}

public sealed class LoanRow
{
    public Guid? PersonId { get; set; }
    public string? Amount { get; set; }
    public int? Months { get; set; }
    /// <summary>The borrower's project the loan is for, if they said so.</summary>
    public Guid? ProjectId { get; set; }
}

public sealed class PayoutRow
{
    public Guid? PersonId { get; set; }
    public string? Amount { get; set; }
    public string? Reason { get; set; }
}
