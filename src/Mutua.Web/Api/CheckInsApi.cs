using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
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
            Month.Read(month, out var m) is { } unread
                ? ApiResults.Problem(unread, l)
                : ApiResults.From(await s.GetAsync(await v.GetAsync(ct), householdId, m, ct), l))
            .WithSummary("One month's check-in, month as yyyy-MM (its own members only).");
        api.MapPut("/households/{householdId:guid}/checkins/{month}", async (Guid householdId, string month, CheckInInput body, CurrentViewer v, CheckInService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            Month.Read(month, out var m) is { } unread
                ? ApiResults.Problem(unread, l)
                : ApiResults.From(await s.SaveAsync(await v.GetAsync(ct), householdId, m, body, ct), l))
            .WithSummary("Create or replace one month's check-in (idempotent). After the month closes (10 days after it ends) a change is recorded as a correction.");
    }
}
