using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Network;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Network;

public sealed class AttentionModel(CurrentViewer current, NetworkService network, IStringLocalizer<Text> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public AttentionList? List { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var (from, to, problem) = NetworkWindow.Parse(From, To, l);
        Problem = problem;
        var result = await network.AttentionAsync(viewer, id, from, to, ct);
        if (result.Failure is Failure.NotFound) return NotFound();
        if (result.Failure is Failure.Forbidden) return Forbid();
        if (!result.Succeeded)
        {
            Problem = l.Message(result.Failure!.Value);
            result = await network.AttentionAsync(viewer, id, null, null, ct);
        }
        List = result.Value;
        From = List!.From;
        To = List.To;
        return Page();
    }
}
