using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Web;
using Mutua.Web.Api;
using Mutua.Web.Demo;
using Mutua.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
// Answers do not name the server software (issue 11, finding 9).
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

services.AddPublicAddress(builder.Configuration, builder.Environment);
services.AddMutuaDatabase(builder.Configuration, builder.Environment);
services.AddMutuaCore();
services.AddHostedService<InsightsPrecomputer>();
services.AddHttpContextAccessor();
services.AddCurrentViewer();

// Keys live in the database so every web node reads the others' cookies and tokens.
services.AddDataProtection().SetApplicationName("Mutua").PersistKeysToDbContext<MutuaDbContext>();

services.AddAuthentication(o =>
    {
        o.DefaultScheme = "cookie-or-bearer";
        o.DefaultChallengeScheme = "cookie-or-bearer";
    })
    .AddPolicyScheme("cookie-or-bearer", "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/api")
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme)
    // Access tokens are short-lived; the refresh token renews them within the same session, and both
    // stop the moment the session is ended (SignIns.ValidateBearerAsync, POST /api/v1/auth/refresh).
    .AddBearerToken(IdentityConstants.BearerScheme, o =>
    {
        o.BearerTokenExpiration = TimeSpan.FromMinutes(15);
        o.RefreshTokenExpiration = SessionService.IdleLimit;
        o.Events = new Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenEvents { OnMessageReceived = SignIns.ValidateBearerAsync };
    })
    .AddIdentityCookies(o => o.ApplicationCookie?.Configure(c =>
    {
        c.LoginPath = "/Account/Login";
        c.AccessDeniedPath = "/Account/Denied";
        c.ExpireTimeSpan = TimeSpan.FromDays(30);
        c.SlidingExpiration = true;
        c.Cookie.Name = "mutua";
        c.Cookie.HttpOnly = true;
        c.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the request is HTTPS, including behind a TLS proxy with forwarded headers on.
        c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // Every request checks that the cookie's session is still live (signing out ends it on the server).
        c.EventsType = typeof(SignIns.CookieEvents);
    }));
services.AddScoped<SignIns.CookieEvents>();
services.AddScoped<SignIns>();
services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SignIns.KeepSessionOnRefresh);
services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
services.AddIdentityCore<Person>(AccountRules.Apply)
    .AddEntityFrameworkStores<MutuaDbContext>()
    .AddSignInManager()
    .AddDefaultTokenProviders();
// Closed by default: every page and endpoint needs a signed-in person unless it says [AllowAnonymous] (the public
// pages, sign-in, health, the API document), so a new page is never open by being forgotten. A path that matches
// no endpoint at all stays the plain 404 it always was, and a known path asked with the wrong method the 405 (routing's
// rejection endpoint is no RouteEndpoint): there is nothing behind either to close.
services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
    .RequireAssertion(c => c.User.Identities.Any(i => i.IsAuthenticated) || c.Resource is HttpContext { } http && http.GetEndpoint() is not RouteEndpoint)
    .Build());

services.AddMutuaLocalization();
services.AddMutuaRateLimits(builder.Configuration);
services.AddRazorPages()
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Text)));
services.AddSingleton<IConfigureOptions<MvcOptions>, LocalisedBindingMessages>();
services.AddProblemDetails();
services.AddExceptionHandler<BadRequestHandler>();
// Malformed API input throws, so BadRequestHandler can answer it in the caller's language.
services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// Names and sentences in Kinyarwanda, French or Spanish go out as they are, not as &#xE9; escapes.
services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
services.AddMutuaOpenApi();
services.AddMutuaCompression();
services.AddOutputCache(o => o.AddPolicy(PublicPageCache.Name, new PublicPageCache()));
services.AddHealthChecks().AddDbContextCheck<MutuaDbContext>("database", tags: ["ready"]);
services.ConfigureHttpJsonOptions(o => JsonContract.Apply(o.SerializerOptions));

var app = builder.Build();

await Database.MigrateAsync(app.Services);
if (args.Length > 0 && args[0] == "create-admin")
{
    Environment.ExitCode = await AdminCommand.RunAsync(app.Services, args[1..]);
    return;
}
if (app.Configuration.GetValue<bool>("Mutua:Demo"))
{
    await DemoSeeder.SeedAsync(app.Services, app.Logger);
}

// First, so error answers (exception handler, status pages) are in the person's language too.
app.UseRequestLocalization();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/Error",
    StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
// Pages get a friendly page for 404/403/429; the API and health endpoints keep their own bodies.
app.UseWhen(c => !IsMachinePath(c.Request.Path), b => b.UseStatusCodePagesWithReExecute("/Status/{0}"));
// API errors without a body (no route matched a malformed id, wrong content type) get a problem document.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages(async ctx =>
{
    var http = ctx.HttpContext;
    var l = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Text>>();
    var status = http.Response.StatusCode;
    // 404 and 403 are Core's refusals and read as ApiResults writes them; the others have no Failure of their own.
    IResult problem = status switch
    {
        StatusCodes.Status404NotFound => ApiResults.Problem(Failure.NotFound, l),
        StatusCodes.Status403Forbidden => ApiResults.Problem(Failure.Forbidden, l),
        StatusCodes.Status401Unauthorized => Results.Problem(title: l["Sign in with your phone number or e-mail."], statusCode: status,
            extensions: new Dictionary<string, object?> { ["error"] = "unauthorized" }),
        _ => Results.Problem(title: l["We could not read that request. Check that every field has the right kind of value."], statusCode: status,
            extensions: new Dictionary<string, object?> { ["error"] = "bad_request" }),
    };
    await problem.ExecuteAsync(http);
}));
// Only over HTTPS (and never for localhost): tells browsers to come back over HTTPS only.
app.UseHsts();
app.UseResponseCompression();
app.UseSecurityHeaders();
// Files linked with their version (asp-append-version adds ?v=<hash>) never change under that address: a phone keeps
// them a year. Anything else for an hour.
app.UseStaticFiles(new StaticFileOptions
{
    OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = f.Context.Request.Query.ContainsKey("v")
        ? "public, max-age=31536000, immutable" : "public, max-age=3600",
});
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseCurrentViewer();
app.UseNumberConventions();
app.UseCompressionOnlyFromOwnPages();
app.UseAuthorization();
// After sign-in and language are known: the public-page policy caches only what an anonymous visitor sees, per language.
app.UsePublicPageCache();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapRazorPages();
app.MapMutuaApi();
app.MapPhotos();

await app.RunAsync();

static bool IsMachinePath(PathString path) =>
    path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi");

/// <summary>For WebApplicationFactory in the tests.</summary>
public partial class Program;
