using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Households;

/// <summary>A household's sharing settings: who sees its name with its connections on the help map. Its own members only.</summary>
public sealed class SharingModel(Viewer viewer, HouseholdSharingService sharing, IStringLocalizer<Text> l) : PageModel
{
    public HouseholdSharing? Sharing { get; private set; }
    public bool Saved { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty] public NameOnMap? NameOnMap { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        var result = await sharing.GetAsync(viewer, id, ct);
        if (this.AccessRefusal(result) is { } refused) return refused;
        Sharing = result.Value;
        NameOnMap = Sharing!.NameOnMap;
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        // A value that does not bind is no choice at all: the same refusal as an unknown one.
        var result = await sharing.SetNameOnMapAsync(viewer, id, ModelState.IsValid ? NameOnMap : null, ct);
        if (this.AccessRefusal(result) is { } refused) return refused;
        if (!result.Succeeded)
        {
            var again = await sharing.GetAsync(viewer, id, ct);
            if (this.AccessRefusal(again) is { } no) return no;
            Sharing = again.Value;
            Problem = l.Message(result.Failure!.Value);
            ModelState.Clear();
            return Page();
        }
        return Redirect($"/Households/{id}/Sharing?saved=true");
    }
}
