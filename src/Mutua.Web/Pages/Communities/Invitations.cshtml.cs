using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Communities;

/// <summary>Families recruit their own peers: members invite into their household or group, coordinators anywhere.</summary>
public sealed class InvitationsModel(Viewer viewer, CommunityService communities, InvitationService invitations,
    IStringLocalizer<Text> l) : PageModel
{
    public CommunityDetail? Community { get; private set; }
    public IReadOnlyList<InvitationSummary> Invitations { get; private set; } = [];
    public IReadOnlyList<HouseholdSummary> Households { get; private set; } = [];
    public HouseholdPlace? Own { get; private set; }
    public bool CanManage { get; private set; }
    public bool IsAdmin { get; private set; }
    public InvitationSummary? Created { get; private set; }

    /// <summary>"own" (join my household), "new" (a new household), "household" (coordinators: an existing one) or a role.</summary>
    [BindProperty] public string Into { get; set; } = "new";
    [BindProperty] public Guid? GroupId { get; set; }
    [BindProperty] public Guid? HouseholdId { get; set; }
    [BindProperty] public string? NewHouseholdName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? created, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        Created = Invitations.FirstOrDefault(i => i.Id == created);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        NewInvitation request = Into switch
        {
            "own" => new NewInvitation(Role.Member, null, Own?.HouseholdId, null),
            "household" => new NewInvitation(Role.Member, null, HouseholdId, null),
            "supporter" => new NewInvitation(Role.Supporter, null, null, null),
            "ambassador" => new NewInvitation(Role.Ambassador, null, null, null),
            "sponsor" => new NewInvitation(Role.Sponsor, null, null, null),
            "coordinator" => new NewInvitation(Role.Coordinator, null, null, null),
            _ => new NewInvitation(Role.Member, GroupId, null, NewHouseholdName),
        };
        if (Into == "own" && Own is null || Into == "household" && HouseholdId is null)
        {
            ModelState.AddModelError("", l["Please choose a household."]);
            return Page();
        }
        var made = await invitations.CreateAsync(viewer, id, request, ct);
        if (!made.Succeeded) return this.ShowOnForm(made.Failure!.Value);
        return Redirect($"/Communities/{id}/Invitations?created={made.Value!.Id}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid invitationId, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        var revoked = await invitations.RevokeAsync(viewer, invitationId, ct);
        if (!revoked.Succeeded) return this.ShowOnForm(revoked.Failure!.Value);
        return Redirect($"/Communities/{id}/Invitations");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await communities.GetAsync(viewer, id, ct);
        if (detail.Failure == Failure.NotFound) return this.Refusal(Failure.NotFound);
        CanManage = viewer.CanManage(id);
        Own = viewer.HouseholdIn(id);
        // Only people who can bring someone in see this page: members (into their own group) and coordinators.
        if (!detail.Succeeded || (!CanManage && Own is null)) return this.Refusal(Failure.Forbidden);
        Community = detail.Value;
        IsAdmin = viewer.IsAdmin;
        Invitations = (await invitations.ListAsync(viewer, id, ct)).Value ?? [];
        if (CanManage) Households = (await communities.ListHouseholdsAsync(viewer, id, ct)).Value ?? [];
        if (!CanManage && Into == "new") GroupId = Own?.GroupId;
        return null;
    }
}
