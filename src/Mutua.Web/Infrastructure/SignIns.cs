using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// Signing in and out, for the sign-in page, the join page and the API alike. Every sign-in starts a
/// <see cref="SignInSession"/> whose id the cookie or the bearer tokens carry as a claim.
/// </summary>
public sealed class SignIns(PeopleDirectory people, SignInManager<Person> signIn, IPasswordHasher<Person> hasher,
    SessionService sessions, MutuaDbContext db, TimeProvider clock)
{
    public const string SessionClaim = "mutua:session";
    /// <summary>The refresh token's number within its session (<see cref="SessionService.RotateRefreshAsync"/>).</summary>
    public const string RefreshClaim = "mutua:refresh";

    public static int GenerationOf(ClaimsPrincipal? principal) =>
        int.TryParse(principal?.FindFirstValue(RefreshClaim), out var g) ? g : 0;

    private static string? unknownLoginHash;

    /// <summary>The session a cookie or token belongs to; null for one made before sessions were kept.</summary>
    public static Guid? SessionOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var id) ? id : null;

    public static Guid? PersonOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>
    /// The one sign-in with a password, for the sign-in page: checks it (<see cref="CheckAsync"/>: lockout, audit) and
    /// starts a browser session with its cookie. Refuses with <see cref="Failure.LockedOut"/> or
    /// <see cref="Failure.WrongPassword"/> (<see cref="RefusalMessage"/> says it without telling which part was wrong).
    /// </summary>
    public async Task<Outcome<Person>> SignInBrowserAsync(string? login, string? password, bool persistent, HttpContext http)
    {
        var person = await CheckAsync(login, password, "web", http.RequestAborted);
        if (person.Succeeded) await SignInBrowserAsync(person.Value!, persistent, http);
        return person;
    }

    /// <summary>
    /// The same sign-in for POST /api/v1/auth/login: checked as <see cref="SignInBrowserAsync(string?, string?, bool, HttpContext)"/>
    /// is, then a new API session whose principal the bearer handler turns into an access and a refresh token.
    /// </summary>
    public async Task<Outcome<ClaimsPrincipal>> SignInApiAsync(string? login, string? password, HttpContext http)
    {
        var person = await CheckAsync(login, password, "api", http.RequestAborted);
        if (!person.Succeeded) return person.Failure!.Value;
        return await ApiPrincipalAsync(person.Value!, null, http);
    }

    /// <summary>
    /// Why a sign-in was refused, in the person's language: locked out, or "do not match" (never which of login
    /// and password was wrong, so nobody learns which accounts exist).
    /// </summary>
    public static string RefusalMessage(IStringLocalizer<Text> l, Failure failure) => failure == Failure.LockedOut
        ? l.Message(Failure.LockedOut)
        : l["That phone number or e-mail and password do not match."];

    /// <summary>
    /// Checks a login and password, with lockout, and records the attempt. An unknown login (or an
    /// empty password) is checked against a hash all the same, so the time of the answer does not
    /// tell whether an account exists (issue 11, finding 8).
    /// </summary>
    private async Task<Outcome<Person>> CheckAsync(string? login, string? password, string channel, CancellationToken ct)
    {
        var person = await people.FindByLoginAsync(login, ct);
        if (person is null || string.IsNullOrEmpty(password))
        {
            var standIn = new Person();
            unknownLoginHash ??= hasher.HashPassword(standIn, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(standIn, unknownLoginHash, password ?? "");
            db.Record(clock.GetUtcNow(), null, AuditActions.SignInFailed, subject: person?.Id, detail: channel);
            await db.SaveChangesAsync(ct);
            return Failure.WrongPassword;
        }
        var result = await signIn.CheckPasswordSignInAsync(person, password, lockoutOnFailure: true);
        db.Record(clock.GetUtcNow(), person.Id,
            result.Succeeded ? AuditActions.SignIn : result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed,
            subject: person.Id, detail: channel);
        await db.SaveChangesAsync(ct);
        return result.Succeeded ? person : result.IsLockedOut ? Failure.LockedOut : Failure.WrongPassword;
    }

    /// <summary>Starts a browser session and sets its cookie.</summary>
    public async Task SignInBrowserAsync(Person person, bool persistent, HttpContext http)
    {
        var session = await sessions.StartAsync(person.Id, SessionKind.Browser, http.Request.Headers.UserAgent, http.RequestAborted);
        await signIn.SignInWithClaimsAsync(person, persistent, [new Claim(SessionClaim, session.ToString())]);
    }

    /// <summary>Sets the cookie again for the same session, after a change that renewed the person's security stamp.</summary>
    public async Task RenewBrowserAsync(Person person, Guid session, HttpContext http)
    {
        var current = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInWithClaimsAsync(person, current.Properties, [new Claim(SessionClaim, session.ToString())]);
    }

    /// <summary>Ends the browser's session on the server and removes its cookie.</summary>
    public async Task SignOutBrowserAsync(HttpContext http)
    {
        if (SessionOf(http.User) is { } session && PersonOf(http.User) is { } person)
        {
            await sessions.SignOutAsync(person, session, http.RequestAborted);
        }
        await signIn.SignOutAsync();
    }

    /// <summary>A principal for the bearer handler to turn into an access and a refresh token, in a new or an existing session.</summary>
    public async Task<ClaimsPrincipal> ApiPrincipalAsync(Person person, Guid? session, HttpContext http, int generation = 0)
    {
        var id = session ?? await sessions.StartAsync(person.Id, SessionKind.Api, http.Request.Headers.UserAgent, http.RequestAborted);
        var principal = await signIn.CreateUserPrincipalAsync(person);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, id.ToString()));
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(RefreshClaim, generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return principal;
    }

    // ---------------------------------------------------------------- every signed-in request

    private static async Task<bool> IsLiveAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        // A cookie or token without a session predates server-side sessions: it cannot be ended, so it is not accepted.
        if (SessionOf(principal) is not { } session || PersonOf(principal) is not { } person) return false;
        var viewer = await http.RequestServices.GetRequiredService<SessionService>().ViewerInSessionAsync(session, person, http.RequestAborted);
        // Loaded with the session check in one round trip: the request's pages and endpoints use this one.
        if (viewer is not null) CurrentViewer.Remember(http, viewer);
        return viewer is not null;
    }

    /// <summary>The sign-in cookie is good only while its session is live; then Identity's security-stamp check as before.</summary>
    public sealed class CookieEvents : CookieAuthenticationEvents
    {
        public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
        {
            if (!await IsLiveAsync(context.HttpContext, context.Principal))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }

    /// <summary>
    /// The bearer handler has no validation event of its own, so this reads the token the way it would
    /// (same protector, same expiry) and adds the session check; the handler then takes the result as is.
    /// </summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
        {
            context.Fail("The token is not valid or has expired.");
            return;
        }
        if (!await IsLiveAsync(context.HttpContext, ticket.Principal))
        {
            context.Fail("The session of this token has ended.");
            return;
        }
        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
    }

    /// <summary>Identity's periodic security-stamp refresh builds a new principal: it keeps the session.</summary>
    public static Task KeepSessionOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionClaim) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == SessionClaim))
        {
            identity.AddClaim(new Claim(SessionClaim, claim.Value));
        }
        return Task.CompletedTask;
    }
}
