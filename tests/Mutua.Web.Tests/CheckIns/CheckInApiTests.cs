using Mutua.Core;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.CheckIns;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.CheckIns;

/// <summary>The check-in API as Jamal (a member of "Jamal &amp; Rosa" in Dudley, New York time) and everyone else.</summary>
public sealed class CheckInApiTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Month ThisMonth => Month.Current(DateTimeOffset.UtcNow, "America/New_York");

    private string Url(string month) => $"/api/v1/households/{app.Demo.JamalHousehold}/checkins/{month}";

    private static readonly object Body = new
    {
        income = new object[] { new { source = "job", amount = 210_000 }, new { source = "ownBusiness", amount = 45_050 }, new { source = "job", amount = 1_000 } },
        savingsBalance = 80_000,
        debts = 120_000,
        healthRating = 4,
        housing = "rented",
        meetingsLed = 1,
        help = new object[] { new { direction = "received", kind = "childcare", otherDescription = "My aunt Cora", value = (long?)null } },
        goals = new object[] { new { name = "Pay off the car loan", percent = 35 } },
        needs = new[] { "childcare", "schoolCosts" },
        wants = new[] { "training" },
        whatsNew = "Rosa started evening classes.",
        sharedWithGroup = new[] { "goals", "needsAndWants" },
    };

    [Fact]
    public async Task A_member_puts_a_check_in_and_gets_it_back()
    {
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        var month = ThisMonth.ToString();

        using var put = await jamal.PutAsJsonAsync(Url(month), Body, Ct);
        var putText = await put.Content.ReadAsStringAsync(Ct);
        Assert.True(put.StatusCode == HttpStatusCode.OK, putText);
        using var again = await jamal.PutAsJsonAsync(Url(month), Body, Ct); // idempotent
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var get = await jamal.GetAsync(Url(month), Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var json = JsonDocument.Parse(await get.Content.ReadAsStringAsync(Ct));
        var r = json.RootElement;
        Assert.Equal(month, r.GetProperty("month").GetString());
        Assert.Equal("USD", r.GetProperty("currency").GetString());
        Assert.Equal(256_050, r.GetProperty("incomeTotal").GetInt64());
        Assert.Equal(2, r.GetProperty("income").GetArrayLength());
        Assert.Equal(211_000, r.GetProperty("income").EnumerateArray().Single(i => i.GetProperty("source").GetString() == "job").GetProperty("amount").GetInt64());
        Assert.Equal(80_000, r.GetProperty("savingsBalance").GetInt64());
        Assert.Equal(120_000, r.GetProperty("debts").GetInt64());
        Assert.Equal(4, r.GetProperty("healthRating").GetInt32());
        Assert.Equal("rented", r.GetProperty("housing").GetString());
        Assert.Equal("My aunt Cora", r.GetProperty("help")[0].GetProperty("otherDescription").GetString());
        var goal = r.GetProperty("goals").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "Pay off the car loan");
        Assert.Equal(35, goal.GetProperty("percent").GetInt32());
        Assert.Equal(["childcare", "schoolCosts"], r.GetProperty("needs").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("Rosa started evening classes.", r.GetProperty("whatsNew").GetString());
        Assert.Equal(["goals", "needsAndWants"], r.GetProperty("sharedWithGroup").EnumerateArray().Select(e => e.GetString()));

        using var list = await jamal.GetAsync($"/api/v1/households/{app.Demo.JamalHousehold}/checkins", Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var items = JsonDocument.Parse(await list.Content.ReadAsStringAsync(Ct));
        var months = items.RootElement.EnumerateArray().Select(i => i.GetProperty("month").GetString()).ToList();
        Assert.Equal(month, months[0]); // newest first
        Assert.Equal(months.OrderDescending(StringComparer.Ordinal), months);
        Assert.Equal(256_050, items.RootElement[0].GetProperty("incomeTotal").GetInt64());

        var rows = await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.HouseholdId == app.Demo.JamalHousehold && c.Period == ThisMonth.Period));
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task A_put_changing_only_what_is_shared_with_the_group_is_stored_and_read_back()
    {
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        var month = ThisMonth.ToString();
        using (var put = await jamal.PutAsJsonAsync(Url(month), Body, Ct)) Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        foreach (var (sharing, parts) in new[]
            { (new[] { "goals" }, SharedParts.Goals), (Array.Empty<string>(), SharedParts.None), (new[] { "goals", "needsAndWants" }, SharedParts.Goals | SharedParts.NeedsAndWants) })
        {
            var body = JsonSerializer.SerializeToNode(Body)!;
            body["sharedWithGroup"] = new JsonArray([.. sharing.Select(s => (JsonNode?)s)]);
            using (var put = await jamal.PutAsJsonAsync(Url(month), body, Ct)) Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            // Read back with a GET and from the table, not the PUT's answer, which echoes the input even when nothing was stored.
            using var get = await jamal.GetAsync(Url(month), Ct);
            using var json = JsonDocument.Parse(await get.Content.ReadAsStringAsync(Ct));
            Assert.Equal(sharing, json.RootElement.GetProperty("sharedWithGroup").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(parts, await app.WithDbAsync(db => db.CheckIns.AsNoTracking()
                .Where(c => c.HouseholdId == app.Demo.JamalHousehold && c.Period == ThisMonth.Period).Select(c => c.SharedWithGroup).SingleAsync()));
        }
    }

    [Theory]
    [InlineData(Actors.OtherHousehold, HttpStatusCode.Forbidden)]
    [InlineData(Actors.Coordinator, HttpStatusCode.Forbidden)]
    [InlineData(Actors.Sponsor, HttpStatusCode.Forbidden)]
    [InlineData(Actors.Admin, HttpStatusCode.Forbidden)]
    // Another community's people hear what they would for a household that does not exist (issue 11, finding 7).
    [InlineData(Actors.OtherCommunity, HttpStatusCode.NotFound)]
    [InlineData(Actors.OtherCoordinator, HttpStatusCode.NotFound)]
    [InlineData(Actors.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Nobody_else_reads_or_writes_it_and_nothing_changes(string actor, HttpStatusCode expected)
    {
        var before = await MatrixState.FingerprintAsync(app);
        using var client = await app.ApiAsync(Actors.Login(actor));
        var month = ThisMonth.ToString();

        using var put = await client.PutAsJsonAsync(Url(month), new { savingsBalance = 1, whatsNew = "not mine" }, Ct);
        using var get = await client.GetAsync(Url(month), Ct);
        using var list = await client.GetAsync($"/api/v1/households/{app.Demo.JamalHousehold}/checkins", Ct);

        Assert.Equal(expected, put.StatusCode);
        Assert.Equal(expected, get.StatusCode);
        Assert.Equal(expected, list.StatusCode);
        Assert.DoesNotContain("not mine", await get.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await MatrixState.FingerprintAsync(app));
    }

    [Fact]
    public async Task An_unknown_household_is_not_found()
    {
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        using var put = await jamal.PutAsJsonAsync($"/api/v1/households/{Guid.NewGuid()}/checkins/{ThisMonth}", new { savingsBalance = 1 }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("26-03")]
    [InlineData("march")]
    [InlineData("2026-3")]
    public async Task A_bad_month_in_the_url_is_a_400_with_a_message_in_the_persons_language(string month)
    {
        var before = await MatrixState.FingerprintAsync(app);
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin, "es");

        using var put = await jamal.PutAsJsonAsync(Url(month), new { savingsBalance = 1 }, Ct);
        using var get = await jamal.GetAsync(Url(month), Ct);

        foreach (var response in new[] { put, get })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal("invalid_month", json.RootElement.GetProperty("error").GetString());
            var title = json.RootElement.GetProperty("title").GetString();
            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.DoesNotContain("Please give the month", title, StringComparison.Ordinal); // Spanish, not English
        }
        Assert.Equal(before, await MatrixState.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_month_not_yet_begun_is_refused()
    {
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        using var put = await jamal.PutAsJsonAsync(Url(ThisMonth.Next.Next.ToString()), new { savingsBalance = 1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("month_in_future", await put.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"savingsBalance\":\"lots\"}")]
    [InlineData("{\"savingsBalance\":12.5}")]
    [InlineData("{\"healthRating\":\"good\"}")]
    [InlineData("{\"income\":[{\"source\":\"salary\",\"amount\":5}]}")]
    [InlineData("{\"income\":{\"job\":5}}")]
    [InlineData("{\"needs\":\"food\"}")]
    [InlineData("{\"sharedWithGroup\":\"everything\"}")]
    [InlineData("{\"savingsBalance\":")]
    [InlineData("[1,2]")]
    public async Task Wrong_json_is_a_400_with_a_message(string body)
    {
        var before = await MatrixState.FingerprintAsync(app);
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin, "es");
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var put = await jamal.PutAsync(Url(ThisMonth.ToString()), content, Ct);

        var text = await put.Content.ReadAsStringAsync(Ct);
        Assert.True(put.StatusCode == HttpStatusCode.BadRequest, $"{(int)put.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal("bad_request", json.RootElement.GetProperty("error").GetString());
        Assert.StartsWith("No pudimos leer", json.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await MatrixState.FingerprintAsync(app));
    }

    [Theory]
    [InlineData("{\"savingsBalance\":-1}", "amount_out_of_range")]
    [InlineData("{\"healthRating\":6}", "invalid_rating")]
    [InlineData("{\"help\":[{\"direction\":\"given\",\"kind\":\"food\"}]}", "invalid_help")]
    [InlineData("{\"goals\":[{\"name\":\"\",\"percent\":5}]}", "invalid_goal")]
    public async Task Input_core_refuses_is_a_400_with_its_reason(string body, string error)
    {
        var before = await MatrixState.FingerprintAsync(app);
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var put = await jamal.PutAsync(Url(ThisMonth.ToString()), content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        using var json = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Ct));
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        Assert.Equal(before, await MatrixState.FingerprintAsync(app));
    }
}
