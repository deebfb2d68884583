using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Insights;
using Mutua.Web.Infrastructure;
using Mutua.Web.Pages.Insights;

namespace Mutua.Web.Api;

/// <summary>A community's (or one group's) insights, month by month; months as YYYY-MM.</summary>
public sealed record InsightsResponse(Guid CommunityId, string CommunityName, string Currency, string From, string To, Guid? GroupId,
    IReadOnlyList<InsightsMonth> Months);

/// <summary>
/// One month. A cell is {"value": n, "suppressed": false} or, from fewer than 5 households or held back so it cannot be worked
/// out by subtraction, {"value": null, "suppressed": true}; income and savings quartiles are in minor units of the currency.
/// published is false for a month not settled yet (every cell suppressed).
/// </summary>
public sealed record InsightsMonth(string Month, bool Published, Cell Households, Cell CheckedIn, Cell ParticipationPercent,
    Quartiles Income, Quartiles Savings, Cell GavePercent, Cell ReceivedPercent, IReadOnlyList<CategoryCount> Needs, IReadOnlyList<CategoryCount> Wants);

/// <summary>How many households need (or want) help with a category, as a cell: value is null exactly when suppressed.</summary>
public sealed record CategoryCount(NeedCategory Category, long? Value, bool Suppressed);

internal static class InsightsApi
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder app)
    {
        var api = app.MapGroup("").WithTags("Insights");
        api.MapGet("/communities/{communityId:guid}/insights", GetCommunityInsightsAsync)
            .WithSummary("A community's check-in patterns by month (aggregates only; cells from fewer than 5 households are suppressed). format=json|csv|xlsx. " +
                "CSV and XLSX: a row a month, numeric columns hold a number or nothing in every language, amounts in major units of the currency " +
                "column (JSON: minor units), suppressed and suppressed_reason (too_few|not_published) say what was held back and why; " +
                "headers=labels (translated, the default) or keys (stable keys). Columns: docs/exports.md.")
            .ProducesFile("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithQueryValues("format", "json", "csv", "xlsx")
            .WithQueryValues("headers", "labels", "keys")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The export's column headings are translated, so this handler keeps its localizer.</summary>
    private static async Task<Results<Ok<InsightsResponse>, FileStreamHttpResult, ApiProblem>> GetCommunityInsightsAsync(Guid communityId,
        string? from, string? to, Guid? groupId, string? format, string? headers, Viewer viewer, InsightsService insights, IStringLocalizer<Text> l,
        CancellationToken ct)
    {
        if (Month.ReadWindow(from, to, out var f, out var t) is { } unread) return ApiResults.Problem(unread);
        if (headers is not null && !InsightsTable.HeaderChoices.Contains(headers)) return ApiResults.Problem(Failure.InvalidExportOption);
        var result = await insights.ForCommunityAsync(viewer, communityId, f, t, groupId, ct);
        if (!result.Succeeded) return ApiResults.Problem(result.Failure!.Value);
        if (format is null or "json") return TypedResults.Ok(ToResponse(result.Value!));
        var export = await InsightsTable.ExportAsync(result.Value!, format, l, keys: headers == "keys");
        return export is null
            ? ApiResults.Problem(Failure.InvalidFormat)
            : TypedResults.File(export.Content, export.ContentType, export.FileName);
    }

    /// <summary>The kernel's cells in <see cref="NeedCategory"/> order, labelled; a suppressed cell stays one, never its value.</summary>
    private static InsightsResponse ToResponse(CommunityInsights i) => new(i.CommunityId, i.CommunityName, i.Currency, i.From, i.To, i.GroupId,
        [.. i.Months.Select(m => new InsightsMonth(Month.FromPeriod(m.Period).ToString(), m.Published, m.Households, m.CheckedIn, m.ParticipationPercent,
            m.Income, m.Savings, m.GavePercent, m.ReceivedPercent, Label(m.Needs), Label(m.Wants)))]);

    private static List<CategoryCount> Label(IReadOnlyList<Cell> cells) =>
        [.. Enum.GetValues<NeedCategory>().Select(c => (int)c < cells.Count ? cells[(int)c] : Cell.TooFew)
            .Select((cell, i) => new CategoryCount((NeedCategory)i, cell.Suppressed ? null : cell.Value, cell.Suppressed))];
}
