using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mutua.Web.Api;

public static class ApiDocumentExtensions
{
    /// <summary>/openapi/v1.json: named, with its bearer sign-in, and each operation's files and sign-in requirement.</summary>
    public static IServiceCollection AddMutuaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<ApiDocument>().AddOperationTransformer<ApiOperation>());
}

/// <summary>Names the API and says how to sign in to it.</summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

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
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /api/v1/auth/login.",
        };
        return Task.CompletedTask;
    }
}

/// <summary>
/// What the endpoint metadata says and the generator does not write itself: the files a 200 can be
/// (<see cref="ProducesFileMetadata"/>), and that an operation needs the bearer token (it does not allow anonymous callers).
/// </summary>
internal sealed class ApiOperation : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var files = metadata.OfType<ProducesFileMetadata>().SelectMany(f => f.ContentTypes).ToList();
        if (files.Count > 0)
        {
            operation.Responses ??= new OpenApiResponses();
            if (!operation.Responses.TryGetValue("200", out var ok) || ok is not OpenApiResponse response)
            {
                response = new OpenApiResponse { Description = "OK" };
                operation.Responses["200"] = response;
            }
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var type in files)
            {
                response.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        }
        var signedIn = context.Description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true
            && !metadata.OfType<IAllowAnonymous>().Any();
        if (signedIn)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocument.BearerScheme, context.Document)] = [] });
        }
        return Task.CompletedTask;
    }
}
