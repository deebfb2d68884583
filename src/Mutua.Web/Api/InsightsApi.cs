using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Insights;
using Mutua.Web.Infrastructure;
using Mutua.Web.Pages.Insights;

namespace Mutua.Web.Api;

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
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The export's column headings are translated, so this handler keeps its localizer.</summary>
    private static async Task<Results<Ok<CommunityInsights>, FileStreamHttpResult, ApiProblem>> GetCommunityInsightsAsync(Guid communityId,
        string? from, string? to, Guid? groupId, string? format, string? headers, Viewer viewer, InsightsService insights, IStringLocalizer<Text> l,
        CancellationToken ct)
    {
        if (Month.ReadWindow(from, to, out var f, out var t) is { } unread) return ApiResults.Problem(unread);
        if (headers is not null && !InsightsTable.HeaderChoices.Contains(headers)) return ApiResults.Problem(Failure.InvalidExportOption);
        var result = await insights.ForCommunityAsync(viewer, communityId, f, t, groupId, ct);
        if (!result.Succeeded) return ApiResults.Problem(result.Failure!.Value);
        if (format is null or "json") return TypedResults.Ok(result.Value!);
        var export = await InsightsTable.ExportAsync(result.Value!, format, l, keys: headers == "keys");
        return export is null
            ? ApiResults.Problem(Failure.InvalidFormat)
            : TypedResults.File(export.Content, export.ContentType, export.FileName);
    }
}
