using Microsoft.AspNetCore.Http.HttpResults;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Network;

namespace Mutua.Web.Api;

/// <summary>A household's circle, months as YYYY-MM.</summary>
public sealed record CircleResponse(Guid HouseholdId, string HouseholdName, Guid CommunityId, string CommunityName, string From, string To,
    IReadOnlyList<CirclePerson> People, IReadOnlyList<CircleMonthResponse> Months);

public sealed record CircleMonthResponse(string Month, IReadOnlyList<string> WeHelped, IReadOnlyList<string> HelpedUs, bool HelpFromOutside, bool HelpToOutside);

internal static class NetworkApi
{
    public static RouteGroupBuilder MapNetworkApi(this RouteGroupBuilder app)
    {
        var api = app.MapGroup("").WithTags("Network");
        api.MapGet("/communities/{communityId:guid}/network", GetNetworkAsync)
            .WithSummary("Who helps whom in a community, from its check-ins: households with in/out-degree, reciprocity, betweenness, " +
                "cluster and flags, links (confirmed or one-sided) and totals. Every household's id is a keyed pseudonym; its name and group only " +
                "where it chose to share them with this viewer (its group or its community: see /households/{id}/sharing), never to sponsors " +
                "or supporters; nothing when fewer than 5 households. format=json|csv|gexf|graphml " +
                "(GEXF 1.2draft, read by Gephi and networkx); for csv, table=households|links (another table is a 400 invalid_export_option); a link's value is in minor units of " +
                "the currency, as in the JSON. " +
                "Columns: docs/exports.md.")
            .ProducesFile("text/csv", "application/gexf+xml", "application/graphml+xml")
            .WithQueryValues("format", ["json", .. NetworkExport.Formats])
            .WithQueryValues("table", "households", "links")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        api.MapGet("/communities/{communityId:guid}/network/attention", GetAttentionAsync)
            .WithSummary("Households nobody helped in the window (default: the last 12 months), for coordinators only: those that share " +
                "their names with the coordinator are listed, the others counted in keptPrivate.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        api.MapGet("/households/{householdId:guid}/circle", GetCircleAsync)
            .WithSummary("A household's circle: whom it helped and who helped it, month by month. Its own members and coordinators.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<HelpNetwork>, FileContentHttpResult, ApiProblem>> GetNetworkAsync(Guid communityId, string? from, string? to,
        string? format, string? table, Viewer viewer, NetworkService network, CancellationToken ct)
    {
        if (Month.ReadWindow(from, to, out var f, out var t) is { } unread) return ApiResults.Problem(unread);
        if (format is not (null or "json") && !NetworkExport.Formats.Contains(format)) return ApiResults.Problem(Failure.InvalidFormat);
        if (table is not null && !NetworkExport.Tables.Contains(table)) return ApiResults.Problem(Failure.InvalidExportOption);
        var result = await network.ForCommunityAsync(viewer, communityId, f, t, ct);
        if (!result.Succeeded) return ApiResults.Problem(result.Failure!.Value);
        if (format is null or "json") return TypedResults.Ok(result.Value!);
        var file = NetworkExport.Write(result.Value!, format, links: table == "links");
        return TypedResults.File(file!.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<AttentionList>, ApiProblem>> GetAttentionAsync(Guid communityId, string? from, string? to,
        Viewer viewer, NetworkService network, CancellationToken ct) =>
        Month.ReadWindow(from, to, out var f, out var t) is { } unread
            ? ApiResults.Problem(unread)
            : ApiResults.Ok(await network.AttentionAsync(viewer, communityId, f, t, ct));

    private static async Task<Results<Ok<CircleResponse>, ApiProblem>> GetCircleAsync(Guid householdId, string? from, string? to,
        Viewer viewer, NetworkService network, CancellationToken ct) =>
        Month.ReadWindow(from, to, out var f, out var t) is { } unread
            ? ApiResults.Problem(unread)
            : ApiResults.Ok(await network.CircleAsync(viewer, householdId, f, t, ct), c => new CircleResponse(c.HouseholdId, c.HouseholdName,
                c.CommunityId, c.CommunityName, c.From, c.To, c.People,
                [.. c.Months.Select(m => new CircleMonthResponse(Month.FromPeriod(m.Period).ToString(), m.WeHelped, m.HelpedUs, m.HelpFromOutside, m.HelpToOutside))]));
}
