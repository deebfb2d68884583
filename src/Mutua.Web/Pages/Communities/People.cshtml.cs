using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Communities;

/// <summary>Coordinators see who holds which role, and give or take back the peer roles.</summary>
public sealed class PeopleModel(Viewer viewer, CommunityService communities, RoleService roles) : PageModel
{
    public CommunityDetail? Community { get; private set; }
    public IReadOnlyList<PersonInCommunity> People { get; private set; } = [];
    public IReadOnlyList<Role> Grantable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostGrantAsync(Guid id, Guid personId, Role role, CancellationToken ct) =>
        ChangeAsync(id, v => roles.GrantAsync(v, id, personId, role, ct), ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, Guid personId, Role role, CancellationToken ct) =>
        ChangeAsync(id, v => roles.RevokeAsync(v, id, personId, role, ct), ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Viewer, Task<Outcome<PersonInCommunity>>> change, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        var result = await change(viewer);
        if (!result.Succeeded) return this.ShowOnForm(result.Failure!.Value);
        return Redirect($"/Communities/{id}/People");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var people = await roles.PeopleAsync(viewer, id, ct);
        if (this.Refusal(people) is { } refused) return refused;
        People = people.Value!;
        Community = (await communities.GetAsync(viewer, id, ct)).Value;
        Grantable = viewer.IsAdmin
            ? [Role.Coordinator, Role.Sponsor, Role.Ambassador, Role.Supporter]
            : [Role.Ambassador, Role.Supporter];
        return null;
    }
}
