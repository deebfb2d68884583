using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Network;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Network;

public sealed class CommunityModel(Viewer viewer, NetworkService network, IStringLocalizer<Text> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public HelpNetwork? Network { get; private set; }
    public bool CanManage { get; private set; }
    /// <summary>The viewer's household in this community, to lead to its sharing settings.</summary>
    public Guid? OwnHouseholdId { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await LoadAsync(id, ct);
        if (this.AccessRefusal(outcome) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, string? table, CancellationToken ct)
    {
        var outcome = await LoadAsync(id, ct);
        if (this.AccessRefusal(outcome) is { } refused) return refused;
        if (!outcome.Succeeded || Problem is not null) return Page();
        if (table is not null && !NetworkExport.Tables.Contains(table))
        {
            Problem = l.Message(Failure.InvalidExportOption);
            return Page();
        }
        var file = NetworkExport.Write(outcome.Value!, format ?? "csv", table == "links");
        if (file is null)
        {
            Problem = l.Message(Failure.InvalidFormat);
            return Page();
        }
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<Outcome<HelpNetwork>> LoadAsync(Guid id, CancellationToken ct)
    {
        (var result, Problem) = await MonthWindow.LoadAsync(From, To, l, (from, to, _) => network.ForCommunityAsync(viewer, id, from, to, ct));
        if (result.Succeeded)
        {
            Network = result.Value;
            From = Network!.From;
            To = Network.To;
            CanManage = viewer.CanManage(id);
            OwnHouseholdId = viewer.HouseholdIn(id)?.HouseholdId;
        }
        return result;
    }
}
