using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.CheckIns;

public sealed class ProgressModel(Viewer viewer, ProgressService progress) : PageModel
{
    public HouseholdProgress? Progress { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await progress.ForHouseholdAsync(viewer, id, 12, ct);
        if (this.Refusal(result) is { } refused) return refused;
        Progress = result.Value;
        return Page();
    }
}
