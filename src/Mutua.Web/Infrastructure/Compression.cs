using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// Cheap phones on slow networks: text answers go out compressed (Brotli, else gzip, at the fastest level since pages
/// are made per request), over HTTPS too, but never where BREACH could read a signed-in page through its size.
/// </summary>
public static class Compression
{
    public static IServiceCollection AddMutuaCompression(this IServiceCollection services) => services.AddResponseCompression(o =>
    {
        o.EnableForHttps = true;
        o.Providers.Add<BrotliCompressionProvider>();
        o.Providers.Add<GzipCompressionProvider>();
        o.MimeTypes = ResponseCompressionDefaults.MimeTypes
            .Concat(["application/problem+json", "image/svg+xml", "text/csv", "application/gexf+xml", "application/graphml+xml"]);
    });

    /// <summary>
    /// BREACH needs a page that holds a secret (a signed-in page holds many: amounts, names, codes) and echoes what an
    /// attacker sent (a search box, a month), fetched many times by the victim's browser with its cookie and watched on
    /// the wire. The cookie is SameSite=Lax, so another site can only make top-level GETs; those are exactly the requests
    /// sent here without compression: a cookie-signed-in HTML request that did not come from Mutua's own pages
    /// (Sec-Fetch-Site other than same-origin or none, or, from an older browser, no Referer of ours). Anonymous pages
    /// and the API (bearer tokens, which no other site can make a browser send) are always compressed.
    /// </summary>
    public static IApplicationBuilder UseCompressionOnlyFromOwnPages(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && context.Request.Headers.Authorization.Count == 0 && !FromOwnPages(context.Request)
            && context.Features.Get<IHttpsCompressionFeature>() is { } https)
        {
            https.Mode = HttpsCompressionMode.DoNotCompress;
        }
        return next(context);
    });

    private static bool FromOwnPages(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is "same-origin" or "none";
        return Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
