using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Savings;

/// <summary>
/// What the share-out would pay if the cycle ended today, for the group's members; for its officers, the share-out
/// meeting itself: who reinvests how much, who leaves, and closing the cycle. Closing answers with the payouts as
/// made, on this page, to print; posting the same form again (a retry) shows them again and pays nothing twice.
/// </summary>
public sealed class ShareOutModel(Viewer viewer, SavingsService savings, IStringLocalizer<Text> l) : PageModel
{
    [BindProperty]
    public CloseCycleForm Close { get; set; } = new();

    public ShareOutView ShareOut { get; private set; } = null!;
    /// <summary>The cycle this page's post closed, with the payouts as made.</summary>
    public CycleClosedView? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var today = await savings.TodayOfAsync(id, ct) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        Close = new CloseCycleForm { Date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Key = Guid.NewGuid().ToString("N") };
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(Close.Key)) Close.Key = Guid.NewGuid().ToString("N");
        var input = ToInput();
        Fill();
        if (!ModelState.IsValid || input is null) return Page();
        var closed = await savings.CloseCycleAsync(viewer, id, input, Close.Key, ct);
        if (!closed.Succeeded) return this.Refuse(closed.Failure!.Value);
        Closed = closed.Value;
        ShareOut = closed.Value!.ShareOut;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var preview = await savings.ShareOutPreviewAsync(viewer, id, ct);
        if (this.Refusal(preview) is { } refused) return refused;
        ShareOut = preview.Value!;
        // Members see the preview; only the officers hold the share-out meeting.
        if (Request.Method == HttpMethods.Post && !ShareOut.CanClose) return this.Refusal(Failure.Forbidden);
        return null;
    }

    /// <summary>A row per member paid in this share-out, as posted or empty.</summary>
    private void Fill()
    {
        var posted = Close.Members.Where(m => m.PersonId != Guid.Empty).GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.First());
        Close.Members = [.. ShareOut.Payouts.OrderBy(p => Name(p.PersonId), StringComparer.CurrentCultureIgnoreCase)
            .Select(p => posted.GetValueOrDefault(p.PersonId) ?? new CloseCycleRow { PersonId = p.PersonId })];
    }

    private CloseCycleInput? ToInput()
    {
        var currency = ShareOut.Currency;
        var date = TypedAmounts.Date(ModelState, l, Close.Date, "Close.Date");
        var reinvest = new List<ReinvestInput>();
        var leaving = new List<Guid>();
        for (var i = 0; i < Close.Members.Count; i++)
        {
            var row = Close.Members[i];
            var line = ShareOut.Payouts.FirstOrDefault(p => p.PersonId == row.PersonId);
            if (line is null) continue;
            if (row.Leaves) leaving.Add(row.PersonId);
            var field = $"Close.Members[{i}].Reinvest";
            var index = i;
            var amount = TypedAmounts.Read(ModelState, l, row.Reinvest, field, currency, v => Close.Members[index].Reinvest = v) ?? 0;
            if (amount <= 0) continue;
            if (row.Leaves)
                ModelState.AddModelError(field, l["{0} leaves the group and so reinvests nothing.", Name(row.PersonId)]);
            else if (amount > line.Payout)
                ModelState.AddModelError(field, l["{0} can reinvest at most their payout, {1}.", Name(row.PersonId), Amount(line.Payout)]);
            else
                reinvest.Add(new ReinvestInput(row.PersonId, amount));
        }
        // Closing cannot be undone: the secretary says the money was counted out first.
        if (!Close.PaidOut) ModelState.AddModelError("Close.PaidOut", l["Tick that every payout was counted out to its member."]);
        return ModelState.IsValid ? new CloseCycleInput(date, reinvest, leaving) : null;
    }

    public string Amount(long minor) => Money.Format(minor, ShareOut.Currency, CultureInfo.CurrentCulture);

    public string Name(Guid personId) => ShareOut.Members.FirstOrDefault(m => m.PersonId == personId)?.FirstName ?? "—";
}

/// <summary>The share-out meeting as the secretary fills it in: its date, and per member a reinvestment and whether they leave.</summary>
public sealed class CloseCycleForm
{
    public string? Date { get; set; }
    /// <summary>Made when the page is first shown: a second post of the same share-out closes nothing more.</summary>
    public string? Key { get; set; }
    public List<CloseCycleRow> Members { get; set; } = [];
    public bool PaidOut { get; set; }
}

public sealed class CloseCycleRow
{
    public Guid PersonId { get; set; }
    public string? Reinvest { get; set; }
    public bool Leaves { get; set; }
}
