using Microsoft.AspNetCore.Http.HttpResults;
using Mutua.Core;
using Mutua.Core.Communities;

namespace Mutua.Web.Api;

/// <summary>"nobody", "group" or "community".</summary>
public sealed record SharingRequest(NameOnMap? NameOnMap);

internal static class SharingApi
{
    public static RouteGroupBuilder MapSharingApi(this RouteGroupBuilder app)
    {
        var api = app.MapGroup("").WithTags("Sharing");
        api.MapGet("/households/{householdId:guid}/sharing", GetSharingAsync)
            .WithSummary("A household's sharing settings (its own members only): nameOnMap says who sees its name on the help map.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        api.MapPut("/households/{householdId:guid}/sharing", SetNameOnMapAsync)
            .WithSummary("Choose who sees the household's name with its connections on the help map: \"nobody\" (the default until it chooses), " +
                "\"group\" (the households of its group) or \"community\" (the community's members and coordinators). Sponsors and " +
                "supporters never see names. Its own members only.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<HouseholdSharing>, ApiProblem>> GetSharingAsync(Guid householdId, Viewer viewer,
        HouseholdSharingService sharing, CancellationToken ct) =>
        ApiResults.Ok(await sharing.GetAsync(viewer, householdId, ct));

    private static async Task<Results<Ok<HouseholdSharing>, ApiProblem>> SetNameOnMapAsync(Guid householdId, SharingRequest body, Viewer viewer,
        HouseholdSharingService sharing, CancellationToken ct) =>
        ApiResults.Ok(await sharing.SetNameOnMapAsync(viewer, householdId, body.NameOnMap, ct));
}
