using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Savings;

/// <summary>
/// The share-out meeting on the share-out page (issue 14): only an officer closes the cycle; the secretary says the
/// money was counted out; a member reinvests part of their payout (never more) as their first shares of the next
/// cycle; a retried post closes nothing twice and shows the payouts again.
/// </summary>
public sealed partial class ShareOutPageTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"Close\\.Members\\[(\\d+)\\]\\.PersonId\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex MemberRow();

    [GeneratedRegex("name=\"Close\\.Key\" value=\"([0-9a-f]+)\"")]
    private static partial Regex Key();

    private async Task<Guid> GroupWithOneMeetingAsync()
    {
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        var (id, _) = await DudleyVsla.CreateAsync(app, jamal);
        var d = app.Demo;
        using var meeting = await jamal.PostAsJsonAsync($"/api/v1/savings-groups/{id}/meetings", new
        {
            date = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            shares = new[] { new { personId = d.Keisha, count = 3 }, new { personId = d.Jamal, count = 2 } },
            boxCash = 25_00,
        }, Ct);
        Assert.True(meeting.StatusCode == HttpStatusCode.Created, await meeting.Content.ReadAsStringAsync(Ct));
        return id;
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await MutuaFactory.AntiforgeryTokenAsync(client, path);
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(path, content, Ct);
        // A refusal of access sends a browser to the "denied" page.
        if (response.Headers.Location?.ToString().Contains("/Account/Denied", StringComparison.Ordinal) == true) return (HttpStatusCode.Forbidden, "");
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private Task<List<(int Number, bool Closed)>> CyclesAsync(Guid group) => app.WithDbAsync(async db =>
        (await db.SavingsCycles.AsNoTracking().Where(c => c.GroupId == group).OrderBy(c => c.Number).Select(c => new { c.Number, c.ClosedAt }).ToListAsync())
        .Select(c => (c.Number, c.ClosedAt != null)).ToList());

    [Fact]
    public async Task The_secretary_closes_the_cycle_once_with_a_reinvestment_and_a_member_may_not()
    {
        var id = await GroupWithOneMeetingAsync();
        var d = app.Demo;
        var path = $"/Savings/{id}/ShareOut";

        var keisha = await app.PagesAsync(DemoPeople.KeishaLogin);
        var asMember = await keisha.GetStringAsync(path, Ct);
        Assert.DoesNotContain("Close the cycle", asMember, StringComparison.Ordinal);
        var (memberStatus, _) = await PostAsync(keisha, path, new() { ["Close.Date"] = "2026-01-01", ["Close.PaidOut"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, memberStatus);

        var jamal = await app.PagesAsync(DemoPeople.JamalLogin);
        var form = await jamal.GetStringAsync(path, Ct);
        var rows = MemberRow().Matches(form).ToDictionary(m => Guid.Parse(m.Groups[2].Value), m => m.Groups[1].Value);
        Assert.Equal(10, rows.Count);
        var fields = new Dictionary<string, string>
        {
            ["Close.Key"] = Key().Match(form).Groups[1].Value,
            ["Close.Date"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (person, i) in rows) fields[$"Close.Members[{i}].PersonId"] = person.ToString();

        // Not ticked that the money was counted out: nothing closes.
        var (status, html) = await PostAsync(jamal, path, new(fields) { [$"Close.Members[{rows[d.Keisha]}].Reinvest"] = "10.00" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tick that every payout was counted out to its member.", html, StringComparison.Ordinal);
        // More than Keisha's payout ($15.00): refused, with the most she can.
        (status, html) = await PostAsync(jamal, path, new(fields) { ["Close.PaidOut"] = "true", [$"Close.Members[{rows[d.Keisha]}].Reinvest"] = "1,000.00" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Keisha can reinvest at most their payout, $15.00.", html, StringComparison.Ordinal);
        Assert.Equal([(1, false)], await CyclesAsync(id));

        fields["Close.PaidOut"] = "true";
        fields[$"Close.Members[{rows[d.Keisha]}].Reinvest"] = "10.00";
        (status, html) = await PostAsync(jamal, path, fields);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Cycle 1 is closed", html, StringComparison.Ordinal);
        Assert.Contains("$15.00", html, StringComparison.Ordinal);
        Assert.Equal([(1, true), (2, false)], await CyclesAsync(id));
        var nextCycle = await app.WithDbAsync(db => db.SavingsCycles.Where(c => c.GroupId == id && c.Number == 2).Select(c => c.Id).SingleAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.SavingsEntries.Where(e => e.CycleId == nextCycle && e.PersonId == d.Keisha).SumAsync(e => e.Shares)));

        // The same form again (a retry on a bad network): the same answer, nothing closed or paid twice.
        var payoutsBefore = await app.WithDbAsync(db => db.SavingsEntries.CountAsync(e => e.GroupId == id));
        (status, html) = await PostAsync(jamal, path, fields);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Cycle 1 is closed", html, StringComparison.Ordinal);
        Assert.Equal([(1, true), (2, false)], await CyclesAsync(id));
        Assert.Equal(payoutsBefore, await app.WithDbAsync(db => db.SavingsEntries.CountAsync(e => e.GroupId == id)));
    }
}
