using System.Text.RegularExpressions;

namespace Mutua.Web.Tests.Infrastructure;

/// <summary>
/// Issue 11, finding 7: another community's id must answer exactly like an id that does not exist.
/// The matrices ask each refused request twice, once with Dudley's real ids and once with random ones,
/// and compare what came back once the parts that differ on every answer anyway are set aside.
/// </summary>
public static partial class Strangers
{
    /// <summary>The demo with every id of Dudley's (its places, people and projects) replaced by one that exists nowhere; Arvin's stay.</summary>
    public static DemoPeople Randomised(DemoPeople d) => d with
    {
        Dudley = Guid.NewGuid(), WarrenStreetCircle = Guid.NewGuid(), DudleyParents = Guid.NewGuid(), BlueHillSavers = Guid.NewGuid(),
        JamalHousehold = Guid.NewGuid(), KeishaHousehold = Guid.NewGuid(), Admin = Guid.NewGuid(), Denise = Guid.NewGuid(), Jamal = Guid.NewGuid(),
        Keisha = Guid.NewGuid(), Andre = Guid.NewGuid(), Sponsor = Guid.NewGuid(), ToolLibrary = Guid.NewGuid(), ToolLibraryMoney = Guid.NewGuid(),
        ToolLibrarySlug = "no-such-project-" + Guid.NewGuid().ToString("N")[..8], FoodCart = Guid.NewGuid(), FoodCartMoney = Guid.NewGuid(),
        WarrenStreetSavings = Guid.NewGuid(),
    };

    /// <summary>
    /// An answer with the ids and slugs the request named put back as placeholders (a page echoes its own
    /// address in links and return URLs), and without what is fresh on every answer: trace ids, antiforgery tokens.
    /// </summary>
    public static string Normalise(string text, string request)
    {
        foreach (var id in Ids().Matches(request).Select(m => m.Value).Distinct())
            text = text.Replace(id, "{id}", StringComparison.OrdinalIgnoreCase);
        foreach (var slug in Slugs().Matches(request).Select(m => m.Groups[1].Value).Distinct())
            text = text.Replace(slug, "{slug}", StringComparison.Ordinal);
        text = TraceId().Replace(text, "\"traceId\":\"…\"");
        return Token().Replace(text, "value=\"{token}\"");
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Ids();

    [GeneratedRegex("/p/([^/?#\\s]+)")]
    private static partial Regex Slugs();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex Token();

    /// <summary>Status, where it sends the browser, the kind of content and the content, normalised.</summary>
    public static async Task<string> DescribeAsync(HttpResponseMessage response, string request, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var location = Uri.UnescapeDataString(response.Headers.Location?.ToString() ?? "");
        return $"{(int)response.StatusCode} {Normalise(location, request)} {response.Content.Headers.ContentType?.MediaType}\n{Normalise(body, request)}";
    }
}
