using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Savings;

/// <summary>A member's passbook: the person's own by default; any member's for the group's members, as in the paper notebook.</summary>
public sealed class PassbookModel(Viewer viewer, SavingsService savings) : PageModel
{
    public Passbook Book { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? personId, CancellationToken ct)
    {
        var book = await savings.PassbookAsync(viewer, id, personId ?? viewer.PersonId, ct);
        if (this.Refusal(book) is { } missing) return missing;
        Book = book.Value!;
        return Page();
    }

    public string Amount(long minor) => Money.Format(minor, Book.Currency, CultureInfo.CurrentCulture);
}
