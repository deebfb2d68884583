using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Platform;

/// <summary>The API reference page is drawn from the endpoints: after the per-feature grouping (issue 12) it still lists every operation.</summary>
public sealed partial class ApiReferencePageTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    [Fact]
    public async Task The_api_reference_lists_every_documented_api_operation_and_marks_the_open_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.NewClient(cookies: false);
        using var response = await client.GetAsync(new Uri("/ApiReference", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));
        var rows = Row().Matches(html).Select(m => (Method: m.Groups[1].Value, Route: Constraint().Replace(m.Groups[2].Value, "{$1}"), Open: m.Groups[3].Success)).ToList();

        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct))!.AsObject();
        var operations = document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(m => (Method: m.Key.ToUpperInvariant(), Route: p.Key, Open: m.Value!["security"] is not JsonArray { Count: > 0 })))
            .ToList();
        Assert.True(operations.Count >= 55, $"only {operations.Count} API operations are documented");
        Assert.Equal(operations.OrderBy(o => o.Route + " " + o.Method, StringComparer.Ordinal),
            rows.OrderBy(o => o.Route + " " + o.Method, StringComparer.Ordinal));
        Assert.Contains(("POST", "/api/v1/auth/login", true), rows);
    }

    [GeneratedRegex(@"<td><code>(\w+)</code></td>\s*<td><code>([^<]+)</code>(\s*<br><span class=""badge"">)?")]
    private static partial Regex Row();

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
