using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Communities;

public sealed class DetailModel(Viewer viewer, CommunityService communities) : PageModel
{
    public CommunityDetail? Community { get; private set; }
    public IReadOnlyList<HouseholdSummary> Households { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool IsMember { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Please enter a name."), StringLength(Group.NameMaxLength, ErrorMessage = "That name is too long.")]
    [Display(Name = "Group name")]
    public string? GroupName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostGroupAsync(Guid id, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        if (!CanManage) return this.Refusal(Failure.Forbidden);
        if (!ModelState.IsValid) return Page();
        var created = await communities.CreateGroupAsync(viewer, id, GroupName, ct);
        if (!created.Succeeded) return this.ShowOnForm(created.Failure!.Value, nameof(GroupName));
        return Redirect($"/Groups/{created.Value!.Id}");
    }

    /// <summary>Coordinators move a household into a group (or out of any group).</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid householdId, Guid? groupId, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        var moved = await communities.UpdateHouseholdAsync(viewer, householdId, null, true, groupId, ct);
        if (!moved.Succeeded) return this.Refuse(moved.Failure!.Value, onlyForbiddenEnds: true);
        return Redirect($"/Communities/{id}#households");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await communities.GetAsync(viewer, id, ct);
        if (this.Refusal(detail) is { } refused) return refused;
        Community = detail.Value;
        CanManage = viewer.CanManage(id);
        IsMember = viewer.HouseholdIn(id) is not null;
        if (CanManage)
        {
            Households = (await communities.ListHouseholdsAsync(viewer, id, ct)).Value ?? [];
        }
        return null;
    }
}
