using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

/// <summary>"nobody", "group" or "community".</summary>
public sealed record SharingRequest(NameOnMap? NameOnMap);

internal static class SharingApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/households/{householdId:guid}/sharing", async (Guid householdId, CurrentViewer v, HouseholdSharingService s,
                IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.GetAsync(await v.GetAsync(ct), householdId, ct), l))
            .WithSummary("A household's sharing settings (its own members only): nameOnMap says who sees its name on the help map.");
        api.MapPut("/households/{householdId:guid}/sharing", async (Guid householdId, SharingRequest body, CurrentViewer v, HouseholdSharingService s,
                IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.SetNameOnMapAsync(await v.GetAsync(ct), householdId, body.NameOnMap, ct), l))
            .WithSummary("Choose who sees the household's name with its connections on the help map: \"nobody\" (the default until it chooses), " +
                "\"group\" (the households of its group) or \"community\" (the community's members and coordinators). Sponsors and " +
                "supporters never see names. Its own members only.");
    }
}
