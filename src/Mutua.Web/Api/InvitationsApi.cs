using Microsoft.AspNetCore.Http.HttpResults;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Core.Projects;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

internal static class InvitationsApi
{
    private const int Forbidden = StatusCodes.Status403Forbidden;
    private const int NotFound = StatusCodes.Status404NotFound;
    private const int Conflict = StatusCodes.Status409Conflict;
    private const int Gone = StatusCodes.Status410Gone;

    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder app)
    {
        var api = app.MapGroup("").WithTags("Invitations");
        api.MapGet("/communities/{communityId:guid}/invitations", ListInvitationsAsync)
            .WithSummary("Invitations of a community: all of them for coordinators, one's own for members.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPost("/communities/{communityId:guid}/invitations", CreateInvitationAsync)
            .WithSummary("Create an invitation code: into an existing household (householdId), a new household (groupId, newHouseholdName), or with another role.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapDelete("/invitations/{invitationId:guid}", RevokeInvitationAsync)
            .WithSummary("Withdraw an unused invitation (its maker or a coordinator).")
            .ProducesProblems(Forbidden, NotFound, Conflict);

        api.MapGet("/invitation-codes/{code}", PreviewInvitationAsync)
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Where an invitation code leads, before joining.")
            .ProducesProblems(Conflict, Gone);
        api.MapPost("/invitation-codes/{code}/signup", SignUpAsync)
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Create an account with an invitation code; then sign in with /auth/login. " +
                "Came through an ambassador's share link (/p/{slug}?via={code})? Add ?via={code}&project={projectId} and the sign-up counts for them.")
            .ProducesProblems(Conflict, Gone);
        api.MapPost("/invitation-codes/{code}/redemption", RedeemInvitationAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Join another community or household with a code, as the signed-in person.")
            .ProducesProblems(Conflict, Gone);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<InvitationSummary>>, ApiProblem>> ListInvitationsAsync(Guid communityId, Viewer viewer,
        InvitationService invitations, CancellationToken ct) =>
        ApiResults.Ok(await invitations.ListAsync(viewer, communityId, ct));

    private static async Task<Results<Created<InvitationSummary>, ApiProblem>> CreateInvitationAsync(Guid communityId, NewInvitation body,
        Viewer viewer, InvitationService invitations, CancellationToken ct) =>
        ApiResults.Created(await invitations.CreateAsync(viewer, communityId, body, ct), i => $"/api/v1/invitation-codes/{i.Code}");

    private static async Task<Results<Ok<InvitationSummary>, ApiProblem>> RevokeInvitationAsync(Guid invitationId, Viewer viewer,
        InvitationService invitations, CancellationToken ct) =>
        ApiResults.Ok(await invitations.RevokeAsync(viewer, invitationId, ct));

    private static async Task<Results<Ok<InvitationPreview>, ApiProblem>> PreviewInvitationAsync(string code, InvitationService invitations,
        CancellationToken ct) =>
        ApiResults.Ok(await invitations.PreviewAsync(code, ct));

    private static async Task<Results<Created<Joined>, ApiProblem>> SignUpAsync(string code, SignUp body, string? via, Guid? project,
        InvitationService invitations, AmbassadorService ambassadors, CancellationToken ct)
    {
        var joined = await invitations.SignUpAsync(code, body, ct);
        // An app that opened a public project through an ambassador's link passes it on, as the web pages do with their cookie.
        if (joined.Succeeded && project is { } shared) await ambassadors.RecordSignUpAsync(shared, via, ct);
        return ApiResults.Created(joined, _ => "/api/v1/me");
    }

    private static async Task<Results<Ok<Joined>, ApiProblem>> RedeemInvitationAsync(string code, Viewer viewer, InvitationService invitations,
        CancellationToken ct) =>
        ApiResults.Ok(await invitations.RedeemAsync(viewer, code, ct));
}
