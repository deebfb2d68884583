using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Insights;
using Mutua.Web.Infrastructure;
using Mutua.Web.Pages.Insights;

namespace Mutua.Web.Api;

internal static class InsightsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{communityId:guid}/insights", async (Guid communityId, string? from, string? to, Guid? groupId, string? format,
            CurrentViewer v, InsightsService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            {
                if (Month.ReadWindow(from, to, out var f, out var t) is { } unread) return ApiResults.Problem(unread, l);
                var result = await s.ForCommunityAsync(await v.GetAsync(ct), communityId, f, t, groupId, ct);
                if (!result.Succeeded || format is null or "json") return ApiResults.From(result, l);
                var export = await InsightsTable.ExportAsync(result.Value!, format, l);
                return export is null
                    ? ApiResults.Problem(Failure.InvalidFormat, l)
                    : Results.File(export.Content, export.ContentType, export.FileName);
            })
            .WithSummary("A community's check-in patterns by month (aggregates only; cells from fewer than 5 households are suppressed). format=json|csv|xlsx.");
    }
}
