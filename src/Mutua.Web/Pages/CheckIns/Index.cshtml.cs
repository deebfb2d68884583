using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.CheckIns;

public sealed class IndexModel(Viewer viewer, CheckInService checkIns, CommunityService communities) : PageModel
{
    public HouseholdDetail? Household { get; private set; }
    public IReadOnlyList<CheckInListItem> CheckIns { get; private set; } = [];
    public Month? CurrentMonth { get; private set; }
    public string Currency { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var list = await checkIns.ListAsync(viewer, id, ct);
        if (this.Refusal(list) is { } refused) return refused;
        CheckIns = list.Value!;
        Household = (await communities.GetHouseholdAsync(viewer, id, ct)).Value;
        CurrentMonth = await checkIns.CurrentMonthAsync(id, ct);
        Currency = (await communities.GetAsync(viewer, Household!.CommunityId, ct)).Value?.Community.Currency ?? "";
        return Page();
    }
}
