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
        api.MapPost("/invitations/{code}/signup", async (string code, SignUp body, string? via, Guid? project, InvitationService s,
                Mutua.Core.Projects.AmbassadorService ambassadors, IStringLocalizer<Text> l, CancellationToken ct) =>
            {
                var joined = await s.SignUpAsync(code, body, ct);
                // An app that opened a public project through an ambassador's link passes it on, as the web pages do with their cookie.
                if (joined.Succeeded && project is { } shared) await ambassadors.RecordSignUpAsync(shared, via, ct);
                return ApiResults.From(joined, l, j => Results.Created("/api/v1/me", j));
            })
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Create an account with an invitation code; then sign in with /auth/login. " +
                "Came through an ambassador's share link (/p/{slug}?via={code})? Add ?via={code}&project={projectId} and the sign-up counts for them.");
        api.MapPost("/invitations/{code}/redemption", async (string code, CurrentViewer v, InvitationService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.RedeemAsync(await v.GetAsync(ct), code, ct), l))
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Join another community or household with a code, as the signed-in person.");
    }
}
