using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Network;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

internal static class NetworkApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{communityId:guid}/network", async (Guid communityId, string? from, string? to, string? format, string? table,
            CurrentViewer v, NetworkService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            {
                if (Month.ReadWindow(from, to, out var f, out var t) is { } unread) return ApiResults.Problem(unread, l);
                if (format is not (null or "json") && !NetworkExport.Formats.Contains(format)) return ApiResults.Problem(Failure.InvalidFormat, l);
                var result = await s.ForCommunityAsync(await v.GetAsync(ct), communityId, f, t, ct);
                if (!result.Succeeded || format is null or "json") return ApiResults.From(result, l);
                var file = NetworkExport.Write(result.Value!, format, links: table == "links");
                return Results.File(file!.Content, file.ContentType, file.FileName);
            })
            .WithSummary("Who helps whom in a community, from its check-ins: households with in/out-degree, reciprocity, betweenness, " +
                "cluster and flags, links (confirmed or one-sided) and totals. Every household's id is a keyed pseudonym; its name and group only " +
                "where it chose to share them with this viewer (its group or its community: see /households/{id}/sharing), never to sponsors " +
                "or supporters; nothing when fewer than 5 households. format=json|csv|gexf|graphml; for csv, table=households|links.");

        api.MapGet("/communities/{communityId:guid}/network/attention", async (Guid communityId, string? from, string? to,
            CurrentViewer v, NetworkService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            {
                if (Month.ReadWindow(from, to, out var f, out var t) is { } unread) return ApiResults.Problem(unread, l);
                return ApiResults.From(await s.AttentionAsync(await v.GetAsync(ct), communityId, f, t, ct), l);
            })
            .WithSummary("Households nobody helped in the window (default: the last 12 months), for coordinators only: those that share " +
                "their names with the coordinator are listed, the others counted in keptPrivate.");

        api.MapGet("/households/{householdId:guid}/circle", async (Guid householdId, string? from, string? to,
            CurrentViewer v, NetworkService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            {
                if (Month.ReadWindow(from, to, out var f, out var t) is { } unread) return ApiResults.Problem(unread, l);
                return ApiResults.From(await s.CircleAsync(await v.GetAsync(ct), householdId, f, t, ct), l);
            })
            .WithSummary("A household's circle: whom it helped and who helped it, month by month. Its own members and coordinators.");
    }
}
