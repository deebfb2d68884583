using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// Public pages (project discovery, a public project's page) as an anonymous visitor sees them, kept
/// for a few seconds per address and language. A project shared on social media is opened by many
/// people at once who cannot sign in to anything on it: they get the same page, built once. Anyone
/// signed in, anything with a cookie of its own in the answer, and visits that count something (an
/// ambassador's ?via= link) always get a page built for them.
/// </summary>
public sealed class PublicPageCache : IOutputCachePolicy
{
    public const string Name = "public-page";

    /// <summary>How stale a pledge total an anonymous visitor may see: seconds, not minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>Query keys that make a visit count or show a one-off message: never served from the cache.</summary>
    private static readonly string[] OneOffKeys = ["via", "done"];

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey("Authorization")
            && !OneOffKeys.Any(request.Query.ContainsKey)
            && !request.Cookies.ContainsKey(Pages.Projects.ShowModel.ViaCookie);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.Tags.Add(Name);
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // A cookie belongs to one visitor; an error or a redirect is not a page to hand to the next one.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}

public static class PublicPageCacheExtensions
{
    /// <summary>Paths whose writes can change what a public page shows.</summary>
    private static readonly PathString[] ProjectPaths = ["/p", "/Projects", "/api/v1/projects", "/api/v1/pledges", "/Admin"];

    /// <summary>
    /// The cache, and its emptying after any write to a project: a project made private, paused or
    /// corrected is gone from the cache before its owner sees the answer.
    /// </summary>
    public static IApplicationBuilder UsePublicPageCache(this IApplicationBuilder app)
    {
        app.Use((http, next) =>
        {
            var request = http.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
                && ProjectPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                // Before the answer leaves: whoever follows it to the project's page gets a fresh one.
                http.Response.OnStarting(() =>
                    http.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageCache.Name, CancellationToken.None).AsTask());
            }
            return next(http);
        });
        return app.UseOutputCache();
    }
}
