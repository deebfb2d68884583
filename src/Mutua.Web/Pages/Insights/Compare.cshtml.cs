using Mutua.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core.CheckIns;
using Mutua.Core.Insights;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Insights;

public sealed class CompareModel(Viewer viewer, InsightsService insights, TimeProvider clock, IStringLocalizer<Text> l) : PageModel
{
    public IReadOnlyList<IGrouping<string, CommunityComparison>> ByCurrency { get; private set; } = [];
    public Month Month { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(string? month, CancellationToken ct)
    {
        // The latest published month by default: later ones are still filling in. A month that cannot be read says why and shows the default.
        var fallback = InsightsService.LastSettled(clock.GetUtcNow(), "UTC");
        if (string.IsNullOrEmpty(month)) Month = fallback;
        else if (Month.Read(month, out var m) is { } unread) (Month, Problem) = (fallback, l.Message(unread));
        else Month = m;
        ByCurrency = await insights.CompareAsync(viewer, Month, ct);
    }
}
