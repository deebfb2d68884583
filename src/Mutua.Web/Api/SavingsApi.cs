using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Mutua.Core;
using Mutua.Core.Savings;

namespace Mutua.Web.Api;

/// <summary>
/// A meeting as a phone sends it (issue 14). The date and the cash counted in the box are required: a missing count
/// would otherwise be recorded as the whole box gone missing.
/// </summary>
public sealed record MeetingRequest(
    DateOnly? Date,
    long? BoxCash,
    IReadOnlyList<AttendanceInput>? Attendance = null,
    IReadOnlyList<SharesInput>? Shares = null,
    IReadOnlyList<AmountInput>? SocialFund = null,
    IReadOnlyList<ReasonedAmountInput>? SocialFundPayouts = null,
    IReadOnlyList<ReasonedAmountInput>? Fines = null,
    IReadOnlyList<LoanRequestInput>? Loans = null,
    IReadOnlyList<RepaymentInput>? Repayments = null,
    MeetingDecisions? Decisions = null,
    RoundPayoutInput? RoundPayout = null);

/// <summary>A rotating group's order for its cycle: the members' ids in the order agreed (a fixed order); none for a lottery, which is drawn.</summary>
public sealed record PayoutOrderRequest(IReadOnlyList<Guid>? Order = null);

/// <summary>The share-out meeting: its date (today when left out), reinvestments, leavers and the next cycle's rules.</summary>
public sealed record ShareOutRequest(DateOnly? Date, IReadOnlyList<ReinvestInput>? Reinvest = null, IReadOnlyList<Guid>? Leaving = null,
    ConstitutionInput? NextConstitution = null);

/// <summary>
/// A figure of a community's savings groups as seen from outside them: {"value": n, "suppressed": false, "reason": null}, or
/// {"value": null, "suppressed": true, "reason": "too_few"} when it rests on fewer households than the disclosure rules need
/// (docs/privacy.md), or "nothing_to_measure" (no loans, no meetings yet).
/// </summary>
public sealed record SavingsFigure(long? Value, bool Suppressed, string? Reason);

/// <summary>
/// The figures in one currency. savings, loansOutstanding, assets and projectedShareOut are in minor units of the currency,
/// rounded to two significant digits; the percents are whole (0 and 100 only for exactly none and all).
/// </summary>
public sealed record SavingsRollUpFigures(string Currency, SavingsFigure Groups, SavingsFigure Members, SavingsFigure Households,
    SavingsFigure Savings, SavingsFigure LoansOutstanding, SavingsFigure PortfolioAtRiskPercent, SavingsFigure AttendancePercent,
    SavingsFigure WrittenOffPercent, SavingsFigure Assets, SavingsFigure ProjectedShareOut);

/// <summary>One currency across the communities the caller coordinates or sponsors; communities: how many the count of groups is from.</summary>
public sealed record SavingsRollUpCurrency(string Currency, int Communities, SavingsRollUpFigures Figures);

/// <summary>
/// A community's savings groups as coordinators, sponsors and admins see them (aggregates only, nobody named): community has one
/// set of figures per currency its groups keep books in ([] when it has no savings group); across, the same figures over every
/// community the caller sees savings of (communitiesAcross), a set per currency.
/// </summary>
public sealed record SavingsRollUpResponse(Guid CommunityId, string CommunityName, string Currency, DateOnly AsOf,
    IReadOnlyList<SavingsRollUpFigures> Community, int CommunitiesAcross, IReadOnlyList<SavingsRollUpCurrency> Across);

internal static class SavingsApi
{
    private const int Forbidden = StatusCodes.Status403Forbidden;
    private const int NotFound = StatusCodes.Status404NotFound;
    private const int Conflict = StatusCodes.Status409Conflict;

