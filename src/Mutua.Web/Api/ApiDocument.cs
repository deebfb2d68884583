using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

public static class ApiDocumentExtensions
{
    /// <summary>/openapi/v1.json: named, with its server, bearer sign-in, error codes and units, and each operation's id, files and sign-in requirement.</summary>
    public static IServiceCollection AddMutuaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<ApiDocument>().AddOperationTransformer<ApiOperation>());
}

/// <summary>Names the API, says where it is and how to sign in to it, and what its problems and amounts mean.</summary>
internal sealed class ApiDocument(PublicAddress address) : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

    /// <summary>As the server enforces it (<see cref="Month.Read"/>): four digits, a dash, the month's two.</summary>
    public const string MonthPattern = @"^\d{4}-(0[1-9]|1[0-2])$";

    /// <summary>One line per feature tag (the tags come from each Api file's WithTags).</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Accounts"] = "Signing in and out, refreshing tokens, the person's sessions, password and profile.",
        ["Communities"] = "Communities, their groups and households, and the roles people hold in them.",
        ["Invitations"] = "Invitation codes: made by members and coordinators, previewed, used to sign up or to join.",
        ["CheckIns"] = "A household's monthly check-ins, visible to its own members only.",
        ["Insights"] = "A community's check-in patterns: aggregates only, cells from fewer than 5 households suppressed.",
        ["Network"] = "Who helps whom, from check-ins: pseudonymous unless a household shares its name.",
        ["Sharing"] = "What a household lets others see of it.",
        ["Projects"] = "Projects, their needs, updates, photos, verification, pledges, followers and ambassadors.",
        ["Savings"] = "Savings groups run by their members (VSLAs and rotating groups): meetings, the append-only journal, passbooks and the share-out; " +
            "and, for a community's coordinators and sponsors, its groups as aggregates only (figures from fewer than 5 households suppressed).",
        ["PersonalData"] = "A household's data as a download, and closing an account.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Mutua API",
            Version = "v1",
            Description = "Everything a Mutua page can do. Sign in with POST /api/v1/auth/login and send the accessToken as 'Authorization: Bearer …'. " +
                "Money is in minor units of its currency; months are \"YYYY-MM\"; problems carry a stable \"error\" code. See docs/api.md.",
        };
        // Where people reach Mutua, from configuration: never the request's Host, which anyone can forge.
        document.Servers = [new OpenApiServer { Url = address.ToString(), Description = "This installation (Mutua:PublicAddress)." }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /api/v1/auth/login (15 minutes; renew it with POST /api/v1/auth/refresh).",
        };
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var (name, description) in TagDescriptions)
        {
            if (document.Tags.FirstOrDefault(t => t.Name == name) is { } tag) tag.Description = description;
            else document.Tags.Add(new OpenApiTag { Name = name, Description = description });
        }
        if (document.Components.Schemas is { } schemas) Describe(schemas);
        return Task.CompletedTask;
    }

    /// <summary>The minor digits of each currency that has other than 2, from <see cref="Money"/>: "RWF 0, UGX 0, … (others 2, e.g. USD 2)".</summary>
    public static string Exponents =>
        string.Join(", ", Money.CurrenciesWithOtherMinorDigits.Select(c => $"{c} {Money.DigitsOf(c)}")) + "; every other currency 2, e.g. USD 2, EUR 2, KES 2";

    private static string MinorUnits(string of) =>
        $"{of}, in minor units of the currency (an integer: the amount times 10^exponent; exponents: {Exponents}).";

    private static void Describe(IDictionary<string, IOpenApiSchema> schemas)
    {
        var problem = schemas.TryGetValue("ProblemDetails", out var p) ? p as OpenApiSchema : null;
        if (problem is not null)
        {
            problem.Description = "A refusal (RFC 9457). title is in the caller's language; error is a stable code, never translated (docs/api.md).";
            problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
            problem.Properties["error"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "What went wrong, as a stable code. Each response lists the codes it can carry in x-error-codes.",
                Enum = [.. ApiErrors.All.Select(c => (JsonNode)JsonValue.Create(c))],
            };
        }
        foreach (var (name, schema) in schemas)
        {
            if (schema is not OpenApiSchema s || s.Properties is null) continue;
            var measured = s.Properties.ContainsKey("kind");
            foreach (var (property, value) in s.Properties)
            {
                if (value is not OpenApiSchema v) continue;
                if (property is "month" or "from" or "to" && v.Type?.HasFlag(JsonSchemaType.String) == true)
                {
                    v.Pattern = MonthPattern;
                    v.Description ??= "A month as YYYY-MM.";
                }
                if (AmountOf(name, property) is { } what)
                    v.Description = measured
                        ? $"{what}: for a money need, in minor units of the currency (exponents: {Exponents}); hours for time and skills; units for materials."
                        : MinorUnits(what);
            }
        }
        // A household's choice of what its group sees: several parts at once, as their names.
        schemas["SharedParts"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "The parts of its check-in a household lets its group see, by name; [] for none.",
            UniqueItems = true,
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. Enum.GetValues<SharedParts>().Where(v => v != SharedParts.None)
                    .Select(v => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(v.ToString())))],
            },
        };
    }

    /// <summary>The amounts of money (or, beside a need's kind, of what is needed) in the API's types.</summary>
    private static string? AmountOf(string schema, string property) => (schema, property) switch
    {
        ("CheckInInput" or "CheckInView" or "CheckInListItem", "savingsBalance") => "Savings balance",
        ("CheckInInput" or "CheckInView" or "CheckInListItem", "debts") => "Debts",
        ("CheckInView" or "CheckInListItem", "incomeTotal") => "The month's income, all sources",
        ("IncomeEntry", "amount") => "Income from this source",
        ("HelpEntry" or "HelpView", "value") => "What the help was worth (optional)",
        ("NeedInput" or "NeedView", "target") => "What is needed",
        ("NeedView", "pledged") => "Pledged so far",
        ("NeedView", "confirmed") => "Confirmed as arrived",
        ("PledgeInput" or "PledgeView", "amount") => "The pledge",
        ("ProjectCard", "moneyTarget") => "The money the project needs",
        ("ProjectCard", "moneyConfirmed") => "The money confirmed as arrived",
        _ => null,
    };
}

