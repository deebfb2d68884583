using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Communities;

/// <summary>
/// Coordinators see who holds which role, and give or take back the peer roles: a page of people at a time, searchable
/// by first name or household, and a role given only once it is chosen and confirmed (no role is picked for them).
/// </summary>
public sealed class PeopleModel(Viewer viewer, CommunityService communities, RoleService roles, Microsoft.Extensions.Localization.IStringLocalizer<Text> l) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public CommunityDetail? Community { get; private set; }
    /// <summary>The people of this page of the search.</summary>
    public IReadOnlyList<PersonInCommunity> People { get; private set; } = [];
    public int Found { get; private set; }
    public bool HasMore { get; private set; }
    public IReadOnlyList<Role> Grantable { get; private set; } = [];
    /// <summary>A role chosen for someone, waiting for the coordinator to confirm it.</summary>
    public (PersonInCommunity Person, Role Role)? ToConfirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostGrantAsync(Guid id, Guid personId, Role? role, bool confirmed, CancellationToken ct)
    {
        if (role is null || confirmed)
        {
            if (role is null)
            {
                var problem = await LoadAsync(id, ct);
                if (problem is not null) return problem;
                ModelState.AddModelError("", l["Please choose a role."]);
                return Page();
            }
            return await ChangeAsync(id, v => roles.GrantAsync(v, id, personId, role.Value, ct), ct);
        }
        var refused = await LoadAsync(id, ct);
        if (refused is not null) return refused;
        var person = (await roles.PeopleAsync(viewer, id, ct)).Value?.FirstOrDefault(p => p.PersonId == personId);
        if (person is null || !Grantable.Contains(role.Value)) return await ChangeAsync(id, v => roles.GrantAsync(v, id, personId, role.Value, ct), ct);
        ToConfirm = (person, role.Value);
        return Page();
    }

    public Task<IActionResult> OnPostRevokeAsync(Guid id, Guid personId, Role role, CancellationToken ct) =>
        ChangeAsync(id, v => roles.RevokeAsync(v, id, personId, role, ct), ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Viewer, Task<Outcome<PersonInCommunity>>> change, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        var result = await change(viewer);
        if (!result.Succeeded) return this.ShowOnForm(result.Failure!.Value);
        return Redirect($"/Communities/{id}/People{(string.IsNullOrWhiteSpace(Q) ? "" : "?q=" + Uri.EscapeDataString(Q))}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var people = await roles.PeopleAsync(viewer, id, ct);
        if (this.Refusal(people) is { } refused) return refused;
        var q = Q?.Trim();
        var found = string.IsNullOrEmpty(q) ? people.Value! : people.Value!.Where(p =>
            p.FirstName.Contains(q, StringComparison.CurrentCultureIgnoreCase)
            || p.HouseholdName?.Contains(q, StringComparison.CurrentCultureIgnoreCase) == true).ToList();
        PageNumber = Math.Max(1, PageNumber);
        Found = found.Count;
        People = found.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        HasMore = found.Count > PageNumber * PageSize;
        Community = (await communities.GetAsync(viewer, id, ct)).Value;
        // The least powerful first: a slip of the finger gives the smallest role.
        Grantable = viewer.IsAdmin
            ? [Role.Supporter, Role.Ambassador, Role.Sponsor, Role.Coordinator]
            : [Role.Supporter, Role.Ambassador];
        return null;
    }
}
