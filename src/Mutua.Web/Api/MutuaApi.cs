using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Mutua.Web.Api;

/// <summary>
/// /api/v1: one group per feature, each in its own file with its own OpenAPI tag (eShop style: a
/// <c>Map&lt;Feature&gt;Api</c> extension, named handlers, typed results).
/// </summary>
public static class MutuaApi
{
    /// <summary>Everything under /api/v1 signs in with a bearer token only, so no cookie can be replayed cross-site.</summary>
    public static void MapMutuaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.BearerScheme })
            .DisableAntiforgery()
            // Any operation: input the binder cannot read (BadRequestHandler) is a 400 problem document.
            .ProducesProblems(StatusCodes.Status400BadRequest);
        // After each endpoint's own conventions, so AllowAnonymous and RequireRateLimiting are known.
        ((IEndpointConventionBuilder)api).Finally(DocumentCommonRefusals);

        api.MapAccountsApi();
        api.MapCommunitiesApi();
        api.MapInvitationsApi();
        api.MapCheckInsApi();
        api.MapInsightsApi();
        api.MapNetworkApi();
        api.MapSharingApi();
        api.MapProjectsApi();
        api.MapSavingsApi();
        api.MapPersonalDataApi();
    }

    /// <summary>
    /// Signed-in operations answer 401 without a live token; those that read a body answer 415 to one of another
    /// content type; rate-limited ones answer 429 (plain text) when pressed.
    /// </summary>
    private static void DocumentCommonRefusals(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<IAcceptsMetadata>().Any())
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType,
                typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        }
        if (!endpoint.Metadata.OfType<IAllowAnonymous>().Any())
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized,
                typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        }
        if (endpoint.Metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(string), ["text/plain"]));
        }
    }
}
