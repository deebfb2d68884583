using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Platform;

/// <summary>
/// Issue 12, "Seams": /openapi/v1.json describes every endpoint the API maps, one tag per feature file,
/// with a schema for every success and the problem answers each operation can give.
/// </summary>
public sealed partial class OpenApiContractTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    /// <summary>The feature files of src/Mutua.Web/Api (their classes) and the one tag each gives its operations.</summary>
    private static readonly Dictionary<string, string> TagOfFile = new(StringComparer.Ordinal)
    {
        ["AuthApi"] = "Accounts",
        ["CommunitiesApi"] = "Communities",
        ["InvitationsApi"] = "Invitations",
        ["CheckInsApi"] = "CheckIns",
        ["InsightsApi"] = "Insights",
        ["NetworkApi"] = "Network",
        ["SharingApi"] = "Sharing",
        ["ProjectsApi"] = "Projects",
        ["SavingsApi"] = "Savings",
        ["PersonalDataApi"] = "PersonalData",
    };

    /// <summary>Operations in the document before issue 12: 55 under /api/v1 (the project photos, a page resource, left it in issue 19).</summary>
    private const int OperationsBefore = 55;

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Operation(string Method, string Path, JsonObject Spec)
    {
        public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
    }

    [Fact]
    public async Task Every_operation_has_one_tag_and_each_feature_file_its_own()
    {
        var (_, operations) = await DocumentAsync();
        var failures = new List<string>();
        foreach (var op in operations)
        {
            var tags = op.Spec["tags"]?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? [];
            if (tags.Count != 1) failures.Add($"{op} has tags [{string.Join(", ", tags)}], not exactly one");
            else if (!TagOfFile.ContainsValue(tags[0])) failures.Add($"{op} has tag '{tags[0]}', which no feature file gives");
        }
        var used = operations.SelectMany(o => o.Spec["tags"]?.AsArray().Select(t => t!.GetValue<string>()) ?? []).ToHashSet();
        foreach (var tag in TagOfFile.Values.Where(t => !used.Contains(t))) failures.Add($"no operation has the tag '{tag}'");

        // The tag comes from the file that maps the endpoint, and the handler is a named method of it.
        foreach (var endpoint in ApiEndpoints())
        {
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            if (handler is null)
            {
                failures.Add($"{Name(endpoint)} has no handler method in its metadata");
                continue;
            }
            var file = Outermost(handler.DeclaringType!);
            if (handler.Name.Contains('<', StringComparison.Ordinal)) failures.Add($"{Name(endpoint)} is a lambda in {file.Name}, not a named handler");
            if (!TagOfFile.TryGetValue(file.Name, out var expected))
            {
                failures.Add($"{Name(endpoint)} is mapped by {file.Name}, which is not a known feature file");
                continue;
            }
            var tags = endpoint.Metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags).Distinct().ToList();
            if (tags.Count != 1 || tags[0] != expected) failures.Add($"{Name(endpoint)} in {file.Name} has tags [{string.Join(", ", tags)}], expected [{expected}]");
        }

        // Every feature file that maps a group is in the list above (so a new one gets its own tag).
        var mappers = typeof(Mutua.Web.Api.MutuaApi).Assembly.GetTypes()
            .Where(t => t.Namespace == "Mutua.Web.Api" && t.IsAbstract && t.IsSealed)
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Any(m => MapperName().IsMatch(m.Name) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(RouteGroupBuilder)))
            .Select(t => t.Name).ToList();
        foreach (var name in mappers.Where(n => !TagOfFile.ContainsKey(n))) failures.Add($"{name} maps a feature group but has no tag in this test");
        foreach (var name in TagOfFile.Keys.Where(n => !mappers.Contains(n))) failures.Add($"{name} has no Map<Feature>Api(this RouteGroupBuilder)");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_operation_documents_a_success_and_its_schema()
    {
        var (root, operations) = await DocumentAsync();
        var schemas = root["components"]?["schemas"]?.AsObject() ?? new JsonObject();
        var failures = new List<string>();
        foreach (var op in operations)
        {
            var responses = op.Spec["responses"]?.AsObject() ?? new JsonObject();
            var successes = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (successes.Count == 0) failures.Add($"{op} documents no 2xx response");
            foreach (var (status, response) in successes)
            {
                if (status == "204") continue;
                var content = response?["content"]?.AsObject();
                if (content is null || content.Count == 0)
                {
                    failures.Add($"{op} answers {status} without a documented body (a typed result, or .ProducesFile for files)");
                    continue;
                }
                foreach (var (type, media) in content)
                {
                    var schema = media?["schema"]?.AsObject();
                    if (schema is null || schema.Count == 0) failures.Add($"{op} answers {status} {type} without a schema");
                    else if (schema["$ref"]?.GetValue<string>() is { } reference && !schemas.ContainsKey(reference.Split('/')[^1]))
                        failures.Add($"{op} answers {status} {type} with {reference}, which the document does not define");
                    else if (!type.Contains("json", StringComparison.Ordinal) && schema["format"]?.GetValue<string>() != "binary")
                        failures.Add($"{op} answers {status} {type} (a file) without a binary schema");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Operations_that_can_refuse_document_their_problems()
    {
        var (_, operations) = await DocumentAsync();
        var anonymous = ApiEndpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .SelectMany(e => HttpMethodsOf(e).Select(m => Key(m, e.RoutePattern.RawText!))).ToHashSet();
        var limited = ApiEndpoints().Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>() is not null)
            .SelectMany(e => HttpMethodsOf(e).Select(m => Key(m, e.RoutePattern.RawText!))).ToHashSet();
        var failures = new List<string>();
        foreach (var op in operations)
        {
            var responses = op.Spec["responses"]?.AsObject() ?? new JsonObject();
            var inApi = op.Path.StartsWith("/api/v1/", StringComparison.Ordinal);
            var signedIn = inApi && !anonymous.Contains(Key(op.Method, op.Path));
            var secured = op.Spec["security"]?.AsArray().Any(s => s?.AsObject().ContainsKey("bearer") == true) == true;
            if (signedIn && !responses.ContainsKey("401")) failures.Add($"{op} needs signing in but does not document 401");
            if (signedIn != secured) failures.Add($"{op} {(signedIn ? "needs signing in but has no" : "is open but has a")} bearer security requirement");
            if (inApi && !responses.ContainsKey("400")) failures.Add($"{op} does not document 400 for input it cannot read");
            if (limited.Contains(Key(op.Method, op.Path)) && !responses.ContainsKey("429")) failures.Add($"{op} is rate-limited but does not document 429");
            var ids = (op.Spec["parameters"]?.AsArray() ?? new JsonArray())
                .Where(p => p?["in"]?.GetValue<string>() == "path" && p["name"]?.GetValue<string>() is { } n && (n == "id" || n.EndsWith("Id", StringComparison.Ordinal)))
                .ToList();
            if (ids.Count > 0 && !responses.ContainsKey("404")) failures.Add($"{op} takes an id but does not document 404");
            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4') && r.Key != "429"))
            {
                var problem = response?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
                if (inApi && problem?.EndsWith("/ProblemDetails", StringComparison.Ordinal) != true)
                    failures.Add($"{op} documents {status} without an application/problem+json ProblemDetails body");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_mapped_api_endpoint_is_in_the_document()
    {
        var (_, operations) = await DocumentAsync();
        var documented = operations.Select(o => Key(o.Method, o.Path)).ToHashSet();
        var mapped = ApiEndpoints().SelectMany(e => HttpMethodsOf(e).Select(m => (Key: Key(m, e.RoutePattern.RawText!), Endpoint: e))).ToList();
        var missing = mapped.Where(m => !documented.Contains(m.Key)).Select(m => m.Key).ToList();
        Assert.True(missing.Count == 0, "mapped but not in /openapi/v1.json:\n" + string.Join("\n", missing));
        Assert.True(mapped.Count >= OperationsBefore, $"only {mapped.Count} API endpoints are mapped; there were {OperationsBefore}");
        Assert.True(operations.Count >= OperationsBefore, $"only {operations.Count} operations are documented; there were {OperationsBefore}");
    }

    private async Task<(JsonObject Root, List<Operation> Operations)> DocumentAsync()
    {
        using var client = app.NewClient(cookies: false);
        var root = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct))!.AsObject();
        var operations = new List<Operation>();
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, spec) in item!.AsObject())
            {
                if (Methods.Contains(method)) operations.Add(new Operation(method, path, spec!.AsObject()));
            }
        }
        Assert.NotEmpty(operations);
        return (root, operations);
    }

    /// <summary>The endpoints the API maps: everything under /api/v1.</summary>
    private List<RouteEndpoint> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/", StringComparison.Ordinal))
            .ToList();

    private static IEnumerable<string> HttpMethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    /// <summary>"GET /api/v1/projects/{id}" for both "/api/v1/projects/{id:guid}" and the document's "/api/v1/projects/{id}".</summary>
    private static string Key(string method, string path) => method.ToUpperInvariant() + " " + Constraint().Replace(path, "{$1}");

    private static string Name(RouteEndpoint endpoint) => $"{string.Join(",", HttpMethodsOf(endpoint))} {endpoint.RoutePattern.RawText}";

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"^Map\w+Api$")]
    private static partial Regex MapperName();
}
