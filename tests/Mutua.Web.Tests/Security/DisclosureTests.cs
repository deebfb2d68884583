using Mutua.Core;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.CheckIns;
using Mutua.Core.Insights;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Security;

/// <summary>
/// The attacks of issue 11 on the demo's insights, as a member and a sponsor would make them through the API:
/// a member's own edits as a probe (finding 1), subtraction across groups (finding 2), all-or-nothing cells and
/// small household counts (finding 3). See docs/privacy.md.
/// </summary>
public sealed class DisclosureTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> MonthAsync(HttpClient client, string month, Guid? group)
    {
        using var response = await client.GetAsync(
            $"/api/v1/communities/{app.Demo.Dudley}/insights?from={month}&to={month}" + (group is { } g ? $"&groupId={g}" : ""), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("months")[0].Clone();
    }

    private static async Task PutIncomeAsync(HttpClient client, Guid household, string month, long amount)
    {
        using var put = await client.PutAsJsonAsync($"/api/v1/households/{household}/checkins/{month}",
            new { income = new[] { new { source = "job", amount } }, savingsBalance = amount }, Ct);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_member_who_edits_their_own_month_learns_nothing_about_the_others()
    {
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        var now = DateTimeOffset.UtcNow;
        var open = Month.Current(now, "America/New_York");
        // The month being filled in, and the latest published one (where edits are corrections).
        var published = InsightsService.LastSettled(now, "America/New_York");
        foreach (var month in new[] { open, published })
        {
            var readings = new List<string>();
            foreach (var amount in new long[] { 0, 1_000_000_000_000 })
            {
                await PutIncomeAsync(keisha, app.Demo.KeishaHousehold, month.ToString(), amount);
                readings.Add((await MonthAsync(keisha, month.ToString(), app.Demo.DudleyParents)).GetRawText());
                readings.Add((await MonthAsync(keisha, month.ToString(), null)).GetRawText());
            }
            Assert.Equal(readings[0], readings[2]);
            Assert.Equal(readings[1], readings[3]);
            if (month == open)
            {
                using var figures = JsonDocument.Parse(readings[1]);
                Assert.False(figures.RootElement.GetProperty("published").GetBoolean());
                Assert.True(figures.RootElement.GetProperty("income").GetProperty("median").GetProperty("suppressed").GetBoolean());
            }
        }
    }

    [Fact]
    public async Task No_hidden_group_count_comes_back_by_subtraction_from_the_community()
    {
        // June 2019, long before the demo's year: ten check-ins in Warren Street Circle, five of them needing food, and
        // eight in Dudley Parents, three of them. 8 of 18 and 5 of 10 are safe to show, but together they give Dudley
        // Parents' 3 of 8.
        const int June2019 = 201906;
        var households = await app.WithDbAsync(db => db.Households.Where(h => h.CommunityId == app.Demo.Dudley).OrderBy(h => h.Id)
            .Select(h => h.Id).Take(18).ToListAsync());
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < households.Count; i++)
            {
                var warren = i < 10;
                var food = warren ? i < 5 : i < 13;
                db.CheckIns.Add(new CheckIn
                {
                    HouseholdId = households[i], CommunityId = app.Demo.Dudley, GroupId = warren ? app.Demo.WarrenStreetCircle : app.Demo.DudleyParents,
                    Period = June2019, Currency = "USD", IncomeTotal = 100_000 + 1_000 * i, NeedsMask = food ? 1 << (int)NeedCategory.Food : 0,
                    CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, RecordedById = app.Demo.Admin,
                });
            }
            await db.SaveChangesAsync();
        });

        using var sponsor = await app.ApiAsync(DemoPeople.SponsorLogin);
        static long? Value(JsonElement month) =>
            month.GetProperty("needs")[(int)NeedCategory.Food] is var c && c.GetProperty("suppressed").GetBoolean() ? null : c.GetProperty("value").GetInt64();
        var community = Value(await MonthAsync(sponsor, "2019-06", null));
        var warren = Value(await MonthAsync(sponsor, "2019-06", app.Demo.WarrenStreetCircle));
        var parents = Value(await MonthAsync(sponsor, "2019-06", app.Demo.DudleyParents));

        Assert.Null(parents);
        Assert.Equal(8, community); // what is safe is still shown
        Assert.Null(warren); // 8 - 5 would be Dudley Parents' 3
    }

    [Fact]
    public async Task No_shown_count_rests_on_one_to_four_households_or_says_all_or_nothing_of_a_small_group()
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        var last = InsightsService.LastSettled(DateTimeOffset.UtcNow, "America/New_York");
        var groups = await app.WithDbAsync(db => db.Groups.Where(g => g.CommunityId == app.Demo.Dudley).Select(g => (Guid?)g.Id).ToListAsync());
        var shown = 0;
        foreach (var month in new[] { last, last.Previous, last.Previous.Previous })
        {
            var checkIns = await app.WithDbAsync(db => db.CheckIns.AsNoTracking()
                .Where(c => c.CommunityId == app.Demo.Dudley && c.Period == month.Period)
                .Select(c => new { c.GroupId, c.NeedsMask, c.WantsMask, c.GaveHelp, c.ReceivedHelp }).ToListAsync());
            foreach (var scope in groups.Prepend(null))
            {
                var m = await MonthAsync(denise, month.ToString(), scope);
                var rows = checkIns.Where(c => scope is null || c.GroupId == scope).ToList();
                static long? Value(JsonElement cell) => cell.GetProperty("suppressed").GetBoolean() ? null : cell.GetProperty("value").GetInt64();
                if (Value(m.GetProperty("households")) is { } h) Assert.True(h == 0 || h >= Disclosure.MinHouseholds, $"a household count of {h} was shown");
                for (var k = 0; k < InsightsKernel.Categories; k++)
                {
                    var bit = 1 << k;
                    foreach (var (cell, truth) in new[] { (m.GetProperty("needs")[k], rows.Count(r => (r.NeedsMask & bit) != 0)), (m.GetProperty("wants")[k], rows.Count(r => (r.WantsMask & bit) != 0)) })
                    {
                        if (Value(cell) is not { } v) continue;
                        shown++;
                        Assert.Equal(truth, v);
                        Assert.True(Disclosure.MayShowCount(v, rows.Count), $"{month}: {v} of {rows.Count} households was shown");
                    }
                }
                foreach (var (share, truth) in new[] { ("gavePercent", rows.Count(r => r.GaveHelp)), ("receivedPercent", rows.Count(r => r.ReceivedHelp)) })
                    if (Value(m.GetProperty(share)) is not null)
                        Assert.True(Disclosure.MayShowCount(truth, rows.Count), $"{month}: {share} of {truth} of {rows.Count} households was shown");
            }
        }
        Assert.True(shown > 0, "the demo community showed no need at all: its insights no longer tell a story");
    }
}
