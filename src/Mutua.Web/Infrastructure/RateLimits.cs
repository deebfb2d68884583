using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Mutua.Web.Infrastructure;

/// <summary>Sign-in and invitation codes are guessable secrets: limit attempts per client address.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    /// <summary>Looking up what an invitation code leads to: reads count too, or codes could be guessed by reading.</summary>
    public const string CodeLookup = "code-lookup";

    public static IServiceCollection AddMutuaRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("Mutua:RateLimits:SignInPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, context =>
                // Reading a form is free; only attempts (POST) count.
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(CodeLookup, context =>
                RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute * 3, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                var l = ctx.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Text>>();
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(l["Too many attempts. Please wait a minute and try again."], ct);
            };
        });
        return services;
    }
}
