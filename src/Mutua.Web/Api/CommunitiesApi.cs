using Microsoft.AspNetCore.Http.HttpResults;
using Mutua.Core;
using Mutua.Core.Communities;

namespace Mutua.Web.Api;

public sealed record NameRequest(string? Name);

public sealed record NewHouseholdRequest(string? Name, Guid? GroupId);

/// <summary>Rename a household (its own members) and/or move it (coordinators); "ungroup": true takes it out of any group.</summary>
public sealed record HouseholdPatch(string? Name, Guid? GroupId, bool? Ungroup);

public sealed record RoleRequest(Role Role);

/// <summary>The community's sponsoring agency: an empty name says none is named, and clears what it does and whom to contact.</summary>
public sealed record AgencyRequest(string? Name, string? About, string? Contact);

internal static class CommunitiesApi
{
    private const int Forbidden = StatusCodes.Status403Forbidden;
    private const int NotFound = StatusCodes.Status404NotFound;
    private const int Conflict = StatusCodes.Status409Conflict;

    public static RouteGroupBuilder MapCommunitiesApi(this RouteGroupBuilder app)
    {
        var api = app.MapGroup("").WithTags("Communities");
        api.MapGet("/communities", ListCommunitiesAsync)
            .WithSummary("The communities the signed-in person belongs to (all of them for an admin).");
        api.MapPost("/communities", CreateCommunityAsync)
            .WithSummary("Create a community (admins).")
            .ProducesProblems(Forbidden, Conflict);
        api.MapGet("/communities/{communityId:guid}", GetCommunityAsync)
            .WithSummary("A community with its groups.")
            .ProducesProblems(Forbidden, NotFound);

        api.MapPut("/communities/{communityId:guid}/agency", SetCommunityAgencyAsync)
            .WithSummary("Name the community's sponsoring agency, what it does and whom to contact (coordinators); answers the community.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapGet("/communities/{communityId:guid}/welcome", GetWelcomeAsync)
            .WithSummary("The signed-in newcomer's own welcome: first steps, group, and their buddy with only what the buddy shares to be reached.")
            .ProducesProblems(NotFound);

        api.MapGet("/communities/{communityId:guid}/groups", ListGroupsAsync)
            .WithSummary("The groups of a community.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPost("/communities/{communityId:guid}/groups", CreateGroupAsync)
            .WithSummary("Form a group (coordinators).")
            .ProducesProblems(Forbidden, NotFound, Conflict);
        api.MapGet("/groups/{groupId:guid}", GetGroupAsync)
            .WithSummary("A group with its households and members' first names (members and coordinators of its community).")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPatch("/groups/{groupId:guid}", RenameGroupAsync)
            .WithSummary("Rename a group (coordinators).")
            .ProducesProblems(Forbidden, NotFound, Conflict);

        api.MapGet("/communities/{communityId:guid}/households", ListHouseholdsAsync)
            .WithSummary("The households of a community (its members and coordinators).")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPost("/communities/{communityId:guid}/households", CreateHouseholdAsync)
            .WithSummary("Record a household (coordinators); its people join it by invitation.")
            .ProducesProblems(Forbidden, NotFound, Conflict);
        api.MapGet("/households/{householdId:guid}", GetHouseholdAsync)
            .WithSummary("A household (its own members and coordinators of its community).")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPatch("/households/{householdId:guid}", UpdateHouseholdAsync)
            .WithSummary("Rename a household (its members) or move it to another group (coordinators).")
            .ProducesProblems(Forbidden, NotFound, Conflict);

        api.MapGet("/communities/{communityId:guid}/people", ListPeopleAsync)
            .WithSummary("People of a community with their roles (coordinators).")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPost("/communities/{communityId:guid}/people/{personId:guid}/roles", GrantRoleAsync)
            .WithSummary("Give a role: coordinators give ambassador and supporter, admins also coordinator and sponsor.")
            .ProducesProblems(Forbidden, NotFound, Conflict);
        api.MapDelete("/communities/{communityId:guid}/people/{personId:guid}/roles/{role}", RevokeRoleAsync)
            .WithSummary("Take a role back.")
            .ProducesProblems(Forbidden, NotFound);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CommunitySummary>>> ListCommunitiesAsync(Viewer viewer, CommunityService communities, CancellationToken ct) =>
        TypedResults.Ok(await communities.ListAsync(viewer, ct));

    private static async Task<Results<Created<CommunitySummary>, ApiProblem>> CreateCommunityAsync(NewCommunity body, Viewer viewer,
        CommunityService communities, CancellationToken ct) =>
        ApiResults.Created(await communities.CreateAsync(viewer, body, ct), c => $"/api/v1/communities/{c.Id}");

    private static async Task<Results<Ok<CommunityDetail>, ApiProblem>> GetCommunityAsync(Guid communityId, Viewer viewer,
        CommunityService communities, CancellationToken ct) =>
        ApiResults.Ok(await communities.GetAsync(viewer, communityId, ct));

    private static async Task<Results<Ok<CommunityDetail>, ApiProblem>> SetCommunityAgencyAsync(Guid communityId, AgencyRequest body,
        Viewer viewer, CommunityService communities, CancellationToken ct)
    {
        var set = await communities.SetAgencyAsync(viewer, communityId, body.Name, body.About, body.Contact, ct);
        return set.Succeeded ? ApiResults.Ok(await communities.GetAsync(viewer, communityId, ct)) : ApiResults.Problem(set.Failure!.Value);
    }

    private static async Task<Results<Ok<Welcome>, ApiProblem>> GetWelcomeAsync(Guid communityId, Viewer viewer,
        OrientationService orientation, CancellationToken ct) =>
        ApiResults.Ok(await orientation.WelcomeAsync(viewer, communityId, ct));

    private static async Task<Results<Ok<IReadOnlyList<GroupSummary>>, ApiProblem>> ListGroupsAsync(Guid communityId, Viewer viewer,
        CommunityService communities, CancellationToken ct) =>
        ApiResults.Ok(await communities.ListGroupsAsync(viewer, communityId, ct));

    private static async Task<Results<Created<GroupSummary>, ApiProblem>> CreateGroupAsync(Guid communityId, NameRequest body, Viewer viewer,
        CommunityService communities, CancellationToken ct) =>
        ApiResults.Created(await communities.CreateGroupAsync(viewer, communityId, body.Name, ct), g => $"/api/v1/groups/{g.Id}");

    private static async Task<Results<Ok<GroupDetail>, ApiProblem>> GetGroupAsync(Guid groupId, Viewer viewer,
        CommunityService communities, CancellationToken ct) =>
        ApiResults.Ok(await communities.GetGroupAsync(viewer, groupId, ct));

    private static async Task<Results<Ok<GroupSummary>, ApiProblem>> RenameGroupAsync(Guid groupId, NameRequest body, Viewer viewer,
        CommunityService communities, CancellationToken ct) =>
        ApiResults.Ok(await communities.RenameGroupAsync(viewer, groupId, body.Name, ct));

    private static async Task<Results<Ok<IReadOnlyList<HouseholdSummary>>, ApiProblem>> ListHouseholdsAsync(Guid communityId, Viewer viewer,
        CommunityService communities, CancellationToken ct) =>
        ApiResults.Ok(await communities.ListHouseholdsAsync(viewer, communityId, ct));

    private static async Task<Results<Created<HouseholdSummary>, ApiProblem>> CreateHouseholdAsync(Guid communityId, NewHouseholdRequest body,
        Viewer viewer, CommunityService communities, CancellationToken ct) =>
        ApiResults.Created(await communities.CreateHouseholdAsync(viewer, communityId, body.Name, body.GroupId, ct), h => $"/api/v1/households/{h.Id}");

    private static async Task<Results<Ok<HouseholdDetail>, ApiProblem>> GetHouseholdAsync(Guid householdId, Viewer viewer,
        CommunityService communities, CancellationToken ct) =>
        ApiResults.Ok(await communities.GetHouseholdAsync(viewer, householdId, ct));

    private static async Task<Results<Ok<HouseholdDetail>, ApiProblem>> UpdateHouseholdAsync(Guid householdId, HouseholdPatch body, Viewer viewer,
        CommunityService communities, CancellationToken ct) =>
        ApiResults.Ok(await communities.UpdateHouseholdAsync(viewer, householdId, body.Name,
            body.Ungroup == true || body.GroupId is not null, body.Ungroup == true ? null : body.GroupId, ct));

    private static async Task<Results<Ok<IReadOnlyList<PersonInCommunity>>, ApiProblem>> ListPeopleAsync(Guid communityId, Viewer viewer,
        RoleService roles, CancellationToken ct) =>
        ApiResults.Ok(await roles.PeopleAsync(viewer, communityId, ct));

    private static async Task<Results<Ok<PersonInCommunity>, ApiProblem>> GrantRoleAsync(Guid communityId, Guid personId, RoleRequest body,
        Viewer viewer, RoleService roles, CancellationToken ct) =>
        ApiResults.Ok(await roles.GrantAsync(viewer, communityId, personId, body.Role, ct));

    private static async Task<Results<Ok<PersonInCommunity>, ApiProblem>> RevokeRoleAsync(Guid communityId, Guid personId, string role,
        Viewer viewer, RoleService roles, CancellationToken ct) =>
        Enum.TryParse<Role>(role, ignoreCase: true, out var r) && Enum.IsDefined(r) && !int.TryParse(role, out _)
            ? ApiResults.Ok(await roles.RevokeAsync(viewer, communityId, personId, r, ct))
            : ApiResults.Problem(Failure.InvalidRole);
}
