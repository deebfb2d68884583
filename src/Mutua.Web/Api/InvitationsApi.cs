using Microsoft.Extensions.Localization;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

internal static class InvitationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{communityId:guid}/invitations", async (Guid communityId, CurrentViewer v, InvitationService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.ListAsync(await v.GetAsync(ct), communityId, ct), l))
            .WithSummary("Invitations of a community: all of them for coordinators, one's own for members.");
        api.MapPost("/communities/{communityId:guid}/invitations", async (Guid communityId, NewInvitation body, CurrentViewer v, InvitationService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.CreateAsync(await v.GetAsync(ct), communityId, body, ct), l, i => Results.Created($"/api/v1/invitations/{i.Code}", i)))
            .WithSummary("Create an invitation code: into an existing household (householdId), a new household (groupId, newHouseholdName), or with another role.");
        api.MapDelete("/invitations/{invitationId:guid}", async (Guid invitationId, CurrentViewer v, InvitationService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.RevokeAsync(await v.GetAsync(ct), invitationId, ct), l))
            .WithSummary("Withdraw an unused invitation (its maker or a coordinator).");

        api.MapGet("/invitations/{code}", async (string code, InvitationService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.PreviewAsync(code, ct), l))
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Where an invitation code leads, before joining.");
        api.MapPost("/invitations/{code}/signup", async (string code, SignUp body, InvitationService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.SignUpAsync(code, body, ct), l, j => Results.Created("/api/v1/me", j)))
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Create an account with an invitation code; then sign in with /auth/login.");
        api.MapPost("/invitations/{code}/redemption", async (string code, CurrentViewer v, InvitationService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.RedeemAsync(await v.GetAsync(ct), code, ct), l))
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Join another community or household with a code, as the signed-in person.");
    }
}
