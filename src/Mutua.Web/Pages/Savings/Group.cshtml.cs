using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Savings;

/// <summary>A savings group's page for its members: balances, members, loans and the meetings, like the paper notebook.</summary>
public sealed class GroupModel(Viewer viewer, SavingsService savings) : PageModel
{
    public SavingsGroupView Group { get; private set; } = null!;
    /// <summary>The number of the meeting just recorded, to say so.</summary>
    public int? Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? recorded, CancellationToken ct)
    {
        var group = await savings.GetGroupAsync(viewer, id, ct);
        if (this.Refusal(group) is { } refused) return refused;
        Group = group.Value!;
        Recorded = recorded;
        return Page();
    }

    public string Amount(long minor) => Money.Format(minor, Group.Currency, CultureInfo.CurrentCulture);

    public string Name(Guid personId) => Group.Members.FirstOrDefault(m => m.PersonId == personId)?.FirstName ?? "—";
}
