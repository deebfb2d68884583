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
    /// <summary>Coordinators, sponsors and admins see what the community's savings groups add up to.</summary>
    public bool CanSeeSavings { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Please enter a name."), StringLength(Group.NameMaxLength, ErrorMessage = "That name is too long.")]
    [Display(Name = "Group name")]
    public string? GroupName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? agency, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        AgencySaved = agency == "saved";
        AgencyName = Community!.Agency?.Name;
        AgencyAbout = Community.Agency?.About;
        AgencyContact = Community.Agency?.Contact;
        return Page();
    }

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

    [BindProperty] public string? AgencyName { get; set; }
    [BindProperty] public string? AgencyAbout { get; set; }
    [BindProperty] public string? AgencyContact { get; set; }
    public bool AgencySaved { get; private set; }

    /// <summary>Coordinators and admins name the community's sponsoring agency, what it does and whom to contact.</summary>
    public async Task<IActionResult> OnPostAgencyAsync(Guid id, CancellationToken ct)
    {
        // The group form's fields are not part of this one.
        ModelState.Clear();
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        var saved = await communities.SetAgencyAsync(viewer, id, AgencyName, AgencyAbout, AgencyContact, ct);
        if (!saved.Succeeded) return this.Refuse(saved.Failure!.Value, nameof(AgencyName));
        return Redirect($"/Communities/{id}?agency=saved#agency");
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
        CanSeeSavings = Mutua.Core.Savings.SavingsRollUp.MaySee(viewer, id);
        if (CanManage)
        {
            Households = (await communities.ListHouseholdsAsync(viewer, id, ct)).Value ?? [];
        }
        return null;
    }
}
