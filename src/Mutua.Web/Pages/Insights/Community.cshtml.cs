using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Insights;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Insights;

public sealed class CommunityModel(Viewer viewer, InsightsService insights, CommunityService communities, IStringLocalizer<Text> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? GroupId { get; set; }

    public CommunityInsights? Insights { get; private set; }
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await LoadAsync(id, ct);
        if (this.AccessRefusal(outcome) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? headers, CancellationToken ct) => await ExportAsync(id, "csv", headers, ct);

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, string? headers, CancellationToken ct) => await ExportAsync(id, "xlsx", headers, ct);

    private async Task<IActionResult> ExportAsync(Guid id, string format, string? headers, CancellationToken ct)
    {
        var outcome = await LoadAsync(id, ct);
        if (this.AccessRefusal(outcome) is { } refused) return refused;
        if (outcome.Succeeded && headers is not null && !InsightsTable.HeaderChoices.Contains(headers)) Problem = l.Message(Failure.InvalidExportOption);
        // A file of other months than the ones asked for would mislead: the page says why instead.
        if (!outcome.Succeeded || Problem is not null) return Page();
        var export = await InsightsTable.ExportAsync(outcome.Value!, format, l, keys: headers == "keys");
        return File(export!.Content, export.ContentType, export.FileName);
    }

    private async Task<Outcome<CommunityInsights>> LoadAsync(Guid id, CancellationToken ct)
    {
        // A refused window (a group of another community, say) falls back to the whole community's default months.
        (var result, Problem) = await MonthWindow.LoadAsync(From, To, l,
            (from, to, fallback) => insights.ForCommunityAsync(viewer, id, from, to, fallback ? null : GroupId, ct));
        if (result.Succeeded)
        {
            Insights = result.Value;
            From = Insights!.From;
            To = Insights.To;
            Groups = (await communities.ListGroupsAsync(viewer, id, ct)).Value ?? [];
        }
        return result;
    }
}
