using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Savings;

/// <summary>What the share-out would pay if the cycle ended today, for the group's members.</summary>
public sealed class ShareOutModel(Viewer viewer, SavingsService savings) : PageModel
{
    public ShareOutView ShareOut { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var preview = await savings.ShareOutPreviewAsync(viewer, id, ct);
        if (this.Refusal(preview) is { } refused) return refused;
        ShareOut = preview.Value!;
        return Page();
    }

    public string Amount(long minor) => Money.Format(minor, ShareOut.Currency, CultureInfo.CurrentCulture);

    public string Name(Guid personId) => ShareOut.Members.FirstOrDefault(m => m.PersonId == personId)?.FirstName ?? "—";
}
