using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Communities;

public sealed class IndexModel(CurrentViewer current, CommunityService communities) : PageModel
{
    public IReadOnlyList<CommunitySummary> Communities { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        IsAdmin = viewer.IsAdmin;
        Communities = await communities.ListAsync(viewer, ct);
    }
}
