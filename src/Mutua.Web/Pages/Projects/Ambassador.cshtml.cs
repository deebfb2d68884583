using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Projects;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Projects;

public sealed class AmbassadorModel(Viewer viewer, AmbassadorService ambassadors) : PageModel
{
    public AmbassadorDashboard? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var dashboard = await ambassadors.DashboardAsync(viewer, ct);
        if (this.Refusal(dashboard) is { } refused) return refused;
        Dashboard = dashboard.Value;
        return Page();
    }
}
