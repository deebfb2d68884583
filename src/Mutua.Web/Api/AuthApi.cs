using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

/// <summary>Both required; a missing or null one is a 400 bad_request.</summary>
public sealed record LoginRequest(string Login, string Password);

/// <summary>Required; a missing or null one is a 400 bad_request.</summary>
public sealed record RefreshRequest(string RefreshToken);

public sealed record PasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>One device the person is signed in on; thisDevice marks the one asking.</summary>
public sealed record SessionResponse(Guid Id, SessionKind Kind, string? Device, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt, bool ThisDevice);

public sealed record EndedSessionsResponse(int Ended);

public sealed record MeResponse(Guid Id, string FirstName, string? FullName, string? Email, string? PhoneNumber, string Language,
    bool IsAdmin, IReadOnlyList<MeHousehold> Households, IReadOnlyList<MeCommunity> Communities);

public sealed record MeHousehold(Guid Id, Guid CommunityId, Guid? GroupId);

public sealed record MeCommunity(Guid Id, IReadOnlyList<string> Roles);

/// <summary>Signing in and out, the person's sessions, password and profile: the Accounts feature.</summary>
/// <summary>What the person's newcomers see to reach them; an empty phone shares none.</summary>
public sealed record BuddyContactRequest(string? Phone, bool AtGroupMeeting);