    public static RouteGroupBuilder MapSavingsApi(this RouteGroupBuilder app)
    {
        var api = app.MapGroup("").WithTags("Savings");
        api.MapPost("/savings-groups", CreateSavingsGroupAsync)
            .WithSummary("Start a savings group in your community: {\"communityId\", \"name\", \"kind\" (vsla|rosca), \"members\" (person ids; a VSLA has 10 to 25, a rotating group 2 to 100), \"constitution\" {\"sharePrice\", \"maxSharesPerMeeting\" (1–5), \"socialFundPerMeeting\", \"serviceChargePercent\" (per month), \"serviceChargeBasis\" (outstanding|original), \"loanMultiple\" (3), \"maxLoanMonths\" (3), \"shareOutSocialFund\" (false), \"fines\"}}. Amounts in minor units of the community's currency. You become its first secretary.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapGet("/savings-groups/{id:guid}", GetSavingsGroupAsync)
            .WithSummary("A savings group (its members only): rules, members and officers, the open cycle's balances summed from its journal, its loans and meetings.")
            .ProducesProblems(NotFound);
        api.MapPost("/savings-groups/{id:guid}/meetings", RecordMeetingAsync)
            .WithSummary("Record a meeting (the group's officers), all of it or none of it: date, attendance (inPerson|representative|absent), shares (count, or a payment that buys ⌊payment ÷ price⌋), socialFund, socialFundPayouts and fines (with a reason), loans (checked against the rules), repayments (principal and charge), decisions, a rotating group's roundPayout ({personId} next in its order; in a bidding group {personId, discount} for the round's winner, who has not received this cycle), and boxCash as counted (a difference from the books is recorded as an entry). Send an Idempotency-Key header: the same key from you for this group records the meeting once.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapGet("/savings-groups/{id:guid}/payout-order", GetPayoutOrderAsync)
            .WithSummary("A rotating group's order for the open cycle (the group's members): each round, who receives its pot and whether it was paid. In a bidding group, the rounds won so far, each with the winning discount, every sharing member's dividend and their next instalment (the contribution less the dividend).")
            .ProducesProblems(NotFound);
        api.MapPut("/savings-groups/{id:guid}/payout-order", SetPayoutOrderAsync)
            .WithSummary("Set a rotating group's order for the open cycle, once (the group's officers): {\"order\": [personId…]}, every active member once, for a fixed order; {} for a lottery, drawn fairly with its seed kept. A bidding group has no order: each meeting's roundPayout names the winner and their discount.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapGet("/savings-groups/{id:guid}/meetings/{number:int}", GetMeetingSheetAsync)
            .WithSummary("One recorded meeting of any cycle, by its number (the group's members), as its page of the notebook: attendance with first names, shares (a rotating group's contributions), socialFundIn, socialFundOut with reasons, loans paid out, repayments (principal and charge), fines with reasons, other entries, and the box: boxCounted, boxByTheBooks and boxDifference (counted less the books). A line a later meeting corrected has corrected: true.")
            .ProducesProblems(NotFound);
        api.MapGet("/savings-groups/{id:guid}/passbook/{personId:guid}", GetPassbookAsync)
            .WithSummary("A member's passbook for the open cycle (the group's members): shares, savings, loans, charges, fines, projected share-out and every entry.")
            .ProducesProblems(NotFound);
        api.MapGet("/savings-groups/{id:guid}/share-out", PreviewShareOutAsync)
            .WithSummary("The share-out if the cycle closed now (the group's members): valuePerShare, payouts (shares × value, rounded down), remainder carried, socialFundBalance. Loans still owed are counted as repaid and listed in loansOutstanding.")
            .ProducesProblems(NotFound);
        api.MapPost("/savings-groups/{id:guid}/share-out", CloseCycleAsync)
            .WithSummary("Share out and close the cycle (the group's officers), once every loan is repaid or written off: pays every member, carries the remainder and the social fund to a new cycle, takes reinvestments as first shares of it. Send an Idempotency-Key header.")
            .ProducesProblems(Forbidden, NotFound, Conflict);
        api.MapGet("/communities/{communityId:guid}/savings", GetCommunitySavingsAsync)
            .WithSummary("A community's savings groups from outside them (its coordinators and sponsors, admins; not its members, who see their own group's books): " +
                "groups, members, households, savings (shares bought this cycle), loans outstanding, portfolio at risk (PAR30: the share of what is owed " +
                "on loans more than 30 days late), attendance at the last four meetings (present or represented), the share of this cycle's lending " +
                "written off, assets (loan fund, loans, social fund) and the projected share-out; then the same across every community you coordinate " +
                "or sponsor, by currency. Money in minor units, rounded to two significant digits. A figure resting on fewer than 5 households (or, for " +
                "a share about some of them, on fewer than 5 with and 5 without) is null with reason too_few; nobody is named.")
            .ProducesProblems(Forbidden, NotFound);
        return app;
    }

    private static async Task<Results<Ok<SavingsRollUpResponse>, ApiProblem>> GetCommunitySavingsAsync(Guid communityId, Viewer viewer,
        SavingsRollUp rollUp, CancellationToken ct) =>
        ApiResults.Ok(await rollUp.RollUpAsync(viewer, communityId, ct), v => ToResponse(v));

    private static SavingsRollUpResponse ToResponse(SavingsRollUpView v) => new(v.CommunityId, v.CommunityName, v.Currency, v.AsOf,
        [.. v.Community.Select(f => ToFigures(f))], v.CommunitiesAcross, [.. v.Across.Select(a => new SavingsRollUpCurrency(a.Currency, a.Communities, ToFigures(a.Figures)))]);

    private static SavingsRollUpFigures ToFigures(SavingsFigures f) => new(f.Currency, Figure(f.Groups), Figure(f.Members), Figure(f.Households),
        Figure(f.Savings), Figure(f.LoansOutstanding), Figure(f.PortfolioAtRiskPercent), Figure(f.AttendancePercent), Figure(f.WrittenOffPercent),
        Figure(f.Assets), Figure(f.ProjectedShareOut));

    /// <summary>A suppressed cell stays one: its value is never written, only why (the codes of the insights' CSV, and one more).</summary>
    private static SavingsFigure Figure(RollUpCell c) => new(c.Value, !c.Shown, c.Withheld switch
    {
        Withheld.TooFew => "too_few",
        Withheld.NothingToMeasure => "nothing_to_measure",
        _ => null,
    });

    private static async Task<Results<Created<SavingsGroupView>, ApiProblem>> CreateSavingsGroupAsync(NewSavingsGroup body, Viewer viewer,
        SavingsService savings, CancellationToken ct) =>
        ApiResults.Created(await savings.CreateGroupAsync(viewer, body, ct), g => $"/api/v1/savings-groups/{g.Id}");

    private static async Task<Results<Ok<SavingsGroupView>, ApiProblem>> GetSavingsGroupAsync(Guid id, Viewer viewer, SavingsService savings,
        CancellationToken ct) =>
        ApiResults.Ok(await savings.GetGroupAsync(viewer, id, ct));

    private static async Task<Results<Created<MeetingRecord>, ApiProblem>> RecordMeetingAsync(Guid id, MeetingRequest body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Viewer viewer, SavingsService savings, CancellationToken ct)
    {
        if (body.Date is not { } date) return ApiResults.Problem(Failure.MeetingDateOutOfRange);
        if (body.BoxCash is not { } box) return ApiResults.Problem(Failure.AmountOutOfRange);
        var input = new MeetingInput(date, box, body.Attendance, body.Shares, body.SocialFund, body.SocialFundPayouts, body.Fines, body.Loans,
            body.Repayments, body.Decisions, body.RoundPayout);
        return ApiResults.Created(await savings.RecordMeetingAsync(viewer, id, input, idempotencyKey, ct),
            m => $"/api/v1/savings-groups/{id}");
    }

    private static async Task<Results<Ok<IReadOnlyList<RoscaTurnView>>, ApiProblem>> GetPayoutOrderAsync(Guid id, Viewer viewer,
        SavingsService savings, CancellationToken ct) =>
        ApiResults.Ok(await savings.PayoutOrderAsync(viewer, id, ct));

    private static async Task<Results<Ok<IReadOnlyList<RoscaTurnView>>, ApiProblem>> SetPayoutOrderAsync(Guid id, PayoutOrderRequest body,
        Viewer viewer, SavingsService savings, CancellationToken ct) =>
        ApiResults.Ok(await savings.SetPayoutOrderAsync(viewer, id, body.Order, ct));

    private static async Task<Results<Ok<MeetingSheet>, ApiProblem>> GetMeetingSheetAsync(Guid id, int number, Viewer viewer, SavingsService savings,
        CancellationToken ct) =>
        ApiResults.Ok(await savings.MeetingSheetAsync(viewer, id, number, ct));

    private static async Task<Results<Ok<Passbook>, ApiProblem>> GetPassbookAsync(Guid id, Guid personId, Viewer viewer, SavingsService savings,
        CancellationToken ct) =>
        ApiResults.Ok(await savings.PassbookAsync(viewer, id, personId, ct));

    private static async Task<Results<Ok<ShareOutView>, ApiProblem>> PreviewShareOutAsync(Guid id, Viewer viewer, SavingsService savings,
        CancellationToken ct) =>
        ApiResults.Ok(await savings.ShareOutPreviewAsync(viewer, id, ct));

    private static async Task<Results<Ok<CycleClosedView>, ApiProblem>> CloseCycleAsync(Guid id, ShareOutRequest? body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Viewer viewer, SavingsService savings, CancellationToken ct)
    {
        // No such group: MinValue, and the service answers 404 before it reads the date.
        var date = body?.Date ?? await savings.TodayOfAsync(id, ct) ?? DateOnly.MinValue;
        var input = new CloseCycleInput(date, body?.Reinvest, body?.Leaving, body?.NextConstitution);
        return ApiResults.Ok(await savings.CloseCycleAsync(viewer, id, input, idempotencyKey, ct));
    }
}
