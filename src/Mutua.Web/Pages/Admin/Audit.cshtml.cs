using Mutua.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.Auditing;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Admin;

public sealed class AuditModel(Viewer viewer, AuditService audit) : PageModel
{
    public AuditPage? Entries { get; private set; }

    public async Task<IActionResult> OnGetAsync(int p = 1, CancellationToken ct = default)
    {
        var result = await audit.ListAsync(viewer, p, ct);
        if (this.Refusal(result) is { } refused) return refused;
        Entries = result.Value;
        return Page();
    }
}
