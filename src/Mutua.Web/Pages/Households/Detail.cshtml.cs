using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Households;

public sealed class DetailModel(Viewer viewer, CommunityService communities) : PageModel
{
    public HouseholdDetail? Household { get; private set; }
    public bool IsOwn { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Please enter a name."), StringLength(Mutua.Core.Communities.Household.NameMaxLength, ErrorMessage = "That name is too long.")]
    [Display(Name = "Household name")]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        Name = Household?.Name;
        return problem ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        if (!IsOwn) return this.Refusal(Failure.Forbidden);
        if (!ModelState.IsValid) return Page();
        var renamed = await communities.UpdateHouseholdAsync(viewer, id, Name, false, null, ct);
        if (!renamed.Succeeded) return this.Refuse(renamed.Failure!.Value, nameof(Name));
        return Redirect($"/Households/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var household = await communities.GetHouseholdAsync(viewer, id, ct);
        if (this.Refusal(household) is { } refused) return refused;
        Household = household.Value;
        IsOwn = viewer.IsMemberOf(id);
        return null;
    }
}
