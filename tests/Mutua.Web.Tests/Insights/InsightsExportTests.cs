using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.CheckIns;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Insights;

/// <summary>
/// Insights' CSV and XLSX as machines read them (issue 19): numeric columns hold numbers or nothing, in every
/// language; what was held back, and why, is its own column of stable codes; a header of stable keys on request;
/// the workbook opens in openpyxl with a default style and numeric cells. Dudley's coordinator forms a group of
/// four; it and six households elsewhere check in for January 2020 (ten in all), as in InsightsApiTests.
/// </summary>
public sealed class InsightsExportTests(MutuaFactory app) : IClassFixture<MutuaFactory>, IAsyncLifetime
{
    private const string Month = "2020-01";
    private static readonly string[] Languages = ["en", "es", "fr", "sw", "rw"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private Guid tiny;

    private static readonly string[] Categories =
        ["childcare", "transport", "tools_or_equipment", "training", "business_capital", "housing_repair", "health_care", "school_costs", "legal_help", "food", "other"];

    /// <summary>The numeric columns' stable keys, in order, with where the API's JSON keeps the same figure.</summary>
    private static readonly (string Key, Func<JsonElement, JsonElement> Json, bool Money)[] Numbers =
    [
        ("households", m => m.GetProperty("households"), false),
        ("checked_in", m => m.GetProperty("checkedIn"), false),
        ("participation_pct", m => m.GetProperty("participationPercent"), false),
        ("income_low_major_units", m => m.GetProperty("income").GetProperty("low"), true),
        ("income_median_major_units", m => m.GetProperty("income").GetProperty("median"), true),
        ("income_high_major_units", m => m.GetProperty("income").GetProperty("high"), true),
        ("savings_low_major_units", m => m.GetProperty("savings").GetProperty("low"), true),
        ("savings_median_major_units", m => m.GetProperty("savings").GetProperty("median"), true),
        ("savings_high_major_units", m => m.GetProperty("savings").GetProperty("high"), true),
        ("gave_help_pct", m => m.GetProperty("gavePercent"), false),
        ("received_help_pct", m => m.GetProperty("receivedPercent"), false),
        .. Categories.Select((c, i) => ("need_" + c, (Func<JsonElement, JsonElement>)(m => m.GetProperty("needs")[i]), false)),
        .. Categories.Select((c, i) => ("want_" + c, (Func<JsonElement, JsonElement>)(m => m.GetProperty("wants")[i]), false)),
    ];

    private static readonly string[] Keys = ["month", "currency", .. Numbers.Select(n => n.Key), "suppressed", "suppressed_reason"];

    public async ValueTask InitializeAsync()
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        var existing = await app.WithDbAsync(db => db.Groups.Where(g => g.Name == "Export Circle").Select(g => g.Id).FirstOrDefaultAsync());
        if (existing != Guid.Empty)
        {
            tiny = existing;
            return;
        }
        using var created = await denise.PostAsJsonAsync($"/api/v1/communities/{app.Demo.Dudley}/groups", new { name = "Export Circle" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct))) tiny = json.RootElement.GetProperty("id").GetGuid();

        var households = await app.WithDbAsync(db => db.Households.AsNoTracking().Where(h => h.CommunityId == app.Demo.Dudley)
            .OrderBy(h => h.Name).Select(h => new { h.Id, h.GroupId }).ToListAsync());
        var moved = households.Take(4).ToList();
        foreach (var h in moved)
        {
            using var patch = await denise.PatchAsJsonAsync($"/api/v1/households/{h.Id}", new { groupId = tiny }, Ct);
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }
        var others = households.Skip(4).Take(6).ToList();
        await app.WithDbAsync(async db =>
        {
            var i = 0;
            foreach (var (id, group) in moved.Select(h => (h.Id, (Guid?)tiny)).Concat(others.Select(h => (h.Id, h.GroupId))))
            {
                i++;
                db.CheckIns.Add(new CheckIn
                {
                    HouseholdId = id, CommunityId = app.Demo.Dudley, GroupId = group, Period = 202001, Currency = "USD",
                    IncomeTotal = 100_000 * i, SavingsBalance = 10_000 * i, NeedsMask = 1 << (int)NeedCategory.Food,
                    CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, RecordedById = app.Demo.Admin,
                });
            }
            await db.SaveChangesAsync();
        });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string Url(string query, string from = Month, string to = Month) =>
        $"/api/v1/communities/{app.Demo.Dudley}/insights?from={from}&to={to}{query}";

