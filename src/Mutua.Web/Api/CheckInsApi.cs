using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Insights;
using Mutua.Web.Pages.Insights;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

internal static class CheckInsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/households/{householdId:guid}/checkins", async (Guid householdId, CurrentViewer v, CheckInService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.ListAsync(await v.GetAsync(ct), householdId, ct), l))
            .WithSummary("A household's check-ins, newest first (its own members only).");
        api.MapGet("/households/{householdId:guid}/checkins/{month}", async (Guid householdId, string month, CurrentViewer v, CheckInService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            Month.TryParse(month, out var m)
                ? ApiResults.From(await s.GetAsync(await v.GetAsync(ct), householdId, m, ct), l)
                : ApiResults.Problem(Failure.InvalidMonth, l))
            .WithSummary("One month's check-in, month as yyyy-MM (its own members only).");
        api.MapPut("/households/{householdId:guid}/checkins/{month}", async (Guid householdId, string month, CheckInInput body, CurrentViewer v, CheckInService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            Month.TryParse(month, out var m)
                ? ApiResults.From(await s.SaveAsync(await v.GetAsync(ct), householdId, m, body, ct), l)
                : ApiResults.Problem(Failure.InvalidMonth, l))
            .WithSummary("Create or replace one month's check-in (idempotent). After the month closes (10 days after it ends) a change is recorded as a correction.");

        api.MapGet("/communities/{communityId:guid}/insights", async (Guid communityId, string? from, string? to, Guid? groupId, string? format,
            CurrentViewer v, InsightsService s, IStringLocalizer<Text> l, HttpContext http, CancellationToken ct) =>
            {
                Month? f = null, t = null;
                if (from is not null) { if (!Month.TryParse(from, out var m)) return ApiResults.Problem(Failure.InvalidMonth, l); f = m; }
                if (to is not null) { if (!Month.TryParse(to, out var m)) return ApiResults.Problem(Failure.InvalidMonth, l); t = m; }
                var result = await s.ForCommunityAsync(await v.GetAsync(ct), communityId, f, t, groupId, ct);
                if (!result.Succeeded || format is null or "json") return ApiResults.From(result, l);
                var stream = new MemoryStream();
                if (format == "csv") await InsightsTable.WriteCsvAsync(stream, result.Value!, l);
                else if (format == "xlsx") await InsightsTable.WriteXlsxAsync(stream, result.Value!, l);
                else return ApiResults.Problem(Failure.InvalidFormat, l);
                stream.Position = 0;
                return Results.File(stream, format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    $"mutua-insights-{result.Value!.From}-{result.Value.To}.{format}");
            })
            .WithSummary("A community's check-in patterns by month (aggregates only; cells from fewer than 5 households are suppressed). format=json|csv|xlsx.");
    }
}
