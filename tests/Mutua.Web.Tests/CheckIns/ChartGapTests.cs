using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Web.Charts;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.CheckIns;

/// <summary>
/// Charts leave a gap for a month without a check-in (issue 13): the months on either side are not drawn as
/// neighbours, on "Our progress" as in any line chart.
/// </summary>
public sealed partial class ChartGapTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<path fill=\"none\" stroke=\"[^\"]+\" stroke-width=\"2.5\" d=\"([^\"]+)\"")]
    private static partial Regex LineRegex();

    private static List<string> Lines(string svg) => LineRegex().Matches(svg).Select(m => m.Groups[1].Value).ToList();

    private static int MoveTos(string d) => d.Count(ch => ch == 'M');

    [Fact]
    public void A_missing_value_breaks_the_line_into_two_runs_and_a_lone_value_is_only_its_dot()
    {
        var svg = SvgChart.Lines("Savings", ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"],
            [new ChartSeries("Savings", [100, 200, null, 400, 500, null, 700])], v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString()!;
        var d = Assert.Single(Lines(svg));
        Assert.Equal(2, MoveTos(d));
        Assert.Equal(2, d.Count(ch => ch == 'L'));
        // Every value still has its dot, July's too.
        Assert.Equal(5, Regex.Count(svg, "<circle "));

        var unbroken = SvgChart.Lines("Savings", ["Jan", "Feb", "Mar"], [new ChartSeries("Savings", [100, 200, 300])], v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString()!;
        Assert.Equal(1, MoveTos(Assert.Single(Lines(unbroken))));
    }

    [Fact]
    public async Task On_our_progress_a_month_without_a_check_in_is_a_gap_between_its_neighbours()
    {
        using var anonymous = await app.ApiAsync(null, "en");
        using var joined = await anonymous.PostAsJsonAsync("/api/v1/invitation-codes/BST4-NEWS/signup",
            new { firstName = "Odile", fullName = (string?)null, login = "odile.gaps@example.org", password = "a long pass phrase", language = "en" }, Ct);
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var json = JsonDocument.Parse(await joined.Content.ReadAsStringAsync(Ct)).RootElement;
        var household = json.GetProperty("householdId").GetGuid();

        // Four check-ins over five months: the third month from now has none.
        var now = Month.Current(DateTimeOffset.UtcNow, "America/New_York");
        var months = new[] { now.Previous.Previous.Previous.Previous, now.Previous.Previous.Previous, now.Previous, now };
        await app.WithDbAsync(async db =>
        {
            var h = db.Households.Single(x => x.Id == household);
            foreach (var (m, i) in months.Select((m, i) => (m, i)))
            {
                db.CheckIns.Add(new CheckIn
                {
                    HouseholdId = household, CommunityId = h.CommunityId, GroupId = h.GroupId, Period = m.Period, Currency = "USD",
                    SavingsBalance = 10_000 * (i + 1), Debts = 50_000 - 5_000 * i, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        });

        using var pages = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(pages, "odile.gaps@example.org", "a long pass phrase");
        using var progress = await pages.GetAsync($"/Households/{household}/Progress", Ct);
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var html = await progress.Content.ReadAsStringAsync(Ct);
        var savingsChart = html[html.IndexOf("<h2>Savings and debts</h2>", StringComparison.Ordinal)..];
        savingsChart = savingsChart[..savingsChart.IndexOf("</svg>", StringComparison.Ordinal)];

        // Savings and debts: each line is two runs (two months, then two months), five months along the axis.
        var lines = Lines(savingsChart);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, d => Assert.Equal(2, MoveTos(d)));
        var culture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        foreach (var m in Month.Range(months[0], now)) Assert.Contains($">{m.ToShortString(culture)}</text>", savingsChart, StringComparison.Ordinal);
    }
}
