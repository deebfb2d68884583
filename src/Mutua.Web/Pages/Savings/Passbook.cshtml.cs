using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Savings;

/// <summary>
/// A member's passbook: the person's own by default; any member's for the group's members, as in the paper notebook.
/// Also as a PDF (<c>?handler=Pdf</c>), to print and keep with the paper passbook.
/// </summary>
public sealed class PassbookModel(Viewer viewer, SavingsService savings, IStringLocalizer<Text> l) : PageModel
{
    public Passbook Book { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? personId, CancellationToken ct) =>
        await LoadAsync(id, personId, ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(Guid id, Guid? personId, CancellationToken ct)
    {
        if (await LoadAsync(id, personId, ct) is { } refused) return refused;
        var today = await savings.TodayOfAsync(id, ct) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        return File(SavingsPdf.Passbook(Book, l, CultureInfo.CurrentCulture, today), SavingsPdf.ContentType, SavingsPdf.PassbookFileName(Book, today));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid? personId, CancellationToken ct)
    {
        var book = await savings.PassbookAsync(viewer, id, personId ?? viewer.PersonId, ct);
        if (this.Refusal(book) is { } missing) return missing;
        Book = book.Value!;
        return null;
    }

    public string Amount(long minor) => Money.Format(minor, Book.Currency, CultureInfo.CurrentCulture);
}
