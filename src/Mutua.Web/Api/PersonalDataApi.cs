using Microsoft.AspNetCore.Http.HttpResults;
using Mutua.Core;
using Mutua.Core.PersonalData;

namespace Mutua.Web.Api;

public sealed record CloseAccountRequest(string? Password, bool Confirm);

internal static class PersonalDataApi
{
    public static RouteGroupBuilder MapPersonalDataApi(this RouteGroupBuilder app)
    {
        var api = app.MapGroup("").WithTags("PersonalData");
        api.MapGet("/households/{householdId:guid}/data", DownloadHouseholdDataAsync)
            .WithSummary("Everything Mutua holds about a household, as a ZIP of JSON and CSV files (one pair per table) and its projects' photos. Its own members only.")
            .ProducesFile("application/zip")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        // The bearer token that made this call cannot be revoked yet; once the account is gone it loads no one (merge note in AccountClosure).
        api.MapPost("/me/closure", CloseAccountAsync)
            .WithSummary("Close the signed-in person's account for good: {\"password\": \"…\", \"confirm\": true}. Name and contacts are erased, " +
                "memberships and roles end; a household whose last member leaves is deleted with its check-ins and goals.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status423Locked);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ApiProblem>> DownloadHouseholdDataAsync(Guid householdId, Viewer viewer,
        HouseholdDataService data, CancellationToken ct) =>
        ApiResults.From(await data.DownloadAsync(viewer, householdId, ct), d => TypedResults.File(d.Zip, "application/zip", d.FileName));

    private static async Task<Results<NoContent, ApiProblem>> CloseAccountAsync(CloseAccountRequest body, Viewer viewer,
        AccountClosure closure, CancellationToken ct) =>
        ApiResults.NoContent(await closure.CloseAsync(viewer, body.Password, body.Confirm, ct));
}
