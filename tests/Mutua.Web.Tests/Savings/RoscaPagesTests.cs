using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Savings;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Savings;

/// <summary>
/// Rotating groups over HTTP (issue 14): the Fruitvale tanda's secretary pays the next round's pot from the meeting form;
/// a new tanda's order is set on its page; a bidding group's round through the API pays the winner, the organiser and
/// the dividends, and says the next instalment.
/// </summary>
public sealed partial class RoscaPagesTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"(Form\\.[A-Za-z]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    private static Dictionary<string, string> FieldsOf(string html) =>
        Hidden().Matches(html).Where(m => m.Groups[1].Value is "Form.Key" or "Form.Reviewed" or "Form.Date")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

    private static async Task<(HttpStatusCode Status, string Location, string Html)> PostAsync(HttpClient client, string path,
        Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(path, content, Ct);
        return (response.StatusCode, response.Headers.Location?.ToString() ?? "", await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Today in Boston, where Dudley's groups meet.</summary>
    private static string Today() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"))
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_tandas_round_is_paid_from_the_meeting_form_to_the_next_in_the_order()
    {
        var tanda = await app.WithDbAsync(db => db.SavingsGroups.Where(g => g.Name == "Tanda de Fruitvale").Select(g => g.Id).SingleAsync(Ct));
        var secretary = await app.WithDbAsync(db => db.SavingsOfficers.Where(o => o.GroupId == tanda && o.Role == SavingsOfficerRole.Secretary)
            .Select(o => db.Users.Where(u => u.Id == o.PersonId).Select(u => u.Email ?? u.PhoneNumber).First()).FirstAsync(Ct));
        var next = await app.WithDbAsync(db => db.RoscaTurns.Where(t => t.PaidAtMeetingId == null && db.SavingsCycles.Any(c => c.Id == t.CycleId && c.GroupId == tanda && c.ClosedAt == null))
            .OrderBy(t => t.Round).Select(t => new { t.PersonId, t.Round, Name = db.Users.Where(u => u.Id == t.PersonId).Select(u => u.FirstName).First() }).FirstAsync(Ct));
        var members = await app.WithDbAsync(db => db.SavingsMembers.Where(m => m.GroupId == tanda && m.LeftAt == null).Select(m => m.PersonId).ToListAsync(Ct));
        var client = await app.PagesAsync(secretary!);

        // The group's page lists the order: those who have received, and who is next.
        var page = await client.GetStringAsync($"/Savings/{tanda}", Ct);
        Assert.Equal(next.Round - 1, Regex.Count(page, "<li class=\"paid\">"));
        Assert.Contains($"<li class=\"next\">{next.Name} ·", page, StringComparison.Ordinal);

        var path = $"/Savings/{tanda}/Meeting";
        var form = await client.GetStringAsync(path, Ct);
        Assert.Matches("name=\"Form.PayRound\" value=\"true\" checked", form);
        Assert.Contains(next.Name, Regex.Match(form, "<fieldset class=\"round\">.*?</fieldset>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        var fields = FieldsOf(form);
        fields["__RequestVerificationToken"] = await MutuaFactory.AntiforgeryTokenAsync(client, path);
        for (var i = 0; i < members.Count; i++)
        {
            fields[$"Form.Members[{i}].PersonId"] = members[i].ToString();
            fields[$"Form.Members[{i}].Attendance"] = "InPerson";
            fields[$"Form.Members[{i}].Shares"] = "1";
        }
        fields["Form.PayRound"] = "true";
        fields["Form.BoxCash"] = "0";

        // Every contribution goes out with the pot: the box holds what it held.
        var check = await PostAsync(client, path, fields);
        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Contains("data-difference=\"0\"", check.Html, StringComparison.Ordinal);
        fields["Form.Reviewed"] = FieldsOf(check.Html)["Form.Reviewed"];
        var saved = await PostAsync(client, path, fields);
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);

        var paid = await app.WithDbAsync(db => db.SavingsEntries.Where(e => e.GroupId == tanda && e.Kind == SavingsEntryKind.RoundPayout)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.PersonId, e.Amount }).FirstAsync(Ct));
        Assert.Equal(next.PersonId, paid.PersonId);
        Assert.Equal(members.Count * 100_00L, paid.Amount);
        // The round is paid: the form offers the next pot to the one after (or to nobody once everyone has had it).
        var after = await app.WithDbAsync(db => db.RoscaTurns.Where(t => t.PaidAtMeetingId == null && db.SavingsCycles.Any(c => c.Id == t.CycleId && c.GroupId == tanda && c.ClosedAt == null))
            .OrderBy(t => t.Round).Select(t => new { t.Round, Name = db.Users.Where(u => u.Id == t.PersonId).Select(u => u.FirstName).First() }).FirstOrDefaultAsync(Ct));
        var round = Regex.Match(await client.GetStringAsync(path, Ct), "<fieldset class=\"round\">.*?</fieldset>", RegexOptions.Singleline).Value;
        if (after is null) Assert.DoesNotContain("name=\"Form.PayRound\"", round, StringComparison.Ordinal);
        else
        {
            Assert.Equal(next.Round + 1, after.Round);
            Assert.Contains(after.Name, round, StringComparison.Ordinal);
            Assert.DoesNotContain(next.Name, round, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_new_tandas_order_is_set_on_its_page_once_with_each_member_in_a_different_place()
    {
        var d = app.Demo;
        using var api = await app.ApiAsync(DemoPeople.JamalLogin);
        var id = await CreateAsync(api, new { sharePrice = 20_00, payoutOrder = "fixed" }, d.Keisha);
        var jamal = await app.PagesAsync(DemoPeople.JamalLogin);
        var path = $"/Savings/{id}";
        var page = await jamal.GetStringAsync(path, Ct);
        var rows = Regex.Matches(page, "name=\"Places\\[(\\d)\\]\\.PersonId\" value=\"([^\"]+)\"").Select(m => (Index: m.Groups[1].Value, Person: Guid.Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(2, rows.Count);

        Dictionary<string, string> Places(int first, int second) => new()
        {
            [$"Places[{rows[0].Index}].PersonId"] = rows[0].Person.ToString(), [$"Places[{rows[0].Index}].Place"] = $"{first}",
            [$"Places[{rows[1].Index}].PersonId"] = rows[1].Person.ToString(), [$"Places[{rows[1].Index}].Place"] = $"{second}",
        };
        using var same = await MutuaFactory.PostFormAsync(jamal, $"{path}?handler=Order", Places(1, 1), formPage: path);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Contains("class=\"errors", await same.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await Turns(id));

        // Keisha (a member, not an officer) cannot set it.
        var keisha = await app.PagesAsync(DemoPeople.KeishaLogin);
        using var refused = await MutuaFactory.PostFormAsync(keisha, $"{path}?handler=Order", Places(2, 1), formPage: path);
        Assert.Empty(await Turns(id));

        using var set = await MutuaFactory.PostFormAsync(jamal, $"{path}?handler=Order", Places(2, 1), formPage: path);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal([rows[1].Person, rows[0].Person], await Turns(id));
        // Set once a cycle: the form is gone, and the API refuses a second order.
        Assert.DoesNotContain("handler=Order", await jamal.GetStringAsync(path, Ct), StringComparison.Ordinal);
        using var again = await api.PutAsJsonAsync($"/api/v1/savings-groups/{id}/payout-order", new { order = new[] { rows[0].Person, rows[1].Person } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal([rows[1].Person, rows[0].Person], await Turns(id));
    }

    [Fact]
    public async Task A_bidding_round_through_the_api_pays_the_winner_the_commission_and_a_dividend_to_each()
    {
        var d = app.Demo;
        using var api = await app.ApiAsync(DemoPeople.JamalLogin);
        var andre = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoPeople.AndreLogin).Select(u => u.Id).SingleAsync(Ct));
        var id = await CreateAsync(api, new { sharePrice = 100_00, payoutOrder = "bidding", commissionPercent = 5, dividendToWinner = true }, d.Keisha, andre);
        var everyone = new[] { d.Jamal, d.Keisha, andre }.Select(p => new { personId = p, count = 1 }).ToArray();

        // A pot of $300: Keisha gives up $60 to take it now; $15 to the organiser, $45 shared by the three.
        using var low = await api.PostAsJsonAsync($"/api/v1/savings-groups/{id}/meetings",
            new { date = Today(), shares = everyone, roundPayout = new { personId = d.Keisha, discount = 10_00 }, boxCash = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, low.StatusCode);
        Assert.Equal("invalid_bid", JsonDocument.Parse(await low.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetString());
        using var meeting = await api.PostAsJsonAsync($"/api/v1/savings-groups/{id}/meetings",
            new { date = Today(), shares = everyone, roundPayout = new { personId = d.Keisha, discount = 60_00 }, boxCash = 0 }, Ct);
        var text = await meeting.Content.ReadAsStringAsync(Ct);
        Assert.True(meeting.StatusCode == HttpStatusCode.Created, text);
        var record = JsonDocument.Parse(text).RootElement;
        Assert.Equal(0, record.GetProperty("boxDifference").GetInt64());
        Assert.Equal(0, record.GetProperty("balances").GetProperty("pot").GetInt64());

        using var order = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/savings-groups/{id}/payout-order", Ct));
        var round = Assert.Single(order.RootElement.EnumerateArray());
        Assert.Equal((1, d.Keisha, true, 60_00L, 15_00L, 85_00L), (round.GetProperty("round").GetInt32(), round.GetProperty("personId").GetGuid(),
            round.GetProperty("paid").GetBoolean(), round.GetProperty("discount").GetInt64(), round.GetProperty("dividendEach").GetInt64(),
            round.GetProperty("nextInstalment").GetInt64()));
        var keisha = await app.WithDbAsync(db => db.SavingsEntries.Where(e => e.GroupId == id && e.PersonId == d.Keisha)
            .Select(e => new { e.Kind, e.Amount }).ToListAsync(Ct));
        Assert.Equal(240_00, keisha.Single(e => e.Kind == SavingsEntryKind.RoundPayout).Amount);
        Assert.Equal(15_00, keisha.Single(e => e.Kind == SavingsEntryKind.Dividend).Amount);

        // Keisha has had the pot this cycle.
        using var twice = await api.PostAsJsonAsync($"/api/v1/savings-groups/{id}/meetings",
            new { date = Today(), shares = everyone, roundPayout = new { personId = d.Keisha, discount = 60_00 }, boxCash = 0 }, Ct);
        Assert.Equal("not_their_turn", JsonDocument.Parse(await twice.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetString());

        // The group's page tells the round as the notebook would.
        var page = await (await app.PagesAsync(DemoPeople.KeishaLogin)).GetStringAsync($"/Savings/{id}", Ct);
        Assert.Contains("<table class=\"ledger\">", Regex.Match(page, "<section id=\"rounds\".*?</section>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }

    private async Task<Guid> CreateAsync(HttpClient api, object constitution, params Guid[] members)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/savings-groups", new
        {
            communityId = app.Demo.Dudley, name = $"Tanda {Guid.NewGuid():N}"[..20], kind = "rosca", members, constitution,
        }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private Task<List<Guid>> Turns(Guid groupId) => app.WithDbAsync(db => db.RoscaTurns
        .Where(t => db.SavingsCycles.Any(c => c.Id == t.CycleId && c.GroupId == groupId)).OrderBy(t => t.Round).Select(t => t.PersonId).ToListAsync(Ct));
}