/// <summary>
/// What the endpoint metadata says and the generator does not write itself: a stable operationId (the handler's name),
/// the files a 200 can be (<see cref="ProducesFileMetadata"/>), who may call it (the bearer token, or an explicit
/// anonymous <c>security: []</c>), the error codes of each problem answer, months' pattern and query parameters' values.
/// </summary>
internal sealed class ApiOperation : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler) operation.OperationId ??= OperationId(handler);
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
        var inApi = context.Description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
        var signedIn = inApi && !metadata.OfType<IAllowAnonymous>().Any();
        operation.Security ??= [];
        if (signedIn)
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocument.BearerScheme, context.Document)] = [] });

        foreach (var (status, value) in operation.Responses ?? [])
        {
            if (value is not OpenApiResponse response || response.Content?.ContainsKey("application/problem+json") != true
                || !int.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out var code)) continue;
            var codes = metadata.OfType<ErrorCodesMetadata>().LastOrDefault(m => m.Status == code)?.Codes ?? ApiErrors.ForStatus(code);
            response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            response.Extensions["x-error-codes"] = new JsonNodeExtension(new JsonArray([.. codes.Select(c => (JsonNode)JsonValue.Create(c))]));
            response.Description = $"{response.Description}. error: {string.Join(", ", codes)}";
        }

        var values = metadata.OfType<QueryValuesMetadata>().ToDictionary(v => v.Parameter, v => v.Values, StringComparer.Ordinal);
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is not OpenApiParameter p || p.Schema is not OpenApiSchema schema) continue;
            if (p.Name is "month" or "from" or "to" && schema.Type?.HasFlag(JsonSchemaType.String) == true)
            {
                schema.Pattern = ApiDocument.MonthPattern;
                p.Description ??= p.Name == "month" ? "The month, as YYYY-MM." : "The window's " + (p.Name == "from" ? "first" : "last") + " month, as YYYY-MM.";
            }
            if (p.Name is { } name && values.TryGetValue(name, out var allowed))
                schema.Enum = [.. allowed.Select(v => (JsonNode)JsonValue.Create(v))];
        }
        return Task.CompletedTask;
    }

    /// <summary>"GetMeAsync" → "getMe": the handler's name is the operation's, so renaming a handler is a breaking change the contract test sees.</summary>
    private static string OperationId(MethodInfo handler)
    {
        var name = handler.Name.EndsWith("Async", StringComparison.Ordinal) ? handler.Name[..^"Async".Length] : handler.Name;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
