using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Validation;

/// <summary>
/// Issue 11, "Bad input": every operation of /openapi/v1.json, walked with mutated bodies (wrong types,
/// huge and negative numbers, empty, long and unicode strings, nulls, missing fields, bodies that are not
/// objects or not JSON), ids (random, malformed, another community's) and query strings (months such as
/// 0001-01 and 9999-99, huge page numbers), as a member and anonymously. Any 500, an error under /api
/// that is not a JSON document, or a status the document does not list for the operation (issue 12) fails the test. The seed is fixed and the count bounded, so a failure
/// repeats and the walk stays a few seconds.
/// </summary>
public sealed class OpenApiFuzzTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private const int Seed = 11;
    /// <summary>Requests per operation for the member (anonymous gets a few: almost everything is 401 for them).</summary>
    private const int MemberTries = 24;
    private const int AnonymousTries = 4;
    private const int MaxRequests = 2_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Operation(string Method, string Path, JsonObject Spec);

    [Fact]
    public async Task Every_operation_survives_mutated_input_without_a_500_and_api_errors_are_json()
    {
        using var anonymous = app.NewClient(cookies: false);
        using var document = await anonymous.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var root = JsonNode.Parse(await document.Content.ReadAsStringAsync(Ct))!.AsObject();
        // Signing out (and closing the account, were a mutation ever to pass its checks) ends the member's session,
        // so they come last: walked in the document's order, everything behind them answered only 401.
        var operations = Operations(root).OrderBy(SessionEnding).ToList();
        Assert.True(operations.Count >= 40, $"expected the API's operations in the document, found {operations.Count}");

        using var member = await app.ApiAsync(DemoPeople.JamalLogin);
        var random = new Random(Seed);
        var fuzz = new Fuzz(app.Demo, root, random);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        foreach (var op in operations)
        {
            foreach (var (client, tries) in new[] { (member, MemberTries), (anonymous, AnonymousTries) })
            {
                // The random walk, then (for the member) each query parameter at the edges on its own.
                var edges = client == member ? fuzz.EdgeQueries(op).ToList() : [];
                for (var i = 0; i < tries + edges.Count && sent < MaxRequests; i++, sent++)
                {
                    using var request = i < tries ? fuzz.Request(op, i) : fuzz.Request(op, 0, edges[i - tries]);
                    var what = $"{(client == member ? "member" : "anonymous")} {request.Method} {request.RequestUri}";
                    var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(Ct);
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.SendAsync(request, Ct);
                    }
                    catch (HttpRequestException e)
                    {
                        failures.Add($"{what} {Short(body)}: the request failed: {e.Message}");
                        continue;
                    }
                    using (response)
                    {
                        var answer = await response.Content.ReadAsStringAsync(Ct);
                        statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                        var problem = Check(request.RequestUri!, response, answer);
                        if (problem is not null) failures.Add($"{what} {Short(body)}: {problem}: {Short(answer)}");
                        if (client == member && response.StatusCode == HttpStatusCode.Unauthorized && op.Spec["security"] is JsonArray { Count: > 0 } && SessionEnding(op) < 2)
                            failures.Add($"{what}: answered 401: the member's session ended before the walk reached {op.Method} {op.Path}, so it tested nothing behind it");
                        // Issue 12: the document lists every answer an operation gives.
                        if (op.Spec["responses"]?[((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)] is null)
                            failures.Add($"{what} {Short(body)}: answered {(int)response.StatusCode}, which /openapi/v1.json does not list for {op.Method} {op.Path}: {Short(answer)}");
                    }
                }
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"OpenAPI fuzz: {operations.Count} operations, {sent} requests in {clock.Elapsed.TotalSeconds:F1} s; answers: "
            + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}")));
        Assert.True(sent >= operations.Count * (AnonymousTries + 1), $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures.Take(40)));
    }

    private static string? Check(Uri uri, HttpResponseMessage response, string answer)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"answered {status}";
        if (!uri.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) || status < 400) return null;
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type is not ("application/json" or "application/problem+json")) return $"answered {status} as '{type}', not JSON";
        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("title", out _))
                return $"answered {status} without a problem document's title";
        }
        catch (JsonException)
        {
            return $"answered {status} with a body that is not JSON";
        }
        return null;
    }

    /// <summary>0 for most operations; 1 for closing the account, 2 for signing out (the very last).</summary>
    private static int SessionEnding(Operation op) => (op.Method, op.Path) switch
    {
        ("POST", "/api/v1/me/closure") => 1,
        ("POST", "/api/v1/auth/logout") => 2,
        _ => 0,
    };

    private static string Short(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static IEnumerable<Operation> Operations(JsonObject root)
    {
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, spec) in item!.AsObject())
            {
                if (method is "get" or "post" or "put" or "patch" or "delete") yield return new Operation(method.ToUpperInvariant(), path, spec!.AsObject());
            }
        }
    }

    /// <summary>Makes the i-th request for an operation: the first one as a caller who means well, the others mutated.</summary>
    private sealed class Fuzz(DemoPeople d, JsonObject root, Random random)
    {
        // The ends of the calendar first: 0001-01 and 9999-12 are where a window's date arithmetic breaks.
        private static readonly string[] OddMonths =
            ["0001-01", "0001-12", "9999-12", "0001-01", "0001-12", "9999-12", "9999-99", "0000-00", "2026-13", "1999-12", "2100-01", "-2026-01", "2026-1", "٢٠٢٦-٠١", ""];
        private static readonly string[] OddNumbers = ["2147483648", "-1", "0", "99999999999999999999", "-2147483649", "1e9", "NaN", "abc", ""];
        private static readonly string[] OddStrings =
        [
            "", " ", new string('x', 5_000), "👪 Ñandú Umuryango ‮gnp.exe", "\u0000", "'; DROP TABLE Households; --", "<script>alert(1)</script>",
            "%00", "..%2F..%2Fetc%2Fpasswd", "null", "{}",
        ];
        private static readonly string[] OddFormats = ["json", "csv", "xlsx", "gexf", "graphml", "pdf", ""];

        private static readonly JsonNode?[] OddValues =
        [
            null, "", " ", new string('é', 3_000), "👪‮\u0001", 0, -1, -9_223_372_036_854_775_807L, long.MaxValue,
            JsonValue.Create(1e300), JsonValue.Create(-0.5), true, false, new JsonArray(), new JsonObject(), new JsonArray(1, "two", null),
            "00000000-0000-0000-0000-000000000000", "not-a-guid", "2026-13", "0001-01",
        ];

        /// <summary>
        /// Query strings that a random walk may miss: each parameter alone at its edges (to=0001-01, page=2147483648),
        /// and the window of finding 6 (from=0001-01&amp;to=0001-12) with each format.
        /// </summary>
        public IEnumerable<string> EdgeQueries(Operation op)
        {
            var names = Parameters(op, "query").Select(p => p["name"]!.GetValue<string>()).ToList();
            foreach (var name in names)
            {
                string[] values = name is "from" or "to" or "month" ? ["0001-01", "0001-12", "9999-12", "9999-99"]
                    : name is "page" or "size" or "pageSize" ? ["2147483648", "-2147483649", "99999999999999999999", "-1"]
                    : [];
                foreach (var v in values) yield return $"{name}={v}";
            }
            if (names.Contains("from") && names.Contains("to"))
            {
                foreach (var format in names.Contains("format") ? new[] { "json", "csv", "xlsx", "gexf" } : [""])
                    yield return "from=0001-01&to=0001-12" + (format.Length > 0 ? "&format=" + format : "");
            }
        }

        public HttpRequestMessage Request(Operation op, int i, string? edgeQuery = null)
        {
            // 0: every part as a caller who means well; then one part at a time goes wrong, and now and then all of them.
            var part = i == 0 ? Part.None : (Part)random.Next(1, 4);
            if (i > 0 && random.Next(6) == 0) part = Part.All;
            var path = op.Path;
            foreach (var p in Parameters(op, "path"))
            {
                var name = p["name"]!.GetValue<string>();
                path = path.Replace("{" + name + "}", Uri.EscapeDataString(PathValue(op.Path, name, p, part is Part.Ids or Part.All)), StringComparison.Ordinal);
            }
            var query = new List<string>();
            if (edgeQuery is not null) query.Add(edgeQuery);
            foreach (var p in Parameters(op, "query").Where(_ => edgeQuery is null))
            {
                var name = p["name"]!.GetValue<string>();
                var odd = part is Part.Query or Part.All;
                if (!odd && random.Next(2) == 0) continue;
                query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(QueryValue(name, p, odd))}");
            }
            var request = new HttpRequestMessage(new HttpMethod(op.Method), path + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
            request.Headers.AcceptLanguage.ParseAdd(new[] { "en", "es", "fr", "sw", "rw", "de", "xx-YY" }[random.Next(7)]);
            if (random.Next(4) == 0) request.Headers.Accept.ParseAdd(random.Next(2) == 0 ? "text/html" : "application/xml");
            foreach (var p in Parameters(op, "header"))
            {
                if (random.Next(2) == 0) request.Headers.TryAddWithoutValidation(p["name"]!.GetValue<string>(), Pick(["", "abc", new string('k', 200), "' OR 1=1"]));
            }
            request.Content = Body(op, part is Part.Body or Part.All);
            return request;
        }

        private enum Part { None, Ids, Query, Body, All }

        private IEnumerable<JsonObject> Parameters(Operation op, string where) =>
            (op.Spec["parameters"]?.AsArray() ?? new JsonArray()).Select(p => Resolve(p!)).Where(p => p["in"]?.GetValue<string>() == where);

        private string PathValue(string route, string name, JsonObject p, bool odd)
        {
            var kinds = Ids(route, name);
            if (kinds.Length > 0)
            {
                if (!odd) return kinds[0].ToString();
                return random.Next(4) switch
                {
                    0 => Guid.NewGuid().ToString(),
                    1 => Pick(["not-a-guid", "0", "00000000-0000-0000-0000-000000000000", "' OR 1=1", new string('a', 300), "{" + Guid.NewGuid() + "}"]),
                    // Another community's real ids (Arvin's) and the other real ids this person cannot reach.
                    _ => Pick(kinds).ToString(),
                };
            }
            return name switch
            {
                "month" => odd ? Pick(OddMonths) is { Length: > 0 } m ? m : "0001-01" : "2025-11",
                "role" => odd ? Pick(["emperor", "99", "-1", "Member", "SUPPORTER", new string('r', 500), "👪"]) : "supporter",
                "code" => odd ? Pick(["ZZZZ-ZZZZ", "'; --", new string('C', 400), "👪👪👪", "BST4"]) : "ZZZZ-ZZZZ",
                // A NUL cannot travel in a URL path: Kestrel refuses it before Mutua sees it, the test host throws.
                _ => odd ? NonEmpty(Pick(OddStrings)).Replace("\u0000", "", StringComparison.Ordinal) is { Length: > 0 } v ? v : "x" : "x",
            };
        }

        /// <summary>Real ids for a route's parameter: the member's own first, then another community's and others' of Dudley.</summary>
        private Guid[] Ids(string route, string name) => name switch
        {
            "communityId" => [d.Dudley, d.Arvin],
            "groupId" => [d.WarrenStreetCircle, d.GrupoEsperanza, d.BlueHillSavers],
            "householdId" => [d.JamalHousehold, d.RosarioHousehold, d.KeishaHousehold],
            "personId" => [d.Andre, d.Rosario, d.Jamal],
            "invitationId" => [Guid.NewGuid()],
            "id" when route.StartsWith("/api/v1/projects", StringComparison.Ordinal) => [d.ToolLibrary, d.FoodCart],
            "id" => [Guid.NewGuid()],
            _ => [],
        };

        private string QueryValue(string name, JsonObject p, bool odd)
        {
            var schema = Schema(p["schema"]);
            if (name is "from" or "to" or "month") return odd ? Pick(OddMonths) : "2025-11";
            if (name == "format") return odd ? Pick(OddFormats) : "json";
            if (name is "page" or "size" or "pageSize" || Types(schema).Contains("integer")) return odd ? Pick(OddNumbers) : "1";
            if (Types(schema).Contains("boolean")) return odd ? Pick(["maybe", "2", "", "TRUE"]) : "true";
            if (schema["format"]?.GetValue<string>() == "uuid" || name.EndsWith("Id", StringComparison.Ordinal))
                return odd ? Pick([Guid.NewGuid().ToString(), "not-a-guid", d.GrupoEsperanza.ToString(), d.Arvin.ToString(), ""]) : d.WarrenStreetCircle.ToString();
            return odd ? Pick(OddStrings) : "tool";
        }

        private HttpContent? Body(Operation op, bool odd)
        {
            var content = op.Spec["requestBody"] is { } b ? Resolve(b)["content"]?.AsObject() : null;
            if (content is null) return null;
            if (content.ContainsKey("multipart/form-data") && !content.ContainsKey("application/json"))
            {
                var form = new MultipartFormDataContent();
                var bytes = odd ? Encoding.UTF8.GetBytes(Pick(OddStrings)) : TestPhoto.Png();
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue(odd ? Pick(["image/png", "image/jpeg", "text/plain", "application/octet-stream"]) : "image/png");
                form.Add(file, odd && random.Next(3) == 0 ? "not-the-photo" : "photo", Pick(["p.png", " x", "../../x.jpg", "👪.webp"]));
                return form;
            }
            var schema = Schema(content["application/json"]?["schema"]);
            var value = Sample(schema, 0);
            string text;
            if (!odd) text = value?.ToJsonString() ?? "{}";
            else
            {
                text = random.Next(8) switch
                {
                    0 => Pick(["null", "[]", "\"a string\"", "0", "{", "", "{\"a\":1,\"a\":2}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "\u0000"]),
                    _ => Mutate(value).ToJsonString(),
                };
            }
            return new StringContent(text, Encoding.UTF8, random.Next(10) == 0 ? "text/plain" : "application/json");
        }

        /// <summary>The sample body with a few of its fields (at any depth) wrong, missing or unexpected.</summary>
        private JsonNode Mutate(JsonNode? value)
        {
            if (value is not JsonObject obj || obj.Count == 0) return new JsonObject { ["unexpected"] = Pick(OddValues)?.DeepClone() };
            var times = random.Next(1, 4);
            for (var t = 0; t < times && obj.Count > 0; t++)
            {
                var target = obj;
                var keys = target.Select(k => k.Key).ToList();
                var key = keys[random.Next(keys.Count)];
                // Sometimes one level down, into a list of objects (income, needs, help, goals).
                if (target[key] is JsonArray { Count: > 0 } list && list[0] is JsonObject inner && inner.Count > 0 && random.Next(2) == 0)
                {
                    target = inner;
                    keys = target.Select(k => k.Key).ToList();
                    key = keys[random.Next(keys.Count)];
                }
                if (random.Next(6) == 0) target.Remove(key);
                else target[key] = Pick(OddValues)?.DeepClone();
            }
            return obj;
        }

        /// <summary>A plausible value for a schema: what a caller who read the document would send.</summary>
        private JsonNode? Sample(JsonObject schema, int depth)
        {
            if (depth > 4) return null;
            if (schema["enum"] is JsonArray { Count: > 0 } values) return values[random.Next(values.Count)]?.DeepClone();
            foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema[key] is JsonArray { Count: > 0 } choices)
                {
                    var real = choices.Select(c => Schema(c)).Where(c => !Types(c).SequenceEqual(["null"])).ToList();
                    if (real.Count > 0) return Sample(real[0], depth + 1);
                }
            }
            var types = Types(schema).Where(t => t != "null").ToList();
            var type = types.Count > 0 ? types[0] : schema["properties"] is not null ? "object" : "string";
            return type switch
            {
                "object" => SampleObject(schema, depth),
                "array" => new JsonArray(Sample(Schema(schema["items"]), depth + 1)),
                "integer" => random.Next(0, 5_000),
                "number" => random.Next(0, 5_000),
                "boolean" => random.Next(2) == 0,
                _ => schema["format"]?.GetValue<string>() switch
                {
                    "uuid" => Pick([d.WarrenStreetCircle, d.JamalHousehold, d.ToolLibraryMoney, d.Dudley]).ToString(),
                    "date-time" => "2026-11-01T00:00:00Z",
                    _ => "Fuzz " + random.Next(1_000),
                },
            };
        }

        private JsonObject SampleObject(JsonObject schema, int depth)
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema["properties"]?.AsObject() ?? new JsonObject())
            {
                result[name] = Sample(Schema(property), depth + 1);
            }
            return result;
        }

        /// <summary>A schema with its $ref followed (to components/schemas).</summary>
        private JsonObject Schema(JsonNode? node) => node is null ? new JsonObject() : Resolve(node);

        private JsonObject Resolve(JsonNode node)
        {
            var obj = node.AsObject();
            for (var hops = 0; obj["$ref"] is { } reference && hops < 10; hops++)
            {
                var target = (JsonNode)root;
                foreach (var step in reference.GetValue<string>().TrimStart('#', '/').Split('/')) target = target[step]!;
                obj = target.AsObject();
            }
            return obj;
        }

        private static IEnumerable<string> Types(JsonObject schema) => schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private static string NonEmpty(string s) => s.Length == 0 ? "x" : s;
    }
}
