using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mutua.Web.Api;

/// <summary>Names the API and says how to sign in to it.</summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Mutua API",
            Version = "v1",
            Description = "Everything a Mutua page can do. Sign in with POST /api/v1/auth/login and send the accessToken as 'Authorization: Bearer …'.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /api/v1/auth/login.",
        };
        return Task.CompletedTask;
    }
}
