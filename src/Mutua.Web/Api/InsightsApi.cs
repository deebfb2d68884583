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
            .WithSummary("A community's check-in patterns by month (aggregates only; cells from fewer than 5 households are suppressed). format=json|csv|xlsx.")
            .ProducesFile("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The export's column headings are translated, so this handler keeps its localizer.</summary>
    private static async Task<Results<Ok<CommunityInsights>, FileStreamHttpResult, ApiProblem>> GetCommunityInsightsAsync(Guid communityId,
        string? from, string? to, Guid? groupId, string? format, Viewer viewer, InsightsService insights, IStringLocalizer<Text> l, CancellationToken ct)
    {
        if (Month.ReadWindow(from, to, out var f, out var t) is { } unread) return ApiResults.Problem(unread);
        var result = await insights.ForCommunityAsync(viewer, communityId, f, t, groupId, ct);
        if (!result.Succeeded) return ApiResults.Problem(result.Failure!.Value);
        if (format is null or "json") return TypedResults.Ok(result.Value!);
        var export = await InsightsTable.ExportAsync(result.Value!, format, l);
        return export is null
            ? ApiResults.Problem(Failure.InvalidFormat)
            : TypedResults.File(export.Content, export.ContentType, export.FileName);
    }
}
