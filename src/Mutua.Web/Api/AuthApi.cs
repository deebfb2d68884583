using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

public sealed record LoginRequest(string? Login, string? Password);

public sealed record MeResponse(Guid Id, string FirstName, string? FullName, string? Email, string? PhoneNumber, string Language,
    bool IsAdmin, IReadOnlyList<MeHousehold> Households, IReadOnlyList<MeCommunity> Communities);

public sealed record MeHousehold(Guid Id, Guid CommunityId, Guid? GroupId);

public sealed record MeCommunity(Guid Id, IReadOnlyList<string> Roles);

internal static class AuthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Sign in with a phone number or e-mail and a password; returns a bearer accessToken.");
        api.MapGet("/me", MeAsync).WithSummary("The signed-in person, their households, communities and roles.");
        api.MapPatch("/me", UpdateMeAsync).WithSummary("Change first name, full name or preferred language.");
    }

    private static async Task<IResult> LoginAsync(LoginRequest body, PeopleDirectory people, SignInManager<Person> signIn,
        MutuaDbContext db, TimeProvider clock, IStringLocalizer<Text> l, HttpContext http)
    {
        var person = await people.FindByLoginAsync(body.Login, http.RequestAborted);
        if (person is null || string.IsNullOrEmpty(body.Password))
        {
            db.Record(clock.GetUtcNow(), null, AuditActions.SignInFailed, detail: "api");
            await db.SaveChangesAsync(http.RequestAborted);
            return Results.Problem(title: l["That phone number or e-mail and password do not match."], statusCode: StatusCodes.Status401Unauthorized);
        }
        var result = await signIn.CheckPasswordSignInAsync(person, body.Password, lockoutOnFailure: true);
        db.Record(clock.GetUtcNow(), person.Id,
            result.Succeeded ? AuditActions.SignIn : result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed,
            subject: person.Id, detail: "api");
        await db.SaveChangesAsync(http.RequestAborted);
        if (result.IsLockedOut)
            return Results.Problem(title: l["Too many wrong passwords. Your account is locked for a few minutes."], statusCode: StatusCodes.Status423Locked);
        if (!result.Succeeded)
            return Results.Problem(title: l["That phone number or e-mail and password do not match."], statusCode: StatusCodes.Status401Unauthorized);
        var principal = await signIn.CreateUserPrincipalAsync(person);
        // The bearer handler writes {"tokenType","accessToken","expiresIn","refreshToken"}.
        return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

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

    private static MeResponse ToMe(Profile p, Core.Communities.Viewer viewer) => new(p.Id, p.FirstName, p.FullName, p.Email, p.PhoneNumber,
        p.Language, p.IsAdmin,
        viewer.Households.Select(h => new MeHousehold(h.HouseholdId, h.CommunityId, h.GroupId)).ToList(),
        viewer.Roles.GroupBy(r => r.CommunityId)
            .Select(g => new MeCommunity(g.Key, g.Select(r => r.Role.ToString().ToLowerInvariant()).ToList())).ToList());
}
