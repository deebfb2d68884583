using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Core.PersonalData;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Households;

/// <summary>A household's own members download everything Mutua holds about it.</summary>
public sealed class DataModel(Viewer viewer, CommunityService communities, HouseholdDataService data) : PageModel
{
    public HouseholdDetail? Household { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var household = await communities.GetHouseholdAsync(viewer, id, ct);
        if (this.Refusal(household) is { } refused) return refused;
        // Coordinators may see the household's page, not its data.
        if (!viewer.IsMemberOf(id)) return this.Refusal(Failure.Forbidden);
        Household = household.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken ct)
    {
        var download = await data.DownloadAsync(viewer, id, ct);
        if (this.Refusal(download) is { } refused) return refused;
        return File(download.Value!.Zip, "application/zip", download.Value.FileName);
    }
}
