using Microsoft.AspNetCore.Authorization;
using Mutua.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages;

[AllowAnonymous] // Public. The home page: a welcome for visitors, the person's own start page once signed in.
public sealed class IndexModel(Viewer viewer, CommunityService communities, OrientationService orientation,
    Mutua.Core.CheckIns.GroupCheckInsService checkIns, Mutua.Core.Projects.ProjectService projects,
    Mutua.Core.Savings.SavingsService savings) : PageModel
{
    public Viewer Viewer { get; private set; } = Viewer.Anonymous;
    public IReadOnlyList<CommunitySummary> Communities { get; private set; } = [];
    public IReadOnlyList<OrientationView> Checklists { get; private set; } = [];
    public IReadOnlyList<Newcomer> Newcomers { get; private set; } = [];
    public IReadOnlyList<HouseholdDetail> Households { get; private set; } = [];
    public IReadOnlyList<(Guid HouseholdId, Mutua.Core.Month Month)> Due { get; private set; } = [];
    public IReadOnlyList<Mutua.Core.Projects.ProjectToVerify> ToVerify { get; private set; } = [];
    public IReadOnlyList<Mutua.Core.Savings.SavingsGroupSummary> SavingsGroups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Viewer = viewer;
        if (!Viewer.IsSignedIn) return;
        Communities = await communities.ListAsync(Viewer, ct);
        Checklists = (await orientation.ForPersonAsync(Viewer.PersonId, ct)).Where(o => !(o.ProfileDone && o.MetBuddy && o.FirstCheckIn)).ToList();
        Newcomers = (await orientation.NewcomersOfAsync(Viewer.PersonId, ct)).Where(n => !n.Met).ToList();
        var households = new List<HouseholdDetail>();
        foreach (var h in Viewer.Households)
        {
            var detail = await communities.GetHouseholdAsync(Viewer, h.HouseholdId, ct);
            if (detail.Succeeded) households.Add(detail.Value!);
        }
        Households = households;
        Due = await checkIns.DueAsync(Viewer, ct);
        ToVerify = await projects.ToVerifyAsync(Viewer, ct);
        SavingsGroups = await savings.GroupsAsync(Viewer, ct);
    }

    /// <summary>The newcomer ticks "met my buddy", or the buddy ticks "met my newcomer".</summary>
    public async Task<IActionResult> OnPostMetAsync(Guid communityId, Guid newcomerId, CancellationToken ct)
    {
        if (!viewer.IsSignedIn) return Challenge();
        await orientation.CompleteAsync(viewer, communityId, newcomerId, OrientationStep.MetBuddy, ct);
        return RedirectToPage();
    }
}