    private async Task<string> CsvAsync(string language, string query)
    {
        using var client = await app.ApiAsync(DemoPeople.DeniseLogin, language);
        using var response = await client.GetAsync(Url("&format=csv" + query), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF');
    }

    private static List<string[]> Lines(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();

    [Fact]
    public async Task The_csv_reads_the_same_in_every_language_but_for_its_translated_header()
    {
        var keyed = new List<string>();
        var rows = new List<string>();
        foreach (var language in Languages)
        {
            keyed.Add(await CsvAsync(language, $"&groupId={tiny}&headers=keys") + await CsvAsync(language, "&headers=keys"));
            var files = new[] { await CsvAsync(language, $"&groupId={tiny}"), await CsvAsync(language, "") };
            var text = string.Concat(files);
            // Everything but the header line of each file.
            rows.Add(string.Join("\n", files.Select(f => f[(f.IndexOf('\n', StringComparison.Ordinal) + 1)..])));
            Assert.DoesNotContain("too few", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("muy pocos", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.All(keyed, k => Assert.Equal(keyed[0], k));
        Assert.All(rows, r => Assert.Equal(rows[0], r));
        Assert.StartsWith("Mes,", await CsvAsync("es", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numeric_columns_hold_the_jsons_numbers_or_nothing_and_suppressed_says_which_and_why()
    {
        using var client = await app.ApiAsync(DemoPeople.DeniseLogin, "es");
        foreach (var group in new[] { $"&groupId={tiny}", "" })
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(Url(group), Ct));
            var month = Assert.Single(json.RootElement.GetProperty("months").EnumerateArray());
            var lines = Lines(await CsvAsync("es", group + "&headers=keys"));
            Assert.Equal(Keys, lines[0]);
            var row = Assert.Single(lines.Skip(1));
            Assert.Equal(Keys.Length, row.Length);
            Assert.Equal(Month, row[0]);
            Assert.Equal("USD", row[1]);
            var empty = new List<string>();
            for (var i = 0; i < Numbers.Length; i++)
            {
                var (key, cell, money) = Numbers[i];
                var text = row[i + 2];
                var value = cell(month).GetProperty("value");
                if (value.ValueKind == JsonValueKind.Null)
                {
                    Assert.True(text.Length == 0, $"{key} is suppressed in the JSON but the CSV says {text}");
                    empty.Add(key);
                    continue;
                }
                var expected = money ? value.GetInt64() / 100m : value.GetInt64();
                Assert.Equal(expected, decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
            }
            Assert.NotEmpty(empty);
            Assert.Equal(string.Join(' ', empty), row[^2]);
            Assert.Equal("too_few", row[^1]);
        }
        // The group of four shows its household count (a membership count, 0 for the demo's later households) and nothing else.
        var tinyRow = Lines(await CsvAsync("en", $"&groupId={tiny}&headers=keys"))[1];
        Assert.Equal("0", tinyRow[2]);
        Assert.All(tinyRow[3..^2], c => Assert.Equal("", c));
        Assert.Equal(string.Join(' ', Numbers.Skip(1).Select(n => n.Key)), tinyRow[^2]);
        // The community's median income, $5,500 rounded from two significant digits, in dollars.
        Assert.Equal("5500", Lines(await CsvAsync("en", "&headers=keys"))[1][Array.IndexOf(Keys, "income_median_major_units")]);
    }

    [Fact]
    public async Task An_open_month_is_empty_and_says_it_is_not_published_yet()
    {
        var now = DateTime.UtcNow;
        var open = $"{now.Year:D4}-{now.Month:D2}";
        using var client = await app.ApiAsync(DemoPeople.DeniseLogin);
        var text = await client.GetStringAsync(Url("&format=csv&headers=keys", open, open), Ct);
        var row = Lines(text.TrimStart('\uFEFF'))[1];
        Assert.Equal(open, row[0]);
        Assert.All(row[2..^2], c => Assert.Equal("", c));
        Assert.Equal(string.Join(' ', Numbers.Select(n => n.Key)), row[^2]);
        Assert.Equal("not_published", row[^1]);
    }

    [Fact]
    public async Task Every_cell_of_the_demos_months_in_every_group_is_the_jsons_value_or_empty()
    {
        using var client = await app.ApiAsync(DemoPeople.DeniseLogin, "fr");
        var groups = await app.WithDbAsync(db => db.Groups.Where(g => g.CommunityId == app.Demo.Dudley).Select(g => g.Id).ToListAsync());
        var now = DateTime.UtcNow;
        var (from, to) = ($"{now.Year - 1:D4}-{now.Month:D2}", $"{now.Year:D4}-{now.Month:D2}");
        var reasons = new HashSet<string>();
        var shown = 0;
        foreach (var group in groups.Select(g => $"&groupId={g}").Prepend(""))
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/communities/{app.Demo.Dudley}/insights?from={from}&to={to}{group}", Ct));
            var months = json.RootElement.GetProperty("months").EnumerateArray().ToList();
            var text = await client.GetStringAsync($"/api/v1/communities/{app.Demo.Dudley}/insights?from={from}&to={to}{group}&format=csv&headers=keys", Ct);
            var rows = Lines(text.TrimStart('\uFEFF')).Skip(1).ToList();
            Assert.Equal(months.Count, rows.Count);
            foreach (var (month, row) in months.Zip(rows))
            {
                var empty = new List<string>();
                for (var i = 0; i < Numbers.Length; i++)
                {
                    var value = Numbers[i].Json(month).GetProperty("value");
                    var cell = row[i + 2];
                    if (value.ValueKind == JsonValueKind.Null)
                    {
                        Assert.True(cell.Length == 0, $"{row[0]} {Numbers[i].Key}: suppressed in the JSON, {cell} in the CSV");
                        empty.Add(Numbers[i].Key);
                        continue;
                    }
                    shown++;
                    var expected = Numbers[i].Money ? value.GetInt64() / 100m : value.GetInt64();
                    Assert.Equal(expected, decimal.Parse(cell, CultureInfo.InvariantCulture));
                }
                Assert.Equal(string.Join(' ', empty), row[^2]);
                var published = month.GetProperty("published").GetBoolean();
                Assert.Equal(empty.Count == 0 ? "" : published ? "too_few" : "not_published", row[^1]);
                reasons.Add(row[^1]);
            }
        }
        Assert.True(shown > 0);
        Assert.Contains("not_published", reasons);
        Assert.Contains("too_few", reasons);
    }

    [Fact]
    public async Task The_insights_page_downloads_the_same_files_with_stable_keys_on_request()
    {
        var page = await app.PagesAsync(DemoPeople.DeniseLogin);
        var path = $"/Communities/{app.Demo.Dudley}/Insights?from={Month}&to={Month}";
        var keyed = (await page.GetStringAsync(path + "&handler=Csv&headers=keys", Ct)).TrimStart('\uFEFF');
        Assert.Equal(Keys, Lines(keyed)[0]);
        Assert.Equal(Lines(await CsvAsync("en", "&headers=keys"))[1], Lines(keyed)[1]);
        using var bad = await page.GetAsync(path + "&handler=Xlsx&headers=xyz", Ct);
        Assert.Equal("text/html", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("headers is labels or keys", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&format=csv&headers=xyz")]
    [InlineData("&format=xlsx&headers=KEYS")]
    public async Task An_unknown_headers_choice_is_a_400_problem(string query)
    {
        using var client = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var response = await client.GetAsync(Url(query), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("invalid_export_option", problem.RootElement.GetProperty("error").GetString());
    }

    private async Task<JsonDocument> ReadXlsxAsync(string language, string query)
    {
        using var client = await app.ApiAsync(DemoPeople.DeniseLogin, language);
        var bytes = await client.GetByteArrayAsync(Url("&format=xlsx" + query), Ct);
        return await RealReaders.RunAsync("read_xlsx.py", "openpyxl", Ct, ("insights.xlsx", bytes));
    }

    [Fact]
    public async Task Openpyxl_reads_numbers_and_empty_cells_the_same_in_english_and_spanish()
    {
        foreach (var group in new[] { $"&groupId={tiny}", "" })
        {
            var csv = Lines(await CsvAsync("en", group + "&headers=keys"))[1];
            var data = new List<string>();
            foreach (var language in new[] { "en", "es" })
            {
                using var read = await ReadXlsxAsync(language, group);
                Assert.Empty(read.RootElement.GetProperty("warnings").EnumerateArray());
                var rows = read.RootElement.GetProperty("rows").EnumerateArray().ToList();
                Assert.Equal(2, rows.Count);
                Assert.All(rows[0].EnumerateArray(), h => Assert.Equal("s", h[0].GetString()));
                Assert.Equal(language == "es" ? "Mes" : "Month", rows[0][0][1].GetString());
                var cells = rows[1].EnumerateArray().ToList();
                Assert.Equal(Keys.Length, cells.Count);
                Assert.Equal(Month, cells[0][1].GetString());
                for (var i = 0; i < Numbers.Length; i++)
                {
                    var cell = cells[i + 2];
                    if (csv[i + 2].Length == 0)
                    {
                        Assert.Equal(JsonValueKind.Null, cell[0].ValueKind);
                        continue;
                    }
                    Assert.True(cell[0].GetString() == "n", $"{Numbers[i].Key} is a {cell[0]} cell: {cell[1]}");
                    Assert.Equal(decimal.Parse(csv[i + 2], CultureInfo.InvariantCulture), cell[1].GetDecimal());
                }
                data.Add(rows[1].GetRawText());
            }
            Assert.Equal(data[0], data[1]);
        }
    }

    [Fact]
    public async Task The_workbook_can_have_the_stable_keys_as_its_header()
    {
        using var read = await ReadXlsxAsync("sw", "&headers=keys");
        var header = read.RootElement.GetProperty("rows")[0].EnumerateArray().Select(c => c[1].GetString()).ToList();
        Assert.Equal(Keys, header);
    }
}
