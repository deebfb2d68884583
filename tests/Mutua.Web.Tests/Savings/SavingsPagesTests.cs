using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Savings;

/// <summary>
/// The savings pages over HTTP (issue 14): a meeting recorded through the form (shown back with the box check, then
/// saved; posted again with the same key, recorded once), an amount typed as Kinyarwanda in Rwanda writes it, and
/// who may record: the group's officers only; a member who is not one is refused, an outsider finds nothing.
/// </summary>
public sealed partial class SavingsPagesTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private const string Vestine = "+250780000101";
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

    /// <summary>The form as the page gave it, with the token, the person's figures and whatever the last answer handed back.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string path, Dictionary<string, string> figures)
    {
        var html = await client.GetStringAsync(path, Ct);
        var fields = FieldsOf(html);
        fields["__RequestVerificationToken"] = await MutuaFactory.AntiforgeryTokenAsync(client, path);
        foreach (var (k, v) in figures) fields[k] = v;
        return fields;
    }

    private Task<int> MeetingsAsync(Guid group) => app.WithDbAsync(db => db.SavingsMeetings.CountAsync(m => m.GroupId == group));

    [Fact]
    public async Task A_meeting_posted_twice_with_one_key_is_recorded_once_and_the_passbook_shows_it()
    {
        var d = app.Demo;
        var jamal = await app.PagesAsync(DemoPeople.JamalLogin);
        var path = $"/Savings/{d.WarrenStreetSavings}/Meeting";
        var before = await MeetingsAsync(d.WarrenStreetSavings);
        var sharesBefore = await app.WithDbAsync(db => db.SavingsEntries
            .Where(e => e.GroupId == d.WarrenStreetSavings && e.PersonId == d.Keisha).SumAsync(e => e.Shares));
        var fields = await FormAsync(jamal, path, new()
        {
            ["Form.Members[0].PersonId"] = d.Keisha.ToString(), ["Form.Members[0].Attendance"] = "InPerson",
            ["Form.Members[0].Shares"] = "3", ["Form.BoxCash"] = "1,000.00",
        });

        // The first post shows the box back against the books and records nothing.
        var check = await PostAsync(jamal, path, fields);
        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Contains("data-expected=", check.Html, StringComparison.Ordinal);
        Assert.Equal(before, await MeetingsAsync(d.WarrenStreetSavings));
        fields["Form.Reviewed"] = FieldsOf(check.Html)["Form.Reviewed"];

        var saved = await PostAsync(jamal, path, fields);
        var again = await PostAsync(jamal, path, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(saved.Location, again.Location);
        Assert.Equal(before + 1, await MeetingsAsync(d.WarrenStreetSavings));

        // Read back: the meeting's box cash as typed, and Keisha's three shares in her passbook.
        var box = await app.WithDbAsync(db => db.SavingsMeetings.Where(m => m.GroupId == d.WarrenStreetSavings).OrderByDescending(m => m.Number)
            .Select(m => m.BoxCash).FirstAsync());
        Assert.Equal(1_000_00, box);
        var passbook = await jamal.GetStringAsync($"/Savings/{d.WarrenStreetSavings}/Passbook/{d.Keisha}", Ct);
        Assert.Contains($"data-shares=\"{sharesBefore + 3}\"", passbook, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_typed_in_Kinyarwanda_in_Rwanda_is_read_as_written()
    {
        var group = await app.WithDbAsync(db => db.SavingsGroups.Where(g => g.Currency == "RWF").Select(g => g.Id).SingleAsync());
        var vestine = await app.PagesAsync(Vestine);
        var path = $"/Savings/{group}/Meeting";
        var fields = await FormAsync(vestine, path, new() { ["Form.BoxCash"] = "1,500" });
        var check = await PostAsync(vestine, path, fields);
        Assert.Equal(HttpStatusCode.OK, check.Status);
        // Kinyarwanda in Rwanda writes RWF 1.500: "1,500" has one meaning in a currency without decimals.
        Assert.Contains("RWF 1.500", check.Html, StringComparison.Ordinal);
        fields["Form.Reviewed"] = FieldsOf(check.Html)["Form.Reviewed"];
        var saved = await PostAsync(vestine, path, fields);
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        var box = await app.WithDbAsync(db => db.SavingsMeetings.Where(m => m.GroupId == group).OrderByDescending(m => m.Number)
            .Select(m => m.BoxCash).FirstAsync());
        Assert.Equal(1_500, box);
    }

    [Fact]
    public async Task A_fine_chosen_from_the_constitution_is_its_amount_with_its_reason()
    {
        var group = await app.WithDbAsync(db => db.SavingsGroups.Where(g => g.Currency == "RWF").Select(g => g.Id).SingleAsync());
        var member = await app.WithDbAsync(db => db.SavingsMembers.Where(m => m.GroupId == group && m.LeftAt == null)
            .OrderBy(m => m.PersonId).Select(m => m.PersonId).FirstAsync());
        var vestine = await app.PagesAsync(Vestine);
        var path = $"/Savings/{group}/Meeting";
        var form = await vestine.GetStringAsync(path, Ct);
        Assert.Contains("<option value=\"Gukererwa\">Gukererwa (RWF 200)</option>", form, StringComparison.Ordinal);
        var fields = await FormAsync(vestine, path, new()
        {
            ["Form.Members[0].PersonId"] = member.ToString(), ["Form.Members[0].Attendance"] = "InPerson",
            ["Form.Members[0].FineReason"] = "Gukererwa", ["Form.BoxCash"] = "1.000",
        });
        var check = await PostAsync(vestine, path, fields);
        Assert.Equal(HttpStatusCode.OK, check.Status);
        // Shown back with the fine's amount filled in, as the form will save it.
        Assert.True(FieldsOf(check.Html).ContainsKey("Form.Reviewed"), Regex.Match(check.Html, "<div class=\"errors[^\"]*\"[^>]*>.*?</div>", RegexOptions.Singleline).Value);
        var row = Regex.Match(check.Html, $"name=\"Form\\.Members\\[(\\d+)\\]\\.PersonId\" value=\"{member}\"").Groups[1].Value;
        Assert.Contains($"name=\"Form.Members[{row}].Fine\" value=\"200\"", check.Html, StringComparison.Ordinal);
        // The box as the books expect it (other tests here have moved this group's books on), checked again, then saved.
        fields["Form.BoxCash"] = Regex.Match(check.Html, "data-expected=\"(-?\\d+)\"").Groups[1].Value;
        check = await PostAsync(vestine, path, fields);
        Assert.Contains("data-difference=\"0\"", check.Html, StringComparison.Ordinal);
        fields["Form.Reviewed"] = FieldsOf(check.Html)["Form.Reviewed"];
        var saved = await PostAsync(vestine, path, fields);
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        var fine = await app.WithDbAsync(db => db.SavingsEntries.Where(e => e.GroupId == group && e.PersonId == member && e.Kind == Mutua.Core.Savings.SavingsEntryKind.Fine)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Select(e => new { e.Amount, e.Reason }).FirstAsync());
        Assert.Equal((200L, "Gukererwa"), (fine.Amount, fine.Reason));
    }

    [Fact]
    public async Task A_member_who_is_no_officer_may_not_record_and_an_outsider_finds_nothing()
    {
        var d = app.Demo;
        var path = $"/Savings/{d.WarrenStreetSavings}/Meeting";
        var before = await MeetingsAsync(d.WarrenStreetSavings);
        var figures = new Dictionary<string, string> { ["Form.Date"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Form.BoxCash"] = "0", ["Form.Key"] = "k-1" };

        var keisha = await app.PagesAsync(DemoPeople.KeishaLogin);
        using (var page = await keisha.GetAsync(path, Ct))
        {
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden || page.Headers.Location?.ToString().Contains("/Account/Denied", StringComparison.Ordinal) == true,
                $"Keisha got {(int)page.StatusCode}");
        }
        // She may read the books.
        using (var books = await keisha.GetAsync($"/Savings/{d.WarrenStreetSavings}", Ct)) Assert.Equal(HttpStatusCode.OK, books.StatusCode);
        figures["__RequestVerificationToken"] = await MutuaFactory.AntiforgeryTokenAsync(keisha, "/");
        var posted = await PostAsync(keisha, path, figures);
        Assert.True(posted.Status == HttpStatusCode.Forbidden || posted.Location.Contains("/Account/Denied", StringComparison.Ordinal), $"{posted.Status}");

        foreach (var outsider in new[] { DemoPeople.RosarioLogin, DemoPeople.DeniseLogin })
        {
            var client = await app.PagesAsync(outsider);
            using (var page = await client.GetAsync(path, Ct)) Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            using (var books = await client.GetAsync($"/Savings/{d.WarrenStreetSavings}", Ct)) Assert.Equal(HttpStatusCode.NotFound, books.StatusCode);
            figures["__RequestVerificationToken"] = await MutuaFactory.AntiforgeryTokenAsync(client, "/");
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, path, figures)).Status);
        }
        Assert.Equal(before, await MeetingsAsync(d.WarrenStreetSavings));
    }
}
