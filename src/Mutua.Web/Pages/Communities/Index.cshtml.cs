using Mutua.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Communities;

public sealed class IndexModel(Viewer viewer, CommunityService communities) : PageModel
{
    public IReadOnlyList<CommunitySummary> Communities { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsAdmin = viewer.IsAdmin;
        Communities = await communities.ListAsync(viewer, ct);
    }
}
