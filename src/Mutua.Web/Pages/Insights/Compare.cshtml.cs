using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.CheckIns;
using Mutua.Core.Insights;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Insights;

public sealed class CompareModel(CurrentViewer current, InsightsService insights, TimeProvider clock) : PageModel
{
    public IReadOnlyList<IGrouping<string, CommunityComparison>> ByCurrency { get; private set; } = [];
    public Month Month { get; private set; }

    public async Task OnGetAsync(string? month, CancellationToken ct)
    {
        // The latest published month by default: later ones are still filling in.
        Month = Month.TryParse(month, out var m) ? m : InsightsService.LastSettled(clock.GetUtcNow(), "UTC");
        ByCurrency = await insights.CompareAsync(await current.GetAsync(ct), Month, ct);
    }
}
