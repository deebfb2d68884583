using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Communities;

/// <summary>
/// Where a newcomer lands after joining: the first steps, the buddy and how to reach them, the group. It is the
/// newcomer's own page; for anyone else the community answers as if it did not exist.
/// </summary>
public sealed class WelcomeModel(Viewer viewer, OrientationService orientation) : PageModel
{
    public Welcome? Welcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var welcome = await orientation.WelcomeAsync(viewer, id, ct);
        if (this.Refusal(welcome) is { } refused) return refused;
        Welcome = welcome.Value;
        return Page();
    }

    /// <summary>The newcomer ticks "we have met", and stays on their welcome with the step ticked.</summary>
    public async Task<IActionResult> OnPostMetAsync(Guid id, CancellationToken ct)
    {
        var welcome = await orientation.WelcomeAsync(viewer, id, ct);
        if (this.Refusal(welcome) is { } refused) return refused;
        await orientation.CompleteAsync(viewer, id, viewer.PersonId, OrientationStep.MetBuddy, ct);
        return Redirect($"/Communities/{id}/Welcome#buddy");
    }
}
