using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Savings;

/// <summary>Savings groups over HTTP (issue 14): a VSLA of ten in Dudley, a meeting sent twice, the passbook read back.</summary>
public sealed class SavingsApiTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Day(int daysAgo) =>
        DateTime.UtcNow.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<(Guid Id, JsonElement Group)> CreateAsync(HttpClient jamal) => DudleyVsla.CreateAsync(app, jamal);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> MeetAsync(HttpClient client, Guid id, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/savings-groups/{id}/meetings") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_meeting_sent_twice_with_one_key_is_recorded_once_and_the_passbook_reads_it_back()
    {
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        var (id, group) = await CreateAsync(jamal);
        Assert.Equal("USD", group.GetProperty("currency").GetString());
        Assert.Equal(10, group.GetProperty("members").GetArrayLength());
        var keisha = app.Demo.Keisha;
        var meeting = new
        {
            date = Day(7),
            attendance = new object[] { new { personId = keisha, status = "inPerson" }, new { personId = app.Demo.Jamal, status = "representative" } },
            shares = new[] { new { personId = keisha, count = 4 } },
            socialFund = new[] { new { personId = keisha, amount = 1_00 } },
            fines = new[] { new { personId = keisha, amount = 50, reason = "late" } },
            boxCash = 20_00 + 1_00 + 50,
        };

        var first = await MeetAsync(jamal, id, meeting, "meeting-1");
        var again = await MeetAsync(jamal, id, meeting, "meeting-1");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(first.Body.GetProperty("meetingId").GetGuid(), again.Body.GetProperty("meetingId").GetGuid());
        Assert.True(again.Body.GetProperty("repeated").GetBoolean());
        Assert.Equal(20_00, first.Body.GetProperty("balances").GetProperty("loanFund").GetInt64() - 50);

        // A loan in a second meeting; the answer lists it with what is owed and the charge due.
        var loan = await MeetAsync(jamal, id, new { date = Day(1), loans = new[] { new { personId = keisha, amount = 30_00 } }, boxCash = 21_50 - 30_00 + 10_00 },
            "meeting-2");
        Assert.Equal(HttpStatusCode.BadRequest, loan.Status);
        Assert.Equal("loan_fund_short", loan.Body.GetProperty("error").GetString());
        loan = await MeetAsync(jamal, id, new { date = Day(1), loans = new[] { new { personId = keisha, amount = 20_00 } }, boxCash = 1_50 }, "meeting-2");
        Assert.Equal(HttpStatusCode.Created, loan.Status);
        var l = Assert.Single(loan.Body.GetProperty("loans").EnumerateArray().ToList());
        Assert.Equal((20_00L, 20_00L, 2_00L), (l.GetProperty("amount").GetInt64(), l.GetProperty("outstanding").GetInt64(), l.GetProperty("chargeDue").GetInt64()));

        using var asKeisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        var book = await asKeisha.GetFromJsonAsync<JsonElement>($"/api/v1/savings-groups/{id}/passbook/{keisha}", Ct);
        Assert.Equal(4, book.GetProperty("shares").GetInt32());
        Assert.Equal(20_00, book.GetProperty("savings").GetInt64());
        Assert.Equal(50, book.GetProperty("finesPaid").GetInt64());
        Assert.Equal(20_00, book.GetProperty("loans")[0].GetProperty("outstanding").GetInt64());
        var read = await asKeisha.GetFromJsonAsync<JsonElement>($"/api/v1/savings-groups/{id}", Ct);
        Assert.Equal(2, read.GetProperty("meetings").GetArrayLength());
        Assert.Equal(1_50, read.GetProperty("balances").GetProperty("boxCash").GetInt64());
        var preview = await asKeisha.GetFromJsonAsync<JsonElement>($"/api/v1/savings-groups/{id}/share-out", Ct);
        Assert.Equal(20_00, preview.GetProperty("loansOutstanding").GetInt64());
        Assert.False(preview.GetProperty("canClose").GetBoolean());
        Assert.Equal(2, await app.WithDbAsync(db => db.SavingsMeetings.CountAsync(m => m.GroupId == id)));
    }

    [Fact]
    public async Task An_outsider_gets_404_and_a_member_who_is_no_officer_gets_403()
    {
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        var (id, _) = await CreateAsync(jamal);
        using var rosario = await app.ApiAsync(DemoPeople.RosarioLogin);
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        using var sponsor = await app.ApiAsync(DemoPeople.SponsorLogin);

        Assert.Equal(HttpStatusCode.NotFound, (await rosario.GetAsync($"/api/v1/savings-groups/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sponsor.GetAsync($"/api/v1/savings-groups/{id}/share-out", Ct)).StatusCode);
        var outsider = await MeetAsync(rosario, id, new { date = Day(1), boxCash = 0 }, null);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        var member = await MeetAsync(keisha, id, new { date = Day(1), boxCash = 0 }, null);
        Assert.Equal(HttpStatusCode.Forbidden, member.Status);
        Assert.Equal("forbidden", member.Body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await keisha.GetAsync($"/api/v1/savings-groups/{id}", Ct)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SavingsMeetings.CountAsync(m => m.GroupId == id)));

        // A meeting without its box count is refused, not recorded as an empty box.
        var noCount = await MeetAsync(jamal, id, new { date = Day(1) }, null);
        Assert.Equal(HttpStatusCode.BadRequest, noCount.Status);
    }
}
