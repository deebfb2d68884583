using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Network;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Network;

public sealed class AttentionModel(Viewer viewer, NetworkService network, IStringLocalizer<Text> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public AttentionList? List { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        (var result, Problem) = await MonthWindow.LoadAsync(From, To, l, (from, to, _) => network.AttentionAsync(viewer, id, from, to, ct));
        if (this.AccessRefusal(result) is { } refused) return refused;
        List = result.Value;
        From = List!.From;
        To = List.To;
        return Page();
    }
}
