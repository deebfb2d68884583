using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Projects;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Projects;

/// <summary>
/// A project's page, /p/{slug}: readable without signing in when the owner made it public (with a
/// link-preview card). Arriving with ?via={code} counts a visit for that ambassador and remembers it,
/// so a sign-up or pledge that follows is counted too.
/// </summary>
[AllowAnonymous] // Public. A public project is readable without signing in; the others ask for it (LoadAsync).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicPageCache.Name)]
public sealed class ShowModel(Viewer viewer, ProjectService projects, PledgeService pledges, AmbassadorService ambassadors,
    IStringLocalizer<Text> l) : PageModel
{
    public const string ViaCookie = "mutua-via";

    public ProjectView? Project { get; private set; }
    /// <summary>The link-preview card's locale and cover size, for a project anyone may open.</summary>
    public ShareCard? Card { get; private set; }
    public bool SignedIn { get; private set; }
    public bool HasHousehold { get; private set; }
    public string? Via { get; private set; }
    public string? Message { get; private set; }
    /// <summary>The pledge just confirmed: its row carries the confirmation and its need's new total.</summary>
    public Guid? ConfirmedPledge { get; private set; }
    /// <summary>The pledge form's amount and need after a refusal, so the person corrects or confirms rather than types again.</summary>
    public string? TypedAmount { get; private set; }
    public Guid? PledgeNeedId { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(string? via, string? done, Guid? pledge, CancellationToken ct)
    {
        var problem = await LoadAsync(ct);
        if (problem is not null) return problem;
        if (done == "confirmed" && pledge is { } confirmedId && Project!.Pledges.Any(x => x.Id == confirmedId && x.Status == PledgeStatus.Confirmed))
        {
            ConfirmedPledge = confirmedId;
            done = null;
        }
        Message = done switch
        {
            "pledged" => l["Thank you! Your pledge is recorded. The family confirms it when it arrives."].Value,
            "confirmed" => l["Confirmed: the totals now include it."].Value,
            "verified" => l["The project is verified."].Value,
            "updated" => l["Your update is posted. Followers will see it."].Value,
            "saved" => l["Saved."].Value,
            _ => null,
        };
        if (!string.IsNullOrWhiteSpace(via) && Project!.IsPublic)
        {
            var remembered = ReadVia();
            if (remembered is null || remembered.Value.Code != via || remembered.Value.Project != Project.Id)
            {
                if (await ambassadors.RecordVisitAsync(Project.Id, via, ct) is not null)
                {
                    Response.Cookies.Append(ViaCookie, $"{via}.{Project.Id}", new CookieOptions
                    {
                        Expires = DateTimeOffset.UtcNow.AddDays(30), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
                        Secure = Request.IsHttps,
                    });
                    Via = via;
                }
            }
            else
            {
                Via = via;
            }
        }
        Via ??= ReadVia() is { } v && v.Project == Project!.Id ? v.Code : null;
        await projects.MarkReadAsync(viewer, Project!.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPledgeAsync(Guid needId, string? amount, string? via, CancellationToken ct)
    {
        var problem = await LoadAsync(ct, signInRequired: true);
        if (problem is not null) return problem;
        var need = Project!.Needs.FirstOrDefault(n => n.Id == needId);
        if (need is null) return this.Refuse(Failure.InvalidNeed);
        var reading = ProjectNames.ReadAmount(need.Kind, amount, Project.Currency);
        if (reading.Kind != AmountReading.Read)
        {
            ModelState.AddModelError("amount", ProjectNames.RefusalOf(need.Kind, amount, reading, Project.Currency, l));
            // Shown back as it was read, so pledging again confirms it (never taken as a guess).
            TypedAmount = reading.Kind == AmountReading.Unsure ? ProjectNames.ToInput(reading, Project.Currency) : amount;
            PledgeNeedId = needId;
            return Page();
        }
        var value = reading.MinorUnits;
        via ??= ReadVia() is { } v && v.Project == Project.Id ? v.Code : null;
        var made = await pledges.PledgeAsync(viewer, Project.Id, new PledgeInput(needId, value, via), ct: ct);
        return made.Succeeded ? Done("pledged") : this.Refuse(made.Failure!.Value);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid pledgeId, string? reference, CancellationToken ct)
    {
        var problem = await LoadAsync(ct, signInRequired: true);
        if (problem is not null) return problem;
        var confirmed = await pledges.ConfirmAsync(viewer, pledgeId, reference, ct);
        // The owner stays on that pledge, which says it is confirmed beside its need's new total.
        return confirmed.Succeeded ? Redirect($"/p/{Project!.Slug}?done=confirmed&pledge={pledgeId}#pledge-{pledgeId}") : this.Refuse(confirmed.Failure!.Value);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid pledgeId, CancellationToken ct)
    {
        var problem = await LoadAsync(ct, signInRequired: true);
        if (problem is not null) return problem;
        var withdrawn = await pledges.WithdrawAsync(viewer, pledgeId, ct);
        return withdrawn.Succeeded ? Done("saved") : this.Refuse(withdrawn.Failure!.Value);
    }

    public async Task<IActionResult> OnPostFollowAsync(bool follow, CancellationToken ct)
    {
        var problem = await LoadAsync(ct, signInRequired: true);
        if (problem is not null) return problem;
        var done = await projects.FollowAsync(viewer, Project!.Id, follow, ct);
        return done.Succeeded ? Done(null) : this.Refuse(done.Failure!.Value);
    }

    public async Task<IActionResult> OnPostVerifyAsync(string? note, CancellationToken ct)
    {
        var problem = await LoadAsync(ct, signInRequired: true);
        if (problem is not null) return problem;
        var verified = await projects.VerifyAsync(viewer, Project!.Id, note, ct);
        return verified.Succeeded ? Done("verified") : this.Refuse(verified.Failure!.Value);
    }

    public async Task<IActionResult> OnPostUnverifyAsync(CancellationToken ct)
    {
        var problem = await LoadAsync(ct, signInRequired: true);
        if (problem is not null) return problem;
        var withdrawn = await projects.WithdrawVerificationAsync(viewer, Project!.Id, ct);
        return withdrawn.Succeeded ? Done("saved") : this.Refuse(withdrawn.Failure!.Value);
    }

    public async Task<IActionResult> OnPostStatusAsync(ProjectStatus? status, bool? isPublic, CancellationToken ct)
    {
        var problem = await LoadAsync(ct, signInRequired: true);
        if (problem is not null) return problem;
        var changed = await projects.UpdateAsync(viewer, Project!.Id, new ProjectPatch(Status: status, IsPublic: isPublic), ct);
        return changed.Succeeded ? Done("saved") : this.Refuse(changed.Failure!.Value);
    }

    /// <summary>The family shows, or stops showing, that its savings group backs the project.</summary>
    public async Task<IActionResult> OnPostSavingsBackingAsync(bool show, CancellationToken ct)
    {
        var problem = await LoadAsync(ct, signInRequired: true);
        if (problem is not null) return problem;
        var changed = await projects.UpdateAsync(viewer, Project!.Id, new ProjectPatch(ShowsSavingsBacking: show), ct);
        return changed.Succeeded ? Done("saved") : this.Refuse(changed.Failure!.Value);
    }

    public async Task<IActionResult> OnPostUpdateAsync(string? text, IFormFile? photo, CancellationToken ct)
    {
        var problem = await LoadAsync(ct, signInRequired: true);
        if (problem is not null) return problem;
        var photos = new List<byte[]>();
        if (photo is { Length: > 0 })
        {
            if (photo.Length > PhotoProcessor.MaxBytes) return this.Refuse(Failure.PhotoTooLarge);
            using var buffer = new MemoryStream();
            await photo.CopyToAsync(buffer, ct);
            photos.Add(buffer.ToArray());
        }
        var posted = await projects.PostUpdateAsync(viewer, Project!.Id, text, photos, ct);
        return posted.Succeeded ? Done("updated", "#updates") : this.Refuse(posted.Failure!.Value);
    }

    private RedirectResult Done(string? what, string anchor = "") =>
        Redirect($"/p/{Project!.Slug}{(what is null ? "" : "?done=" + what)}{anchor}");

    private (string Code, Guid Project)? ReadVia() => ReadVia(Request);

    /// <summary>The ambassador's code and project of the share link this browser came through, if any.</summary>
    public static (string Code, Guid Project)? ReadVia(HttpRequest request)
    {
        var raw = request.Cookies[ViaCookie];
        if (raw is null) return null;
        var dot = raw.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Guid.TryParse(raw[(dot + 1)..], out var project) ? (raw[..dot], project) : null;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool signInRequired = false)
    {
        SignedIn = viewer.IsSignedIn;
        HasHousehold = viewer.Households.Count > 0;
        if (signInRequired && !viewer.IsSignedIn) return Challenge();
        var id = await projects.IdOfSlugAsync(Slug, ct);
        // Someone not signed in is asked to sign in whether or not the slug exists: answering 404 for unknown
        // slugs only told them which community projects exist (issue 11, finding 7).
        if (id is null) return viewer.IsSignedIn ? this.Refusal(Failure.NotFound) : Challenge();
        var view = await projects.GetAsync(viewer, id.Value, withSimilar: true, ct);
        if (!view.Succeeded) return viewer.IsSignedIn ? this.Refusal(Failure.NotFound) : Challenge();
        Project = view.Value;
        if (Project!.IsPublic && Project.Status != ProjectStatus.Draft) Card = await projects.ShareCardAsync(Project, ct);
        return null;
    }
}
