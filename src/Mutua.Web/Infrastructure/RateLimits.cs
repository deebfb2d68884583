using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// Passwords and invitation codes are secrets people guess at: limit attempts per client address.
/// Attempts (POST) get the tight limit; reading where a code leads gets a looser one; reading a
/// form is free.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddMutuaRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("Mutua:RateLimits:SignInPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, context =>
            {
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
                if (!isRead) return Window("attempt:" + client, perMinute);
                var looksUpCode = context.Request.Query.ContainsKey("code") || context.Request.RouteValues.ContainsKey("code");
                return looksUpCode ? Window("lookup:" + client, perMinute * 3) : RateLimitPartition.GetNoLimiter("read");
            });
            o.OnRejected = async (ctx, ct) =>
            {
                var l = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Text>>();
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(l["Too many attempts. Please wait a minute and try again."], ct);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
