using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// Where people reach Mutua (<c>Mutua:PublicAddress</c>, e.g. https://mutua.example.org): every absolute link Mutua
/// writes — share cards, canonical links, invitation links, and later e-mails and text messages — starts here and
/// never with the request's Host header, which anyone can forge and the public page cache would then serve to all.
/// </summary>
public sealed class PublicAddress
{
    public const string Setting = "Mutua:PublicAddress";

    /// <summary>What <c>dotnet run</c> serves (launchSettings.json) when Development leaves the setting out.</summary>
    public const string DevelopmentDefault = "http://localhost:5080";

    public PublicAddress(Uri origin) => Origin = origin;

    /// <summary>Scheme, host and port, with no path and no trailing slash.</summary>
    public Uri Origin { get; }

    /// <summary>The host as a Host header names it, which is what the host filter compares: "mutua.example.org", "[::1]".</summary>
    public string Host => Origin.HostNameType == UriHostNameType.IPv6 ? $"[{Origin.IdnHost}]" : Origin.IdnHost;

    /// <summary>The absolute address of an app path ("/p/abc" → "https://mutua.example.org/p/abc").</summary>
    public string Link(string path) => Origin.GetLeftPart(UriPartial.Authority) + (path.StartsWith('/') ? path : "/" + path);

    public override string ToString() => Origin.GetLeftPart(UriPartial.Authority);

    /// <summary>Reads the setting; outside Development a missing or malformed one stops the start with a message saying what to set.</summary>
    public static PublicAddress From(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    $"Set {Setting} (environment variable Mutua__PublicAddress) to the address people reach Mutua at, e.g. https://mutua.example.org: links in share cards, invitations and messages are built from it.");
            value = DevelopmentDefault;
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
            throw new InvalidOperationException($"{Setting} must be an http or https address with no path (nor query, fragment or user name), e.g. https://mutua.example.org; it is \"{value}\".");
        return new PublicAddress(new Uri(uri.GetLeftPart(UriPartial.Authority)));
    }
}

public static class PublicAddressExtensions
{
    /// <summary>
    /// The public address as a service, and the hosts Kestrel answers: the public address's host and this machine's
    /// own names (health checks, tests, a proxy on the same machine), plus any listed in <c>AllowedHosts</c>. A request
    /// naming any other host is refused with 400 before it reaches a page or the cache.
    /// </summary>
    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var address = PublicAddress.From(configuration, environment);
        services.AddSingleton(address);
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            var listed = (configuration["AllowedHosts"] ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(h => h != "*");
            o.AllowedHosts = [.. new[] { address.Host, "localhost", "127.0.0.1", "[::1]" }.Concat(listed).Distinct(StringComparer.OrdinalIgnoreCase)];
            o.AllowEmptyHosts = false;
        });
        return services;
    }
}
