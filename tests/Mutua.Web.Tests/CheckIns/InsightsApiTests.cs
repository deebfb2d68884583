using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.CheckIns;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.CheckIns;

/// <summary>
/// Dudley's insights through the API. The coordinator forms a group of four and moves four households
/// into it; each checks in for January 2020 (long before the demo's year), as do six households elsewhere
/// (ten in all: amounts need ten households behind them).
/// </summary>
public sealed class InsightsApiTests(MutuaFactory app) : IClassFixture<MutuaFactory>, IAsyncLifetime
{
    private const string Month = "2020-01";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private Guid tiny;

    public async ValueTask InitializeAsync()
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        var existing = await app.WithDbAsync(db => db.Groups.Where(g => g.Name == "Tiny Circle").Select(g => g.Id).FirstOrDefaultAsync());
        if (existing != Guid.Empty)
        {
            tiny = existing;
            return;
        }
        using var created = await denise.PostAsJsonAsync($"/api/v1/communities/{app.Demo.Dudley}/groups", new { name = "Tiny Circle" }, Ct);
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

    private string Url(string query) => $"/api/v1/communities/{app.Demo.Dudley}/insights?from={Month}&to={Month}{query}";

    private static IEnumerable<JsonElement> Cells(JsonElement month) =>
        new[] { "checkedIn", "participationPercent", "gavePercent", "receivedPercent" }.Select(n => month.GetProperty(n))
            .Concat(new[] { "income", "savings" }.SelectMany(q => new[] { "low", "median", "high" }.Select(p => month.GetProperty(q).GetProperty(p))))
            .Concat(month.GetProperty("needs").EnumerateArray()).Concat(month.GetProperty("wants").EnumerateArray());

    [Fact]
    public async Task A_group_of_four_is_too_few_to_show_while_the_community_is_shown()
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);

        using var group = await denise.GetAsync(Url($"&groupId={tiny}"), Ct);
        using var community = await denise.GetAsync(Url(""), Ct);

        Assert.Equal(HttpStatusCode.OK, group.StatusCode);
        using var g = JsonDocument.Parse(await group.Content.ReadAsStringAsync(Ct));
        var gm = Assert.Single(g.RootElement.GetProperty("months").EnumerateArray());
        Assert.Equal("2020-01", gm.GetProperty("month").GetString());
        Assert.All(Cells(gm), c =>
        {
            Assert.True(c.GetProperty("suppressed").GetBoolean(), c.ToString());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("value").ValueKind);
        });

        using var c = JsonDocument.Parse(await community.Content.ReadAsStringAsync(Ct));
        var cm = Assert.Single(c.RootElement.GetProperty("months").EnumerateArray());
        Assert.True(cm.GetProperty("published").GetBoolean());
        // Harrell–Davis of $1,000 … $10,000 is $5,500; all ten name food, and ten may be told "all of them".
        Assert.Equal(550_000, cm.GetProperty("income").GetProperty("median").GetProperty("value").GetInt64());
        Assert.Equal(10, cm.GetProperty("needs")[(int)NeedCategory.Food].GetProperty("value").GetInt64());
    }

    // Issue 19: a held-back cell is empty, not "too few to show" in the reader's language; the row says which and why.
    [Fact]
    public async Task Csv_has_translated_columns_and_empty_held_back_cells_in_spanish()
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin, "es");
        using var csv = await denise.GetAsync(Url($"&groupId={tiny}&format=csv"), Ct);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("Mes,Moneda,Hogares,Hicieron su reporte,Participación %", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Households", lines[0], StringComparison.Ordinal);
        var cells = lines[1].Split(',');
        Assert.Equal(Month, cells[0]);
        Assert.Equal("USD", cells[1]);
        Assert.Equal("0", cells[2]); // the demo households joined after 2020: a membership count, not a figure from check-ins
        Assert.All(cells[3..^2], c => Assert.Equal("", c));
        Assert.StartsWith("checked_in participation_pct income_low_major_units", cells[^2], StringComparison.Ordinal);
        Assert.Equal("too_few", cells[^1]);
        Assert.DoesNotContain("muy pocos", text, StringComparison.Ordinal);
        Assert.Equal(lines[0].Split(',').Length, cells.Length);

        using var whole = await denise.GetAsync(Url("&format=csv"), Ct);
        var row = (await whole.Content.ReadAsStringAsync(Ct)).Split('\n')[1].Split(',');
        Assert.Equal("", row[3]); // ten check-ins of households that joined later: not a share of anything
        Assert.Equal("5500", row[6]); // the median income, in dollars
    }

    [Fact]
    public async Task Xlsx_is_a_workbook()
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin, "es");
        using var xlsx = await denise.GetAsync(Url($"&groupId={tiny}&format=xlsx"), Ct);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        var strings = zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => { using var r = new StreamReader(e.Open()); return r.ReadToEnd(); });
        var all = string.Concat(strings);
        Assert.DoesNotContain("demasiado pocos para mostrar", all, StringComparison.Ordinal);
        Assert.Contains("too_few", all, StringComparison.Ordinal);
        Assert.Contains("Hogares", all, StringComparison.Ordinal);
        Assert.Contains("cellStyle name=\"Normal\"", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&format=pdf", "invalid_format")]
    [InlineData("&format=CSV-ish", "invalid_format")]
    public async Task An_unknown_format_is_a_400(string query, string error)
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var response = await denise.GetAsync(Url(query), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("?from=2020-13", "invalid_month")]
    [InlineData("?from=2020-03&to=2020-01", "invalid_month")]
    public async Task Bad_months_are_a_400(string query, string error)
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var response = await denise.GetAsync($"/api/v1/communities/{app.Demo.Dudley}/insights{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_of_another_community_is_refused()
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var response = await denise.GetAsync(Url($"&groupId={app.Demo.GrupoEsperanza}"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("group_not_in_community", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    // Another community's people hear what they would for a community that does not exist (issue 11, finding 7).
    [Theory]
    [InlineData(DemoPeople.RosarioLogin, HttpStatusCode.NotFound)]
    [InlineData(DemoPeople.EsperanzaLogin, HttpStatusCode.NotFound)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Outsiders_get_no_insights_in_any_format(string? login, HttpStatusCode expected)
    {
        using var client = await app.ApiAsync(login);
        foreach (var format in new[] { "json", "csv", "xlsx" })
        {
            using var response = await client.GetAsync(Url($"&format={format}"), Ct);
            Assert.Equal(expected, response.StatusCode);
        }
    }
}
