using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Groups;

public sealed class DetailModel(Viewer viewer, CommunityService communities, GroupCheckInsService checkIns) : PageModel
{
    public GroupDetail? Group { get; private set; }
    public bool CanManage { get; private set; }
    public Guid? OwnHouseholdId { get; private set; }
    public bool Welcome { get; private set; }
    public GroupMonth? ThisMonth { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Please enter a name."), StringLength(Mutua.Core.Communities.Group.NameMaxLength, ErrorMessage = "That name is too long.")]
    [Display(Name = "Group name")]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool welcome, CancellationToken ct)
    {
        Welcome = welcome;
        var problem = await LoadAsync(id, ct);
        Name = Group?.Name;
        return problem ?? Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        if (!CanManage) return this.Refusal(Failure.Forbidden);
        if (!ModelState.IsValid) return Page();
        var renamed = await communities.RenameGroupAsync(viewer, id, Name, ct);
        if (!renamed.Succeeded) return this.ShowOnForm(renamed.Failure!.Value, nameof(Name));
        return Redirect($"/Groups/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var group = await communities.GetGroupAsync(viewer, id, ct);
        if (this.Refusal(group) is { } refused) return refused;
        Group = group.Value;
        CanManage = viewer.CanManage(Group!.CommunityId);
        OwnHouseholdId = viewer.HouseholdIn(Group.CommunityId)?.HouseholdId;
        ThisMonth = (await checkIns.ThisMonthAsync(viewer, id, ct)).Value;
        return null;
    }
}
