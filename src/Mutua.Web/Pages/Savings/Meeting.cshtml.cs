using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Savings;

/// <summary>
/// Recording a meeting, for the group's officers only. The first post reads the form and shows back the cash the
/// books expect in the box against the cash counted (a difference is recorded, never hidden); posting it again
/// unchanged records the meeting. The idempotency key in the form makes a repeated post record once.
/// </summary>
public sealed class MeetingModel(Viewer viewer, SavingsService savings, IStringLocalizer<Text> l) : PageModel
{
    [BindProperty]
    public MeetingForm Form { get; set; } = new();

    public SavingsGroupView Group { get; private set; } = null!;
    /// <summary>The members' published projects a loan may be for ("backed by our savings group" on the project, if the family wants).</summary>
    public IReadOnlyList<LoanProjectChoice> LoanProjects { get; private set; } = [];
    /// <summary>A rotating group's order for the cycle (in a bidding group, the rounds won so far).</summary>
    public IReadOnlyList<RoscaTurnView> Turns { get; private set; } = [];
    /// <summary>The form was read and the box checked: posting it again as it is records the meeting.</summary>
    public bool Checked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var today = await savings.TodayOfAsync(id, ct) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        Form = new MeetingForm
        {
            Date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Key = Guid.NewGuid().ToString("N"),
            // In a tanda every meeting is a round: its pot goes to the next in the order unless the secretary says not.
            PayRound = NextReceiver is not null,
        };
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(Form.Key)) Form.Key = Guid.NewGuid().ToString("N");
        var input = ToInput(out var expected);
        Fill();
        if (!ModelState.IsValid || input is null) return Page();
        var seen = Fingerprint(Form);
        Form.Expected = expected;
        if (Form.Reviewed != seen)
        {
            // Not yet seen as it is now: show what the books expect against what was counted, and save on the next post.
            // (The figures as typed are compared, not the cash expected: a repeated post after saving finds the books moved on.)
            Form.Reviewed = seen;
            Checked = true;
            ModelState.Remove("Form.Reviewed");
            return Page();
        }
        var result = await savings.RecordMeetingAsync(viewer, id, input, Form.Key, ct);
        if (!result.Succeeded)
        {
            Form.Reviewed = null;
            ModelState.Remove("Form.Reviewed");
            return this.Refuse(result.Failure!.Value);
        }
        return Redirect($"/Savings/{id}?recorded={result.Value!.Number}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var group = await savings.GetGroupAsync(viewer, id, ct);
        if (this.Refusal(group) is { } refused) return refused;
        // Members read the books; only the officers write them.
        if (!group.Value!.CanRecord) return this.Refusal(Failure.Forbidden);
        Group = group.Value;
        if (Group.Kind == SavingsGroupKind.Vsla && await savings.LoanProjectsAsync(viewer, id, ct) is { Succeeded: true } choices)
            LoanProjects = choices.Value!;
        if (Group.Kind == SavingsGroupKind.Rosca && await savings.PayoutOrderAsync(viewer, id, ct) is { Succeeded: true } turns)
            Turns = turns.Value!;
        return null;
    }

    public bool Bidding => Group.Kind == SavingsGroupKind.Rosca && Group.Constitution.PayoutOrder == RoscaPayoutOrder.Bidding;

    /// <summary>In a fixed or drawn order, who receives the next pot; none before the order is set or once all have received.</summary>
    public Guid? NextReceiver => Bidding ? null : Turns.FirstOrDefault(t => !t.Paid)?.PersonId;

    /// <summary>A bidding round's pot: every active member's contribution.</summary>
    public long BidPot => Group.Constitution.SharePrice * Group.Members.Count(m => m.Active);

    /// <summary>A bidding round's commission: the constitution's percent of the pot.</summary>
    public long BidCommission => SavingsKernel.DiscountOf(BidPot, CommissionBasisPoints);

    private int CommissionBasisPoints => (int)(Group.Constitution.CommissionPercent * 100);

    /// <summary>A bidding group's members who may still win a round this cycle.</summary>
    public IEnumerable<SavingsMemberView> MayWin => Group.Members.Where(m => m.Active && Turns.All(t => t.PersonId != m.PersonId));

    /// <summary>One row per active member, in the order of the group's list; rows for loans and payouts to fill.</summary>
    private void Fill()
    {
        var posted = Form.Members.Where(m => m.PersonId != Guid.Empty).ToDictionary(m => m.PersonId);
        Form.Members = [.. Group.Members.Where(m => m.Active).Select(m => posted.GetValueOrDefault(m.PersonId) ?? new MemberRow { PersonId = m.PersonId })];
        while (Form.Loans.Count < MeetingForm.LoanRows) Form.Loans.Add(new LoanRow());
        while (Form.Payouts.Count < MeetingForm.PayoutRows) Form.Payouts.Add(new PayoutRow());
    }

    public string Name(Guid personId) => Group.Members.FirstOrDefault(m => m.PersonId == personId)?.FirstName ?? "—";

    public string Amount(long minor) => Money.Format(minor, Group.Currency, CultureInfo.CurrentCulture);

    /// <summary>
    /// Reads the form into Core's input and the cash the books should then hold. An amount typed the other way round
    /// comes back rewritten as it was read, with a question, and counts only when posted again; nothing is a guess.
    /// A member's repayment pays the service charge due first, then the loan, oldest loan first.
    /// </summary>
    private MeetingInput? ToInput(out long expected)
    {
        var culture = CultureInfo.CurrentCulture;
        var currency = Group.Currency;
        var c = Group.Constitution;
        expected = Group.Balances.BoxCash;
        long? Read(string? text, string field, Action<string> rewrite) => TypedAmounts.Read(ModelState, l, text, field, currency, rewrite);
        var date = TypedAmounts.Date(ModelState, l, Form.Date, "Form.Date");

        var attendance = new List<AttendanceInput>();
        long contributed = 0;
        var shares = new List<SharesInput>();
        var social = new List<AmountInput>();
        var fines = new List<ReasonedAmountInput>();
        var repayments = new List<RepaymentInput>();
        for (var i = 0; i < Form.Members.Count; i++)
        {
            var row = Form.Members[i];
            if (Group.Members.All(m => m.PersonId != row.PersonId)) continue;
            attendance.Add(new AttendanceInput(row.PersonId, row.Attendance));
            if (row.Shares is < 0 || row.Shares > c.MaxSharesPerMeeting)
            {
                ModelState.AddModelError($"Form.Members[{i}].Shares", l["{0}: from 0 to {1} shares at one meeting.", Name(row.PersonId), c.MaxSharesPerMeeting]);
            }
            else if (row.Shares is > 0 and var n)
            {
                shares.Add(new SharesInput(row.PersonId, n));
                // A rotating group's member pays the round's contribution once, whatever the count.
                var bought = Group.Kind == SavingsGroupKind.Rosca ? c.SharePrice : n * c.SharePrice;
                expected += bought;
                contributed += bought;
            }
            var index = i;
            if (Read(row.SocialFund, $"Form.Members[{i}].SocialFund", v => Form.Members[index].SocialFund = v) is > 0 and var s)
            {
                social.Add(new AmountInput(row.PersonId, s));
                expected += s;
            }
            var rule = c.Fines.FirstOrDefault(x => string.Equals(x.Name, row.FineReason?.Trim(), StringComparison.Ordinal));
            var fine = Read(row.Fine, $"Form.Members[{i}].Fine", v => Form.Members[index].Fine = v);
            // A fine chosen from the constitution without an amount is that fine's amount.
            if (fine is null && rule is not null && ModelState.GetFieldValidationState($"Form.Members[{i}].Fine") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                fine = rule.Amount;
                // (The page writes the row's values itself, so the amount shows as filled in.)
                Form.Members[index].Fine = Money.ToInput(rule.Amount, currency, culture);
            }
            if (fine is > 0 and var f)
            {
                fines.Add(new ReasonedAmountInput(row.PersonId, f, rule?.Name));
                expected += f;
            }
            if (Read(row.Repayment, $"Form.Members[{i}].Repayment", v => Form.Members[index].Repayment = v) is > 0 and var paid)
            {
                var split = Split(row.PersonId, paid);
                if (split is null)
                {
                    ModelState.AddModelError($"Form.Members[{i}].Repayment", l["{0} owes {1}: a repayment can be at most that.",
                        Name(row.PersonId), Amount(Owed(row.PersonId))]);
                }
                else
                {
                    repayments.AddRange(split);
                    expected += paid;
                }
            }
        }

        var loans = new List<LoanRequestInput>();
        for (var i = 0; i < Form.Loans.Count; i++)
        {
            var row = Form.Loans[i];
            var index = i;
            var amount = Read(row.Amount, $"Form.Loans[{i}].Amount", v => Form.Loans[index].Amount = v);
            if (row.PersonId is null && amount is null) continue;
            if (row.PersonId is null || amount is not > 0)
            {
                ModelState.AddModelError($"Form.Loans[{i}].Amount", l["Please give each loan a member and an amount."]);
                continue;
            }
            loans.Add(new LoanRequestInput(row.PersonId.Value, amount.Value, row.Months, row.ProjectId));
            expected -= amount.Value;
        }

        var payouts = new List<ReasonedAmountInput>();
        for (var i = 0; i < Form.Payouts.Count; i++)
        {
            var row = Form.Payouts[i];
            var index = i;
            var amount = Read(row.Amount, $"Form.Payouts[{i}].Amount", v => Form.Payouts[index].Amount = v);
            if (row.PersonId is null && amount is null && string.IsNullOrWhiteSpace(row.Reason)) continue;
            if (row.PersonId is null || amount is not > 0 || string.IsNullOrWhiteSpace(row.Reason))
            {
                ModelState.AddModelError($"Form.Payouts[{i}].Amount", l["Please give each social-fund payout a member, an amount and a reason."]);
                continue;
            }
            payouts.Add(new ReasonedAmountInput(row.PersonId.Value, amount.Value, row.Reason));
            expected -= amount.Value;
        }

        RoundPayoutInput? round = null;
        if (Bidding)
        {
            var discount = Read(Form.Discount, "Form.Discount", v => Form.Discount = v);
            var winner = Form.RoundWinner is { } w && MayWin.Any(m => m.PersonId == w) ? Form.RoundWinner : null;
            if (winner is null && discount is not null)
            {
                ModelState.AddModelError("Form.RoundWinner", l["Please choose who won the round."]);
            }
            else if (winner is not null && discount is null)
            {
                if (ModelState.GetFieldValidationState("Form.Discount") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                    ModelState.AddModelError("Form.Discount", l["Please enter the discount {0} gave up to win the round.", Name(winner.Value)]);
            }
            else if (winner is not null && discount is not null)
            {
                var bid = SavingsKernel.Bid(c.SharePrice, Group.Members.Count(m => m.Active), discount.Value, CommissionBasisPoints, c.DividendToWinner);
                if (bid.Value is not { } b)
                {
                    ModelState.AddModelError("Form.Discount", l.Message(bid.Failure!.Value));
                }
                else
                {
                    round = new RoundPayoutInput(winner.Value, discount.Value);
                    expected -= b.Pot - b.Undivided;
                }
            }
        }
        else if (Form.PayRound && NextReceiver is { } next)
        {
            round = new RoundPayoutInput(next);
            expected -= Group.Balances.Pot + contributed;
        }

        var box = Read(Form.BoxCash, "Form.BoxCash", v => Form.BoxCash = v);
        if (box is null && ModelState.GetFieldValidationState("Form.BoxCash") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Form.BoxCash", l["Please enter the cash counted in the box."]);
        }
        if (!ModelState.IsValid || box is null) return null;
        return new MeetingInput(date, box.Value, attendance, shares, social, payouts, fines, loans, repayments, RoundPayout: round);
    }

    private long Owed(Guid personId) => Group.Loans.Where(x => x.PersonId == personId && !x.WrittenOff).Sum(x => x.Outstanding + x.ChargeDue);

    /// <summary>A member's repayment split over their loans, oldest first, the charge due before the principal; null when it is more than owed.</summary>
    private List<RepaymentInput>? Split(Guid personId, long paid)
    {
        var parts = new List<RepaymentInput>();
        var rest = paid;
        foreach (var loan in Group.Loans.Where(x => x.PersonId == personId && !x.WrittenOff && x.Outstanding + x.ChargeDue > 0).OrderBy(x => x.ApprovedOn))
        {
            if (rest == 0) break;
            var charge = Math.Min(rest, loan.ChargeDue);
            var principal = Math.Min(rest - charge, loan.Outstanding);
            if (charge + principal > 0) parts.Add(new RepaymentInput(loan.Id, principal, charge));
            rest -= charge + principal;
        }
        return rest == 0 ? parts : null;
    }

    /// <summary>The meeting's figures as one short text, to tell whether the form is still as it was shown back.</summary>
    /// The form as typed, not Core's input: a repayment's split depends on the books, which a saved first post moved on.
    private static string Fingerprint(MeetingForm f) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { f.Date, f.Members, f.Loans, f.Payouts, f.BoxCash, f.PayRound, f.RoundWinner, f.Discount })))[..16];

}
