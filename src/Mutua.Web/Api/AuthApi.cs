using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mutua.Core.Accounts;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

public sealed record LoginRequest(string? Login, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record PasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>One device the person is signed in on; thisDevice marks the one asking.</summary>
public sealed record SessionResponse(Guid Id, SessionKind Kind, string? Device, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt, bool ThisDevice);

public sealed record EndedSessionsResponse(int Ended);

public sealed record MeResponse(Guid Id, string FirstName, string? FullName, string? Email, string? PhoneNumber, string Language,
    bool IsAdmin, IReadOnlyList<MeHousehold> Households, IReadOnlyList<MeCommunity> Communities);

public sealed record MeHousehold(Guid Id, Guid CommunityId, Guid? GroupId);

public sealed record MeCommunity(Guid Id, IReadOnlyList<string> Roles);

internal static class AuthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Sign in with a phone number or e-mail and a password; returns a short-lived bearer accessToken and a refreshToken.");
        api.MapPost("/auth/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("A new accessToken and refreshToken for a refreshToken, while its session is still signed in. Each refreshToken works once; using one again signs its session out.");
        api.MapPost("/auth/logout", LogoutAsync)
            .WithSummary("Signs this token's session out: its access and refresh tokens stop working at once.");
        api.MapGet("/me/sessions", SessionsAsync).WithSummary("The devices and apps the person is signed in on.");
        api.MapDelete("/me/sessions/{sessionId:guid}", EndSessionAsync).WithSummary("Signs one of the person's sessions out.");
        api.MapPost("/me/sessions/end-others", EndOtherSessionsAsync).WithSummary("Signs out everywhere but this session.");
        api.MapPost("/me/password", ChangePasswordAsync).RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Change the password; every other session of the person is signed out.");
        api.MapGet("/me", MeAsync).WithSummary("The signed-in person, their households, communities and roles.");
        api.MapPatch("/me", UpdateMeAsync).WithSummary("Change first name, full name or preferred language.");
    }

    private static async Task<IResult> LoginAsync(LoginRequest body, SignIns signIns, IStringLocalizer<Text> l, HttpContext http)
    {
        var principal = await signIns.SignInApiAsync(body.Login, body.Password, http);
        if (!principal.Succeeded)
        {
            var failure = principal.Failure!.Value;
            return Results.Problem(title: SignIns.RefusalMessage(l, failure),
                statusCode: failure == Core.Failure.LockedOut ? failure.StatusCode() : StatusCodes.Status401Unauthorized);
        }
        // The bearer handler writes {"tokenType","accessToken","expiresIn","refreshToken"}.
        return Results.SignIn(principal.Value!, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest body, SignIns signIns, SessionService sessions, UserManager<Person> users,
        IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock, IStringLocalizer<Text> l, HttpContext http)
    {
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
            return Results.Problem(title: l["You were signed out. Please sign in again."], statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["error"] = "signed_out" });
        return Results.SignIn(await signIns.ApiPrincipalAsync(person, session, http, next!.Value), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> LogoutAsync(SessionService sessions, HttpContext http)
    {
        if (SignIns.SessionOf(http.User) is { } session && SignIns.PersonOf(http.User) is { } person)
            await sessions.SignOutAsync(person, session, http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> SessionsAsync(CurrentViewer current, SessionService sessions, HttpContext http)
    {
        var list = await sessions.ListAsync(await current.GetAsync(http.RequestAborted), SignIns.SessionOf(http.User), http.RequestAborted);
        return Results.Ok(list.Select(s => new SessionResponse(s.Id, s.Kind, s.Device, s.SignedInAt, s.LastSeenAt, s.ThisDevice)).ToList());
    }

    private static async Task<IResult> EndSessionAsync(Guid sessionId, CurrentViewer current, SessionService sessions, IStringLocalizer<Text> l, CancellationToken ct) =>
        ApiResults.From(await sessions.EndAsync(await current.GetAsync(ct), sessionId, ct), l, _ => Results.NoContent());

    private static async Task<IResult> EndOtherSessionsAsync(CurrentViewer current, SessionService sessions, HttpContext http) =>
        Results.Ok(new EndedSessionsResponse(
            await sessions.EndOthersAsync(await current.GetAsync(http.RequestAborted), SignIns.SessionOf(http.User), http.RequestAborted)));

    private static async Task<IResult> ChangePasswordAsync(PasswordRequest body, CurrentViewer current, PasswordService passwords,
        IStringLocalizer<Text> l, HttpContext http) =>
        ApiResults.From(await passwords.ChangeAsync(await current.GetAsync(http.RequestAborted),
            new PasswordChange(body.CurrentPassword, body.NewPassword), SignIns.SessionOf(http.User), http.RequestAborted), l, _ => Results.NoContent());

    private static async Task<IResult> MeAsync(CurrentViewer current, ProfileService profiles, IStringLocalizer<Text> l, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var profile = await profiles.GetAsync(viewer, ct);
        if (!profile.Succeeded) return ApiResults.Problem(profile.Failure!.Value, l);
        return Results.Ok(ToMe(profile.Value!, viewer));
    }

    private static async Task<IResult> UpdateMeAsync(ProfileChange body, CurrentViewer current, ProfileService profiles, IStringLocalizer<Text> l, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        return ApiResults.From(await profiles.UpdateAsync(viewer, body, ct), l, p => Results.Ok(ToMe(p, viewer)));
    }

    private static MeResponse ToMe(Profile p, Core.Viewer viewer) => new(p.Id, p.FirstName, p.FullName, p.Email, p.PhoneNumber,
        p.Language, p.IsAdmin,
        viewer.Households.Select(h => new MeHousehold(h.HouseholdId, h.CommunityId, h.GroupId)).ToList(),
        viewer.Roles.GroupBy(r => r.CommunityId)
            .Select(g => new MeCommunity(g.Key, g.Select(r => r.Role.ToString().ToLowerInvariant()).ToList())).ToList());
}
