namespace Mutua.Web.Infrastructure;

public static class SecurityHeaders
{
    // No inline script anywhere: pages work without JavaScript, and what little there is comes from /js.
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Decided when the answer starts, once sign-in has run: static files (served before it) stay cacheable.
            context.Response.OnStarting(KeepPrivateAnswersOutOfCaches, context);
            return next(context);
        });

    /// <summary>
    /// Whatever a signed-in person is shown, and the sign-in answers that carry tokens, is kept by no
    /// browser history or proxy cache (issue 11, finding 9). An endpoint that chose its own caching
    /// (a project photo) keeps its choice; anonymous public pages keep their output cache.
    /// </summary>
    private static Task KeepPrivateAnswersOutOfCaches(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        var personal = context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/api/v1/auth");
        if (personal && headers.CacheControl.Count == 0)
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
        return Task.CompletedTask;
    }
}
