using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Mutua.Bench;

/// <summary>
/// The two ends of the check-in load test (bench/load/checkin-put.sh): sign in the generated load people
/// and list who may write where; afterwards count what was written.
/// </summary>
internal static class LoadTools
{
    /// <summary>Signs in load0 … load{N-1} through the API and writes "token householdId" per household they belong to.</summary>
    public static async Task TokensAsync(string url, int people, string outPath)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        var lines = new List<string>[people];
        var started = DateTime.UtcNow;
        await Parallel.ForAsync(0, people, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var login = await http.PostAsJsonAsync("/api/v1/auth/login",
                new { login = Generator.LoadEmail(i), password = Generator.LoadPassword }, ct);
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Authorization = new("Bearer", token);
            using var me = await http.SendAsync(request, ct);
            me.EnsureSuccessStatusCode();
            var body = await me.Content.ReadFromJsonAsync<JsonElement>(ct);
            lines[i] = body.GetProperty("households").EnumerateArray().Select(h => $"{token} {h.GetProperty("id").GetString()}").ToList();
        });
        // Interleave people, so consecutive requests come from different people and households.
        var all = new List<string>();
        for (var k = 0; lines.Any(l => k < l.Count); k++)
            all.AddRange(lines.Where(l => k < l.Count).Select(l => l[k]));
        await File.WriteAllLinesAsync(outPath, all);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{people} people signed in, {all.Count} households, {(DateTime.UtcNow - started).TotalSeconds:F1} s -> {outPath}"));
    }

    /// <summary>How many check-ins the load test wrote for the month (their whatsNew is the marker); with --reset, removes them first.</summary>
    public static async Task CountAsync(string db, string month, bool reset)
    {
        await using var connection = new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        var period = int.Parse(month.Replace("-", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$p", period);
        command.Parameters.AddWithValue("$marker", Marker);
        if (reset)
        {
            command.CommandText = "DELETE FROM CheckIns WHERE Period = $p AND WhatsNew = $marker";
            Console.WriteLine($"removed {await command.ExecuteNonQueryAsync()} check-ins of an earlier load run");
            return;
        }
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT HouseholdId) FROM CheckIns WHERE Period = $p AND WhatsNew = $marker";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"stored: {reader.GetInt64(0)} check-ins for {month} from the load run ({reader.GetInt64(1)} households)");
    }

    /// <summary>What checkin-put.lua writes as the check-in's "what's new".</summary>
    public const string Marker = "load test";
}
