using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Savings;

/// <summary>
/// What people see on paper (issue 14, "we want to see the money"): a recorded meeting's sheet, with the figures the
/// journal holds for it, for the group's members only; and the passbook and the sheet as PDFs in the person's language,
/// whose text (read back with poppler's pdftotext) holds the member's name and the amounts as the page writes them.
/// The expected figures are summed here from the journal's rows, not asked of the service that draws the page.
/// </summary>
public sealed partial class SavingsPaperTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private const string Vestine = "+250780000101";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    /// <summary>Jamal and Keisha's conventions: English in Boston.</summary>
    private static readonly CultureInfo Boston = Money.ConventionsFor("en", "US");

    private string Usd(long minor) => Money.Format(minor, "USD", Boston);

    /// <summary>The meeting of Jamal's group whose box was counted short of the books (the demo has one), and its figures.</summary>
    private Task<(int Number, Guid Id, long Counted, long Short)> ShortMeetingAsync() => app.WithDbAsync(async db =>
    {
        var group = app.Demo.WarrenStreetSavings;
        var entry = await db.SavingsEntries.Where(e => e.GroupId == group && e.Kind == SavingsEntryKind.BoxDifference).SingleAsync();
        var meeting = await db.SavingsMeetings.SingleAsync(m => m.Id == entry.MeetingId);
        Assert.Equal(SavingsAccount.Losses, entry.DebitAccount);
        return (meeting.Number, meeting.Id, meeting.BoxCash, entry.Amount);
    });

    /// <summary>A meeting at which Keisha bought shares: its number, her shares and what she paid for them.</summary>
    private Task<(int Number, int Shares, long Paid)> KeishaBoughtAsync() => app.WithDbAsync(async db =>
    {
        var d = app.Demo;
        var bought = await db.SavingsEntries.Where(e => e.GroupId == d.WarrenStreetSavings && e.PersonId == d.Keisha && e.Kind == SavingsEntryKind.SharePurchase)
            .OrderBy(e => e.Sequence).FirstAsync();
        var number = await db.SavingsMeetings.Where(m => m.Id == bought.MeetingId).Select(m => m.Number).SingleAsync();
        return (number, bought.Shares, bought.Amount);
    });

    private static async Task<(HttpStatusCode Status, byte[] Body, HttpResponseMessage Response)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(Ct), response);
    }

    [Fact]
    public async Task The_sheet_of_a_recorded_meeting_shows_its_attendance_shares_and_box_as_the_journal_holds_them()
    {
        var d = app.Demo;
        var jamal = await app.PagesAsync(DemoPeople.JamalLogin);
        var (number, meetingId, counted, shortBy) = await ShortMeetingAsync();
        var (shares, socialIn, present, members, keishaStatus) = await app.WithDbAsync(async db =>
        {
            var entries = db.SavingsEntries.Where(e => e.MeetingId == meetingId);
            var attendance = await db.SavingsAttendance.Where(a => a.MeetingId == meetingId).ToListAsync();
            return (await entries.Where(e => e.Kind == SavingsEntryKind.SharePurchase).SumAsync(e => e.Amount),
                await entries.Where(e => e.Kind == SavingsEntryKind.SocialFundContribution).SumAsync(e => e.Amount),
                attendance.Count(a => a.Status != Attendance.Absent), attendance.Count,
                attendance.Single(a => a.PersonId == d.Keisha).Status);
        });
        Assert.True(shares > 0 && socialIn > 0, "the demo's meeting has shares and social fund");

        var html = await jamal.GetStringAsync($"/Savings/{d.WarrenStreetSavings}/Meetings/{number}", Ct);
        Assert.Contains($"<h1>Meeting {number}</h1>", html, StringComparison.Ordinal);
        // The box: counted, what the books said (counted plus what was short), and the difference, signed.
        Assert.Contains($"data-counted=\"{counted}\">{Usd(counted)}<", html, StringComparison.Ordinal);
        Assert.Contains($"data-books=\"{counted + shortBy}\">{Usd(counted + shortBy)}<", html, StringComparison.Ordinal);
        Assert.Contains($"data-difference=\"{-shortBy}\"><strong>{Usd(-shortBy)}</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"The box was {Usd(shortBy)} short of the books", html, StringComparison.Ordinal);
        Assert.Contains($"data-present=\"{present}\">{present} / {members}<", html, StringComparison.Ordinal);
        // Attendance with first names and status, and the totals of shares and social fund.
        var status = keishaStatus switch { Attendance.InPerson => "In person", Attendance.Representative => "Representative", _ => "Absent" };
        Assert.Contains($"<tr data-person=\"{d.Keisha}\"><th scope=\"row\">Keisha</th><td>{status}</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{Usd(shares)}</td></tr></tfoot>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{Usd(socialIn)}</td></tr></tfoot>", html, StringComparison.Ordinal);

        // Keisha's own line at a meeting where she bought shares: her shares and what she paid.
        var (bought, count, paid) = await KeishaBoughtAsync();
        var sheet = await jamal.GetStringAsync($"/Savings/{d.WarrenStreetSavings}/Meetings/{bought}", Ct);
        Assert.Matches($"<th scope=\"row\">Keisha</th>\\s*<td>{count}</td>\\s*<td>{Regex.Escape(Usd(paid))}</td>", sheet);

        // The group page's history leads to each meeting's sheet.
        var group = await jamal.GetStringAsync($"/Savings/{d.WarrenStreetSavings}", Ct);
        Assert.Contains($"href=\"/Savings/{d.WarrenStreetSavings}/Meetings/{number}\"", group, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_groups_members_see_a_meeting_and_a_meeting_that_was_not_held_is_not_found()
    {
        var d = app.Demo;
        var (number, _, _, _) = await ShortMeetingAsync();
        var path = $"/Savings/{d.WarrenStreetSavings}/Meetings/{number}";
        var keisha = await app.PagesAsync(DemoPeople.KeishaLogin);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(keisha, path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(keisha, path + "?handler=Pdf")).Status);

        // Denise coordinates the community but is not in the group: its books answer as if it did not exist.
        var denise = await app.PagesAsync(DemoPeople.DeniseLogin);
        foreach (var p in new[] { path, path + "?handler=Pdf", $"/Savings/{d.WarrenStreetSavings}/Passbook/{d.Keisha}?handler=Pdf" })
        {
            var (status, body, response) = await GetAsync(denise, p);
            using (response)
            {
                Assert.Equal(HttpStatusCode.NotFound, status);
                Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
                Assert.False(body.AsSpan().StartsWith("%PDF"u8), p);
            }
        }

        var jamal = await app.PagesAsync(DemoPeople.JamalLogin);
        var held = await app.WithDbAsync(db => db.SavingsMeetings.CountAsync(m => m.GroupId == d.WarrenStreetSavings));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(jamal, $"/Savings/{d.WarrenStreetSavings}/Meetings/{held + 1}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(jamal, $"/Savings/{d.WarrenStreetSavings}/Meetings/0?handler=Pdf")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(jamal, $"/Savings/{Guid.NewGuid()}/Meetings/1")).Status);
    }

    [GeneratedRegex("data-savings=\"(-?\\d+)\">([^<]+)<")]
    private static partial Regex SavingsFigure();

    [Fact]
    public async Task The_passbook_PDF_holds_the_members_name_and_savings_as_the_page_writes_them()
    {
        var d = app.Demo;
        var jamal = await app.PagesAsync(DemoPeople.JamalLogin);
        var path = $"/Savings/{d.WarrenStreetSavings}/Passbook/{d.Keisha}";
        var saved = await app.WithDbAsync(db => db.SavingsEntries
            .Where(e => e.GroupId == d.WarrenStreetSavings && e.PersonId == d.Keisha && e.Kind == SavingsEntryKind.SharePurchase).SumAsync(e => e.Amount));
        Assert.True(saved > 0);
        var page = await jamal.GetStringAsync(path, Ct);
        var figure = SavingsFigure().Match(page);
        Assert.True(figure.Success, "the passbook page shows the savings");
        Assert.Equal(saved, long.Parse(figure.Groups[1].Value, CultureInfo.InvariantCulture));
        var onThePage = WebUtility.HtmlDecode(figure.Groups[2].Value);
        Assert.Equal(Usd(saved), onThePage);
        Assert.Contains($"href=\"{path}?handler=Pdf\"", page, StringComparison.Ordinal);

        var (status, pdf, response) = await GetAsync(jamal, path + "?handler=Pdf");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var disposition = response.Content.Headers.ContentDisposition;
            Assert.Equal("attachment", disposition?.DispositionType);
            Assert.Matches("^mutua-passbook-keisha-\\d{4}-\\d{2}-\\d{2}\\.pdf$", disposition?.FileName?.Trim('"') ?? "");
        }
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "a PDF starts with %PDF-");
        var text = await PdfText.ReadAsync(pdf, Ct);
        Assert.Contains("Passbook of Keisha", text, StringComparison.Ordinal);
        Assert.Contains("Warren Street Savings Circle", text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Spaced(onThePage), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meeting_PDF_holds_the_names_and_the_box_as_the_sheet_writes_them()
    {
        var d = app.Demo;
        var jamal = await app.PagesAsync(DemoPeople.JamalLogin);
        var (bought, _, paid) = await KeishaBoughtAsync();
        var (status, pdf, response) = await GetAsync(jamal, $"/Savings/{d.WarrenStreetSavings}/Meetings/{bought}?handler=Pdf");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var date = await app.WithDbAsync(db => db.SavingsMeetings.Where(m => m.GroupId == d.WarrenStreetSavings && m.Number == bought).Select(m => m.Date).SingleAsync());
            Assert.Equal($"mutua-savings-meeting-{bought}-{date:yyyy-MM-dd}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8));
        var text = await PdfText.ReadAsync(pdf, Ct);
        Assert.Contains($"Meeting {bought}", text, StringComparison.Ordinal);
        Assert.Contains("Keisha", text, StringComparison.Ordinal);
        Assert.Contains(Usd(paid), text, StringComparison.Ordinal);

        var (number, _, counted, shortBy) = await ShortMeetingAsync();
        var (_, shortPdf, shortResponse) = await GetAsync(jamal, $"/Savings/{d.WarrenStreetSavings}/Meetings/{number}?handler=Pdf");
        shortResponse.Dispose();
        var shortText = await PdfText.ReadAsync(shortPdf, Ct);
        Assert.Contains(Usd(counted), shortText, StringComparison.Ordinal);
        Assert.Contains(Usd(-shortBy), shortText, StringComparison.Ordinal);
        Assert.Contains($"The box was {Usd(shortBy)} short of the books", shortText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Inama ya 1", "Ubwitabire")]
    [InlineData("fr", "Réunion 1", "Présence")]
    public async Task A_meeting_PDF_is_in_the_persons_language_with_their_conventions(string? language, string title, string attendance)
    {
        var (group, counted, name) = await app.WithDbAsync(async db =>
        {
            var id = await db.SavingsGroups.Where(g => g.Currency == "RWF").Select(g => g.Id).SingleAsync();
            var meeting = await db.SavingsMeetings.SingleAsync(m => m.GroupId == id && m.Number == 1);
            var someone = await db.SavingsAttendance.Where(a => a.MeetingId == meeting.Id)
                .Join(db.Users, a => a.PersonId, u => u.Id, (a, u) => u.FirstName).OrderBy(n => n).FirstAsync();
            return (id, meeting.BoxCash, someone);
        });
        // Vestine reads Kinyarwanda (her sign-in remembers it); the same page in French is asked for by the address.
        var vestine = await app.PagesAsync(Vestine);
        var (status, pdf, response) = await GetAsync(vestine, $"/Savings/{group}/Meetings/1?handler=Pdf" + (language is null ? "" : $"&culture={language}"));
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        var text = await PdfText.ReadAsync(pdf, Ct);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(attendance, text, StringComparison.Ordinal);
        Assert.Contains(name, text, StringComparison.Ordinal);
        // Rwanda's conventions in either language: "RWF 1.500" in Kinyarwanda, "1 500 RWF" in French.
        var conventions = Money.ConventionsFor(language ?? "rw", "RW");
        Assert.Contains(PdfText.Spaced(Money.Format(counted, "RWF", conventions)), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_a_later_meeting_corrected_stays_on_its_sheet_marked_and_the_correction_is_on_the_later_sheet()
    {
        // Vestine's group in Rwanda: a share purchase of its second meeting, taken back at a new meeting.
        var (group, entryId, amount, name, lastDate) = await app.WithDbAsync(async db =>
        {
            var id = await db.SavingsGroups.Where(g => g.Currency == "RWF").Select(g => g.Id).SingleAsync();
            var second = await db.SavingsMeetings.Where(m => m.GroupId == id && m.Number == 2).Select(m => m.Id).SingleAsync();
            var entry = await db.SavingsEntries.Where(e => e.MeetingId == second && e.Kind == SavingsEntryKind.SharePurchase).OrderBy(e => e.Sequence).FirstAsync();
            var first = await db.Users.Where(u => u.Id == entry.PersonId).Select(u => u.FirstName).SingleAsync();
            return (id, entry.Id, entry.Amount, first, await db.SavingsMeetings.Where(m => m.GroupId == id).MaxAsync(m => m.Date));
        });
        using var api = await app.ApiAsync(Vestine);
        var books = await api.GetFromJsonAsync<JsonElement>($"/api/v1/savings-groups/{group}", Ct);
        var box = books.GetProperty("balances").GetProperty("boxCash").GetInt64();
        using var recorded = await api.PostAsJsonAsync($"/api/v1/savings-groups/{group}/meetings", new
        {
            date = lastDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), boxCash = box - amount,
            decisions = new { corrections = new[] { entryId } },
        }, Ct);
        var answer = await recorded.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, answer.ToString());
        var later = answer.GetProperty("number").GetInt32();

        var vestine = await app.PagesAsync(Vestine);
        var sheet = await vestine.GetStringAsync($"/Savings/{group}/Meetings/2?culture=en", Ct);
        Assert.Contains($"<tr class=\"reversed\"><th scope=\"row\">{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(name)}<span class=\"muted\"> · corrected at a later meeting</span>", sheet, StringComparison.Ordinal);
        var correction = await vestine.GetStringAsync($"/Savings/{group}/Meetings/{later}?culture=en", Ct);
        Assert.Contains("<th scope=\"row\">Correction: Shares bought</th>", correction, StringComparison.Ordinal);
        Assert.Contains("data-difference=\"0\"", correction, StringComparison.Ordinal);

        // The API answers the same sheet: the line is there, marked corrected.
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/savings-groups/{group}/meetings/2", Ct);
        var line = json.GetProperty("shares").EnumerateArray().Single(l => l.GetProperty("entryId").GetGuid() == entryId);
        Assert.True(line.GetProperty("corrected").GetBoolean());
        Assert.Equal(amount, line.GetProperty("amount").GetInt64());
    }
}
