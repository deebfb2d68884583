using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Web.Infrastructure;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Integrators;

/// <summary>
/// Issue 19: /openapi/v1.json as a generated client reads it. Each operation has a stable operationId and says who may call
/// it, no two paths are ambiguous, the server is the configured public address, numbers are numbers, months and formats
/// have their pattern and values, money says it is in minor units, and every problem's "error" code is documented.
/// </summary>
public sealed partial class ApiContractTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private sealed record Operation(string Method, string Path, JsonObject Spec)
    {
        public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
    }

    private async Task<(JsonObject Root, List<Operation> Operations)> DocumentAsync(string? host = null)
    {
        using var client = app.NewClient(cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        if (host is not null) request.Headers.Host = host;
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        var operations = new List<Operation>();
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, spec) in item!.AsObject())
            {
                if (Methods.Contains(method)) operations.Add(new Operation(method, path, spec!.AsObject()));
            }
        }
        return (root, operations);
    }

    [Fact]
    public async Task Every_operation_has_a_unique_camel_case_operation_id()
    {
        var (_, operations) = await DocumentAsync();
        var failures = new List<string>();
        foreach (var op in operations)
        {
            var id = op.Spec["operationId"]?.GetValue<string>();
            if (id is null) failures.Add($"{op} has no operationId");
            else if (!CamelCase().IsMatch(id)) failures.Add($"{op} has operationId '{id}', not camelCase");
        }
        var ids = operations.Select(o => o.Spec["operationId"]?.GetValue<string>()).OfType<string>().ToList();
        foreach (var twice in ids.GroupBy(i => i).Where(g => g.Count() > 1)) failures.Add($"operationId '{twice.Key}' is used {twice.Count()} times");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal("getMe", operations.Single(o => o.ToString() == "GET /api/v1/me").Spec["operationId"]!.GetValue<string>());
        Assert.Equal("putCheckIn", operations.Single(o => o.ToString() == "PUT /api/v1/households/{householdId}/checkins/{month}").Spec["operationId"]!.GetValue<string>());
        Assert.Equal("login", operations.Single(o => o.ToString() == "POST /api/v1/auth/login").Spec["operationId"]!.GetValue<string>());
    }

    /// <summary>A generated client's method names: v1 only adds to this list (docs/api.md, versioning).</summary>
    private static readonly string[] StableOperationIds =
    [
        "login",
        "refresh",
        "logout",
        "listSessions",
        "endSession",
        "endOtherSessions",
        "changePassword",
        "getMe",
        "updateMe",
        "getBuddyContact",
        "setBuddyContact",
        "setCommunityAgency",
        "getWelcome",
        "listCommunities",
        "createCommunity",
        "getCommunity",
        "listGroups",
        "createGroup",
        "getGroup",
        "renameGroup",
        "listHouseholds",
        "createHousehold",
        "getHousehold",
        "updateHousehold",
        "listPeople",
        "grantRole",
        "revokeRole",
        "listInvitations",
        "createInvitation",
        "revokeInvitation",
        "previewInvitation",
        "signUp",
        "redeemInvitation",
        "listCheckIns",
        "getCheckIn",
        "putCheckIn",
        "getCommunityInsights",
        "getNetwork",
        "getAttention",
        "getCircle",
        "getSharing",
        "setNameOnMap",
        "searchProjects",
        "createProject",
        "getProject",
        "updateProject",
        "postUpdate",
        "addPhoto",
        "verifyProject",
        "withdrawVerification",
        "pledge",
        "confirmPledge",
        "withdrawPledge",
        "follow",
        "unfollow",
        "spread",
        "ambassadorDashboard",
        "createSavingsGroup",
        "getSavingsGroup",
        "recordMeeting",
        "getPassbook",
        "getMeetingSheet",
        "previewShareOut",
        "closeCycle",
        "getCommunitySavings",
        "downloadHouseholdData",
        "closeAccount",
    ];

    [Fact]
    public async Task Operation_ids_are_stable_and_v1_only_adds_to_them()
    {
        var (_, operations) = await DocumentAsync();
        var ids = operations.Select(o => o.Spec["operationId"]?.GetValue<string>()).OfType<string>().ToHashSet();
        var gone = StableOperationIds.Where(i => !ids.Contains(i)).ToList();
        Assert.True(gone.Count == 0, "operationIds a generated client uses are gone (a renamed handler?): " + string.Join(", ", gone));
    }

    [Fact]
    public async Task Every_operation_says_who_may_call_it_and_anonymous_ones_say_so_explicitly()
    {
        var (_, operations) = await DocumentAsync();
        var failures = new List<string>();
        foreach (var op in operations)
        {
            if (op.Spec["security"] is not JsonArray security) failures.Add($"{op} has no security (neither bearer nor an explicit anonymous [])");
            else if (security.Count > 0 && security.Any(s => s is JsonObject o && o.Count == 0))
                failures.Add($"{op} mixes an anonymous requirement with others");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var login = operations.Single(o => o.ToString() == "POST /api/v1/auth/login");
        Assert.Empty(login.Spec["security"]!.AsArray());
    }

    [Fact]
    public async Task No_two_paths_differ_only_in_their_parameter_names()
    {
        var (root, _) = await DocumentAsync();
        var shapes = root["paths"]!.AsObject().Select(p => p.Key).GroupBy(p => Parameter().Replace(p, "{}")).Where(g => g.Count() > 1).ToList();
        Assert.True(shapes.Count == 0, "ambiguous paths:\n" + string.Join("\n", shapes.Select(g => string.Join(" and ", g))));
        Assert.Contains("/api/v1/invitation-codes/{code}", root["paths"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task The_server_is_the_configured_public_address_whatever_host_the_request_names()
    {
        var configured = app.Services.GetRequiredService<PublicAddress>().ToString();
        Assert.False(configured.EndsWith('/'));
        foreach (var host in new string?[] { null, "127.0.0.1:9999", "[::1]" })
        {
            var (root, _) = await DocumentAsync(host);
            var servers = root["servers"]!.AsArray();
            Assert.Equal(configured, Assert.Single(servers)!["url"]!.GetValue<string>());
        }
        // A host Mutua does not answer to is refused before anything is written with it.
        using var client = app.NewClient(cookies: false);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        forged.Headers.Host = "evil.example";
        using var response = await client.SendAsync(forged, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_api_is_in_the_document_and_every_tag_is_a_feature_with_a_description()
    {
        var (root, operations) = await DocumentAsync();
        Assert.All(operations, op => Assert.StartsWith("/api/v1/", op.Path, StringComparison.Ordinal));
        var assembly = typeof(Program).Assembly.GetName().Name!;
        Assert.DoesNotContain(operations, op => op.Spec["tags"]!.AsArray().Any(t => t!.GetValue<string>() == assembly));
        var tags = root["tags"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.All(tags, t => Assert.False(string.IsNullOrWhiteSpace(t["description"]?.GetValue<string>()), $"tag {t["name"]} has no description"));
    }

    [Fact]
    public async Task The_problem_schema_documents_every_error_code_and_each_problem_response_its_codes()
    {
        var (root, operations) = await DocumentAsync();
        var problem = root["components"]!["schemas"]!["ProblemDetails"]!.AsObject();
        var documented = problem["properties"]?["error"]?["enum"]?.AsArray().Select(e => e!.GetValue<string>()).ToHashSet() ?? [];

        // Every code the server can write: Core's failures and the literal codes of the web edge.
        var produced = Enum.GetValues<Failure>().Select(f => Mutua.Web.Api.ApiErrors.Code(f)).ToHashSet();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "Mutua.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match m in ErrorLiteral().Matches(await File.ReadAllTextAsync(file, Ct))) produced.Add(m.Groups[1].Value);
        }
        Assert.Contains("invalid_credentials", produced);
        var missing = produced.Where(c => !documented.Contains(c)).Order().ToList();
        Assert.True(missing.Count == 0, "error codes the server writes but the Problem schema does not list:\n" + string.Join("\n", missing));

        var failures = new List<string>();
        foreach (var op in operations)
        {
            foreach (var (status, response) in op.Spec["responses"]!.AsObject().Where(r => r.Key.StartsWith('4') && r.Key != "429"))
            {
                var codes = response?["x-error-codes"]?.AsArray().Select(c => c!.GetValue<string>()).ToList();
                if (codes is null || codes.Count == 0) failures.Add($"{op} {status} lists no x-error-codes");
                else
                {
                    foreach (var c in codes.Where(c => !documented.Contains(c))) failures.Add($"{op} {status} lists '{c}', which the Problem schema does not");
                    foreach (var c in codes.Where(c => response?["description"]?.GetValue<string>().Contains(c, StringComparison.Ordinal) != true))
                        failures.Add($"{op} {status}: description does not name '{c}'");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        var login401 = operations.Single(o => o.ToString() == "POST /api/v1/auth/login").Spec["responses"]!["401"]!["x-error-codes"]!.AsArray();
        Assert.Contains("invalid_credentials", login401.Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_with_the_invalid_credentials_code()
    {
        using var client = app.NewClient(cookies: false);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = DemoPeople.KeishaLogin, password = "not-her-password" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("invalid_credentials", json.RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("{\"login\":null,\"password\":\"mutua-demo-2026\"}")]
    [InlineData("{\"login\":\"keisha@dudley.example\",\"password\":null}")]
    [InlineData("{\"password\":\"mutua-demo-2026\"}")]
    [InlineData("{\"login\":\"keisha@dudley.example\"}")]
    public async Task A_login_without_a_login_or_a_password_is_a_400_bad_request(string body)
    {
        using var client = app.NewClient(cookies: false);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/auth/login", content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal("bad_request", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Required_body_fields_are_required_and_not_nullable_in_the_schema()
    {
        var (root, _) = await DocumentAsync();
        var login = root["components"]!["schemas"]!["LoginRequest"]!.AsObject();
        foreach (var field in new[] { "login", "password" })
        {
            Assert.Contains(field, login["required"]!.AsArray().Select(r => r!.GetValue<string>()));
            Assert.Equal("string", login["properties"]![field]!["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Numbers_are_integers_in_the_schema_and_a_number_sent_as_a_string_is_a_400()
    {
        var (root, _) = await DocumentAsync();
        var loose = new List<string>();
        Walk(root["components"]!["schemas"]!, "#/components/schemas", (path, schema) =>
        {
            if (schema["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "integer") && types.Any(t => t!.GetValue<string>() == "string"))
                loose.Add(path);
        });
        Assert.True(loose.Count == 0, "numbers that are also strings:\n" + string.Join("\n", loose));

        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        var month = Month.Current(DateTimeOffset.UtcNow, "America/New_York").ToString();
        using var content = new StringContent("{\"savingsBalance\":\"100\"}", Encoding.UTF8, "application/json");
        using var put = await jamal.PutAsync($"/api/v1/households/{app.Demo.JamalHousehold}/checkins/{month}", content, Ct);
        var text = await put.Content.ReadAsStringAsync(Ct);
        Assert.True(put.StatusCode == HttpStatusCode.BadRequest, $"{(int)put.StatusCode}: {text}");
        Assert.Contains("\"error\":\"bad_request\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Months_have_their_pattern_and_formats_their_values()
    {
        var (root, operations) = await DocumentAsync();
        var failures = new List<string>();
        foreach (var op in operations)
        {
            foreach (var p in op.Spec["parameters"]?.AsArray() ?? [])
            {
                var name = p!["name"]!.GetValue<string>();
                var schema = p["schema"];
                if (name is "month" or "from" or "to" && schema?["pattern"]?.GetValue<string>() != MonthPattern) failures.Add($"{op} {name} has no month pattern");
                if (name is "format" or "table" or "sort" or "need" or "category" && schema?["enum"] is not JsonArray { Count: > 0 })
                    failures.Add($"{op} {name} has no enum");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var insightsFormat = operations.Single(o => o.ToString() == "GET /api/v1/communities/{communityId}/insights").Spec["parameters"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "format")!["schema"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>());
        Assert.Equal(["json", "csv", "xlsx"], insightsFormat);
        Assert.Equal(MonthPattern, root["components"]!["schemas"]!["CheckInView"]!["properties"]!["month"]!["pattern"]!.GetValue<string>());
    }

    [Fact]
    public async Task Money_says_it_is_in_minor_units_of_its_currency()
    {
        var (root, _) = await DocumentAsync();
        var schemas = root["components"]!["schemas"]!;
        foreach (var (type, property) in new[] { ("PledgeInput", "amount"), ("NeedView", "target"), ("CheckInView", "incomeTotal"), ("CheckInView", "savingsBalance") })
        {
            var description = schemas[type]?["properties"]?[property]?["description"]?.GetValue<string>() ?? "";
            Assert.True(description.Contains("minor units", StringComparison.Ordinal), $"{type}.{property}: '{description}'");
        }
        var all = root.ToJsonString();
        Assert.Contains("RWF 0", all, StringComparison.Ordinal);
        Assert.Contains("USD 2", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_a_household_shares_with_its_group_is_an_array_of_names()
    {
        var (root, _) = await DocumentAsync();
        var shared = root["components"]!["schemas"]!["SharedParts"]!.AsObject();
        Assert.Equal("array", shared["type"]!.GetValue<string>());
        Assert.Contains("needsAndWants", shared["items"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()));

        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        var url = $"/api/v1/households/{app.Demo.JamalHousehold}/checkins/{Month.Current(DateTimeOffset.UtcNow, "America/New_York")}";
        using (var put = await jamal.PutAsJsonAsync(url, new { sharedWithGroup = new[] { "goals", "income" } }, Ct))
        {
            var text = await put.Content.ReadAsStringAsync(Ct);
            Assert.True(put.StatusCode == HttpStatusCode.OK, text);
            using var json = JsonDocument.Parse(text);
            Assert.Equal(["goals", "income"], json.RootElement.GetProperty("sharedWithGroup").EnumerateArray().Select(e => e.GetString()));
        }
        foreach (var odd in new[] { "{\"sharedWithGroup\":5}", "{\"sharedWithGroup\":\"goals, income\"}", "{\"sharedWithGroup\":[\"everything\"]}", "{\"sharedWithGroup\":[1]}" })
        {
            using var content = new StringContent(odd, Encoding.UTF8, "application/json");
            using var put = await jamal.PutAsync(url, content, Ct);
            Assert.True(put.StatusCode == HttpStatusCode.BadRequest, $"{odd}: {(int)put.StatusCode}");
        }
    }

    [Fact]
    public async Task An_enum_sent_as_a_number_is_a_400()
    {
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        using var put = await jamal.PutAsJsonAsync($"/api/v1/households/{app.Demo.JamalHousehold}/sharing", new { nameOnMap = 1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("\"error\":\"bad_request\"", await put.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_label_their_categories_and_write_months_as_year_and_month()
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var response = await denise.GetAsync($"/api/v1/communities/{app.Demo.Dudley}/insights", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var months = json.RootElement.GetProperty("months").EnumerateArray().ToList();
        Assert.NotEmpty(months);
        var names = Enum.GetNames<Mutua.Core.CheckIns.NeedCategory>().Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)).ToList();
        foreach (var m in months)
        {
            Assert.Matches(MonthPattern, m.GetProperty("month").GetString()!);
            Assert.False(m.TryGetProperty("period", out _));
            foreach (var list in new[] { "needs", "wants" })
            {
                var cells = m.GetProperty(list).EnumerateArray().ToList();
                Assert.Equal(names, cells.Select(c => c.GetProperty("category").GetString()));
                foreach (var c in cells)
                {
                    var suppressed = c.GetProperty("suppressed").GetBoolean();
                    Assert.Equal(suppressed, c.GetProperty("value").ValueKind == JsonValueKind.Null);
                }
            }
        }
        var (root, _) = await DocumentAsync();
        Assert.Equal(MonthPattern, root["components"]!["schemas"]!["InsightsMonth"]!["properties"]!["month"]!["pattern"]!.GetValue<string>());
    }

    [Fact]
    public async Task Docs_api_md_explains_every_error_code()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "docs", "api.md"), Ct);
        var missing = Mutua.Web.Api.ApiErrors.All.Where(c => !text.Contains($"| `{c}` |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/api.md has no row for: " + string.Join(", ", missing));
        Assert.Contains("(docs/api.md)", await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "README.md"), Ct), StringComparison.Ordinal);
    }

    private const string MonthPattern = @"^\d{4}-(0[1-9]|1[0-2])$";

    private static void Walk(JsonNode node, string path, Action<string, JsonObject> visit)
    {
        if (node is JsonObject o)
        {
            visit(path, o);
            foreach (var (k, v) in o)
            {
                if (v is not null) Walk(v, path + "/" + k, visit);
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                if (a[i] is { } v) Walk(v, path + "/" + i, visit);
            }
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Mutua.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Mutua.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("\\[\"error\"\\] = \"([a-z_]+)\"")]
    private static partial Regex ErrorLiteral();
}
