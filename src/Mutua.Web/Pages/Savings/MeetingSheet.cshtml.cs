using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Savings;

/// <summary>
/// One recorded meeting, as its page of the paper notebook, for the group's members: who came, what each paid in and
/// took out, and the box counted against the books. Printable from the browser, and as a PDF (<c>?handler=Pdf</c>)
/// for the group that keeps its notebook on paper.
/// </summary>
public sealed class MeetingSheetModel(Viewer viewer, SavingsService savings, IStringLocalizer<Text> l) : PageModel
{
    public MeetingSheet Sheet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int number, CancellationToken ct) =>
        await LoadAsync(id, number, ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(Guid id, int number, CancellationToken ct)
    {
        if (await LoadAsync(id, number, ct) is { } refused) return refused;
        var today = await savings.TodayOfAsync(id, ct) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var pdf = SavingsPdf.Meeting(Sheet, l, CultureInfo.CurrentCulture, today);
        return File(pdf, SavingsPdf.ContentType, SavingsPdf.MeetingFileName(Sheet));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, int number, CancellationToken ct)
    {
        var sheet = await savings.MeetingSheetAsync(viewer, id, number, ct);
        if (this.Refusal(sheet) is { } refused) return refused;
        Sheet = sheet.Value!;
        return null;
    }

    public string Amount(long minor) => Money.Format(minor, Sheet.Currency, CultureInfo.CurrentCulture);
}
