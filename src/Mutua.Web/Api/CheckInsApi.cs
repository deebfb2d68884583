using Microsoft.AspNetCore.Http.HttpResults;
using Mutua.Core;
using Mutua.Core.CheckIns;

namespace Mutua.Web.Api;

internal static class CheckInsApi
{
    public static RouteGroupBuilder MapCheckInsApi(this RouteGroupBuilder app)
    {
        var api = app.MapGroup("").WithTags("CheckIns");
        api.MapGet("/households/{householdId:guid}/checkins", ListCheckInsAsync)
            .WithSummary("A household's check-ins, newest first (its own members only).")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        api.MapGet("/households/{householdId:guid}/checkins/{month}", GetCheckInAsync)
            .WithSummary("One month's check-in, month as yyyy-MM (its own members only).")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        api.MapPut("/households/{householdId:guid}/checkins/{month}", PutCheckInAsync)
            .WithSummary("Create or replace one month's check-in (idempotent). After the month closes (10 days after it ends) a change is recorded as a correction.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CheckInListItem>>, ApiProblem>> ListCheckInsAsync(Guid householdId, Viewer viewer,
        CheckInService checkIns, CancellationToken ct) =>
        ApiResults.Ok(await checkIns.ListAsync(viewer, householdId, ct));

    private static async Task<Results<Ok<CheckInView>, ApiProblem>> GetCheckInAsync(Guid householdId, string month, Viewer viewer,
        CheckInService checkIns, CancellationToken ct) =>
        Month.Read(month, out var m) is { } unread
            ? ApiResults.Problem(unread)
            : ApiResults.Ok(await checkIns.GetAsync(viewer, householdId, m, ct));

    private static async Task<Results<Ok<CheckInView>, ApiProblem>> PutCheckInAsync(Guid householdId, string month, CheckInInput body, Viewer viewer,
        CheckInService checkIns, CancellationToken ct) =>
        Month.Read(month, out var m) is { } unread
            ? ApiResults.Problem(unread)
            : ApiResults.Ok(await checkIns.SaveAsync(viewer, householdId, m, body, ct));
}