internal static class AuthApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder app)
    {
        var api = app.MapGroup("").WithTags("Accounts");
        api.MapPost("/auth/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Sign in with a phone number or e-mail and a password; returns a short-lived bearer accessToken and a refreshToken.")
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status423Locked)
            .WithErrorCodes(StatusCodes.Status401Unauthorized, "invalid_credentials").WithErrorCodes(StatusCodes.Status400BadRequest, "bad_request");
        api.MapPost("/auth/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("A new accessToken and refreshToken for a refreshToken, while its session is still signed in. Each refreshToken works once; using one again signs its session out.")
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status401Unauthorized)
            .WithErrorCodes(StatusCodes.Status401Unauthorized, "signed_out").WithErrorCodes(StatusCodes.Status400BadRequest, "bad_request");
        api.MapPost("/auth/logout", LogoutAsync)
            .WithSummary("Signs this token's session out: its access and refresh tokens stop working at once.");
        api.MapGet("/me/sessions", ListSessionsAsync).WithSummary("The devices and apps the person is signed in on.");
        api.MapDelete("/me/sessions/{sessionId:guid}", EndSessionAsync).WithSummary("Signs one of the person's sessions out.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPost("/me/sessions/end-others", EndOtherSessionsAsync).WithSummary("Signs out everywhere but this session.");
        api.MapPost("/me/password", ChangePasswordAsync).RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Change the password; every other session of the person is signed out.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        api.MapGet("/me/buddy-contact", GetBuddyContactAsync)
            .WithSummary("What the newcomers the person is buddy to see to reach them.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPut("/me/buddy-contact", SetBuddyContactAsync)
            .WithSummary("Choose what the newcomers the person is buddy to see: a phone to share (empty for none), read as dialled in the person's community's country, and whether they can be found at the group meeting.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapGet("/me", GetMeAsync).WithSummary("The signed-in person, their households, communities and roles.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPatch("/me", UpdateMeAsync).WithSummary("Change first name, full name or preferred language.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest body, SignIns signIns, IStringLocalizer<Text> l, HttpContext http)
    {
        // The binder lets a missing or null field through as null: that is a request it cannot use, not a wrong password.
        if (body.Login is null || body.Password is null) return ApiResults.BadRequest(l);
        var principal = await signIns.SignInApiAsync(body.Login, body.Password, http);
        if (!principal.Succeeded)
        {
            var failure = principal.Failure!.Value;
            return failure == Core.Failure.LockedOut
                ? ApiResults.Problem(failure, l)
                : TypedResults.Problem(title: SignIns.RefusalMessage(l, failure), statusCode: StatusCodes.Status401Unauthorized,
                    extensions: new Dictionary<string, object?> { ["error"] = "invalid_credentials" });
        }
        // The bearer handler writes {"tokenType","accessToken","expiresIn","refreshToken"}.
        return TypedResults.SignIn(principal.Value!, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(RefreshRequest body, SignIns signIns, SessionService sessions, UserManager<Person> users,
        IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock, IStringLocalizer<Text> l, HttpContext http)
    {
        if (body.RefreshToken is null) return ApiResults.BadRequest(l);
        var ticket = string.IsNullOrEmpty(body.RefreshToken) ? null
            : options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        var session = SignIns.SessionOf(ticket?.Principal);
        var personId = SignIns.PersonOf(ticket?.Principal);
        var live = ticket?.Properties.ExpiresUtc is { } expires && clock.GetUtcNow() < expires && session is not null && personId is not null
            && await sessions.IsLiveAsync(session.Value, personId.Value, http.RequestAborted);
        // Each refresh token works once: the next one replaces it, and a replay of an old one ends the session.
        var next = live ? await sessions.RotateRefreshAsync(session!.Value, personId!.Value, SignIns.GenerationOf(ticket!.Principal), http.RequestAborted) : null;
        var person = next is not null ? await users.FindByIdAsync(personId!.Value.ToString()) : null;
        if (person is null)
            return TypedResults.Problem(title: l["You were signed out. Please sign in again."], statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["error"] = "signed_out" });
        return TypedResults.SignIn(await signIns.ApiPrincipalAsync(person, session, http, next!.Value), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> LogoutAsync(SessionService sessions, HttpContext http)
    {
        if (SignIns.SessionOf(http.User) is { } session && SignIns.PersonOf(http.User) is { } person)
            await sessions.SignOutAsync(person, session, http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<SessionResponse>>> ListSessionsAsync(Viewer viewer, SessionService sessions, HttpContext http)
    {
        var list = await sessions.ListAsync(viewer, SignIns.SessionOf(http.User), http.RequestAborted);
        return TypedResults.Ok(list.Select(s => new SessionResponse(s.Id, s.Kind, s.Device, s.SignedInAt, s.LastSeenAt, s.ThisDevice)).ToList());
    }

    private static async Task<Results<NoContent, ApiProblem>> EndSessionAsync(Guid sessionId, Viewer viewer, SessionService sessions, CancellationToken ct) =>
        ApiResults.NoContent(await sessions.EndAsync(viewer, sessionId, ct));

    private static async Task<Ok<EndedSessionsResponse>> EndOtherSessionsAsync(Viewer viewer, SessionService sessions, HttpContext http) =>
        TypedResults.Ok(new EndedSessionsResponse(await sessions.EndOthersAsync(viewer, SignIns.SessionOf(http.User), http.RequestAborted)));

    private static async Task<Results<NoContent, ApiProblem>> ChangePasswordAsync(PasswordRequest body, Viewer viewer, PasswordService passwords,
        HttpContext http) =>
        ApiResults.NoContent(await passwords.ChangeAsync(viewer, new PasswordChange(body.CurrentPassword, body.NewPassword),
            SignIns.SessionOf(http.User), http.RequestAborted));

    private static async Task<Results<Ok<BuddyContact>, ApiProblem>> GetBuddyContactAsync(Viewer viewer, ProfileService profiles, CancellationToken ct) =>
        ApiResults.Ok(await profiles.GetBuddyContactAsync(viewer, ct));

    private static async Task<Results<Ok<BuddyContact>, ApiProblem>> SetBuddyContactAsync(BuddyContactRequest body, Viewer viewer,
        ProfileService profiles, CancellationToken ct) =>
        ApiResults.Ok(await profiles.SetBuddyContactAsync(viewer, body.Phone, body.AtGroupMeeting,
            System.Globalization.CultureInfo.CurrentCulture.Name.Split('-') is [_, var region, ..] ? region : null, ct));

    private static async Task<Results<Ok<MeResponse>, ApiProblem>> GetMeAsync(Viewer viewer, ProfileService profiles, CancellationToken ct) =>
        ApiResults.Ok(await profiles.GetAsync(viewer, ct), p => ToMe(p, viewer));

    private static async Task<Results<Ok<MeResponse>, ApiProblem>> UpdateMeAsync(ProfileChange body, Viewer viewer, ProfileService profiles,
        CancellationToken ct) =>
        ApiResults.Ok(await profiles.UpdateAsync(viewer, body, ct), p => ToMe(p, viewer));

    private static MeResponse ToMe(Profile p, Viewer viewer) => new(p.Id, p.FirstName, p.FullName, p.Email, p.PhoneNumber,
        p.Language, p.IsAdmin,
        viewer.Households.Select(h => new MeHousehold(h.HouseholdId, h.CommunityId, h.GroupId)).ToList(),
        viewer.Roles.GroupBy(r => r.CommunityId)
            .Select(g => new MeCommunity(g.Key, g.Select(r => r.Role.ToString().ToLowerInvariant()).ToList())).ToList());
}
