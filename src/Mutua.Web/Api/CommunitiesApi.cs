using Mutua.Core;
using Microsoft.Extensions.Localization;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

public sealed record NameRequest(string? Name);

public sealed record NewHouseholdRequest(string? Name, Guid? GroupId);

/// <summary>Rename a household (its own members) and/or move it (coordinators); "ungroup": true takes it out of any group.</summary>
public sealed record HouseholdPatch(string? Name, Guid? GroupId, bool? Ungroup);

public sealed record RoleRequest(Role Role);

internal static class CommunitiesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities", async (CurrentViewer v, CommunityService s, CancellationToken ct) =>
            Results.Ok(await s.ListAsync(await v.GetAsync(ct), ct)))
            .WithSummary("The communities the signed-in person belongs to (all of them for an admin).");
        api.MapPost("/communities", async (NewCommunity body, CurrentViewer v, CommunityService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.CreateAsync(await v.GetAsync(ct), body, ct), l, c => Results.Created($"/api/v1/communities/{c.Id}", c)))
            .WithSummary("Create a community (admins).");
        api.MapGet("/communities/{communityId:guid}", async (Guid communityId, CurrentViewer v, CommunityService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.GetAsync(await v.GetAsync(ct), communityId, ct), l))
            .WithSummary("A community with its groups.");

        api.MapGet("/communities/{communityId:guid}/groups", async (Guid communityId, CurrentViewer v, CommunityService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.ListGroupsAsync(await v.GetAsync(ct), communityId, ct), l))
            .WithSummary("The groups of a community.");
        api.MapPost("/communities/{communityId:guid}/groups", async (Guid communityId, NameRequest body, CurrentViewer v, CommunityService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.CreateGroupAsync(await v.GetAsync(ct), communityId, body.Name, ct), l, g => Results.Created($"/api/v1/groups/{g.Id}", g)))
            .WithSummary("Form a group (coordinators).");
        api.MapGet("/groups/{groupId:guid}", async (Guid groupId, CurrentViewer v, CommunityService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.GetGroupAsync(await v.GetAsync(ct), groupId, ct), l))
            .WithSummary("A group with its households and members' first names (members and coordinators of its community).");
        api.MapPatch("/groups/{groupId:guid}", async (Guid groupId, NameRequest body, CurrentViewer v, CommunityService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.RenameGroupAsync(await v.GetAsync(ct), groupId, body.Name, ct), l))
            .WithSummary("Rename a group (coordinators).");

        api.MapGet("/communities/{communityId:guid}/households", async (Guid communityId, CurrentViewer v, CommunityService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.ListHouseholdsAsync(await v.GetAsync(ct), communityId, ct), l))
            .WithSummary("The households of a community (its members and coordinators).");
        api.MapPost("/communities/{communityId:guid}/households", async (Guid communityId, NewHouseholdRequest body, CurrentViewer v, CommunityService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.CreateHouseholdAsync(await v.GetAsync(ct), communityId, body.Name, body.GroupId, ct), l, h => Results.Created($"/api/v1/households/{h.Id}", h)))
            .WithSummary("Record a household (coordinators); its people join it by invitation.");
        api.MapGet("/households/{householdId:guid}", async (Guid householdId, CurrentViewer v, CommunityService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.GetHouseholdAsync(await v.GetAsync(ct), householdId, ct), l))
            .WithSummary("A household (its own members and coordinators of its community).");
        api.MapPatch("/households/{householdId:guid}", async (Guid householdId, HouseholdPatch body, CurrentViewer v, CommunityService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.UpdateHouseholdAsync(await v.GetAsync(ct), householdId, body.Name,
                body.Ungroup == true || body.GroupId is not null, body.Ungroup == true ? null : body.GroupId, ct), l))
            .WithSummary("Rename a household (its members) or move it to another group (coordinators).");

        api.MapGet("/communities/{communityId:guid}/people", async (Guid communityId, CurrentViewer v, RoleService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.PeopleAsync(await v.GetAsync(ct), communityId, ct), l))
            .WithSummary("People of a community with their roles (coordinators).");
        api.MapPost("/communities/{communityId:guid}/people/{personId:guid}/roles", async (Guid communityId, Guid personId, RoleRequest body, CurrentViewer v, RoleService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.GrantAsync(await v.GetAsync(ct), communityId, personId, body.Role, ct), l))
            .WithSummary("Give a role: coordinators give ambassador and supporter, admins also coordinator and sponsor.");
        api.MapDelete("/communities/{communityId:guid}/people/{personId:guid}/roles/{role}", async (Guid communityId, Guid personId, string role, CurrentViewer v, RoleService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            Enum.TryParse<Role>(role, ignoreCase: true, out var r) && Enum.IsDefined(r) && !int.TryParse(role, out _)
                ? ApiResults.From(await s.RevokeAsync(await v.GetAsync(ct), communityId, personId, r, ct), l)
                : ApiResults.Problem(Mutua.Core.Failure.InvalidRole, l))
            .WithSummary("Take a role back.");
    }
}
