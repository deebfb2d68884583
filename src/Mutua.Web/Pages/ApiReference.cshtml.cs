using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Mutua.Web.Pages;

/// <summary>
/// The API reference, drawn on the server from the endpoints themselves so it never drifts and
/// needs no script; the machine-readable form is /openapi/v1.json.
/// </summary>
[AllowAnonymous] // Public. The API reference is public, like /openapi/v1.json.
public sealed class ApiReferenceModel(EndpointDataSource endpoints) : PageModel
{
    public sealed record Operation(string Method, string Route, string Summary, bool Anonymous);

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public void OnGet()
    {
        Operations = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new Operation(m, e.RoutePattern.RawText!,
                    e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? "",
                    e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)))
            .OrderBy(o => o.Route, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .ToList();
    }
}
