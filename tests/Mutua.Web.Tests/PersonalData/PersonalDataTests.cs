using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Core.Auditing;
using Mutua.Core.Communities;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.PersonalData;

/// <summary>A household downloads everything Mutua holds about it; a person closes their account (issue 11).</summary>
public sealed class PersonalDataTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_downloads_the_households_zip_with_every_check_in_through_the_api_and_the_page()
    {
        var d = app.Demo;
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        using var response = await jamal.GetAsync($"/api/v1/households/{d.JamalHousehold}/data", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var zip = Unzip(await response.Content.ReadAsByteArrayAsync(Ct));

        var checkIns = await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.HouseholdId == d.JamalHousehold));
        Assert.True(checkIns > 0, "the demo gives Jamal & Rosa a year of check-ins");
        Assert.Equal(checkIns, Json(zip, "checkins").GetArrayLength());
        var csvLines = System.Text.Encoding.UTF8.GetString(zip["checkins.csv"]).TrimEnd().Split('\n').Length;
        Assert.Equal(checkIns + 1, csvLines);
        Assert.Equal(d.JamalHousehold, Json(zip, "household")[0].GetProperty("id").GetGuid());
        Assert.Equal(2, Json(zip, "projects").GetArrayLength());
        Assert.Contains("jamal@dudley.example", Json(zip, "me").GetRawText(), StringComparison.Ordinal);
        // Rosa is in it by first name, with none of her contacts or her own account.
        var all = string.Join("\n", zip.Where(z => !z.Key.StartsWith("photos/", StringComparison.Ordinal)).Select(z => System.Text.Encoding.UTF8.GetString(z.Value)));
        Assert.Contains("Rosa", Json(zip, "members").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("rosa@dudley.example", all, StringComparison.OrdinalIgnoreCase);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.DataDownloaded && a.ActorId == d.Jamal)));

        var pages = await app.PagesAsync(DemoPeople.JamalLogin);
        using var page = await pages.GetAsync($"/Households/{d.JamalHousehold}/Data", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"/Households/{d.JamalHousehold}/Data?handler=Download", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var file = await pages.GetAsync($"/Households/{d.JamalHousehold}/Data?handler=Download", Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(checkIns, Json(Unzip(await file.Content.ReadAsByteArrayAsync(Ct)), "checkins").GetArrayLength());
    }

    [Fact]
    public async Task Another_households_member_cannot_download_and_is_told_so_in_her_language()
    {
        var d = app.Demo;
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin, "es");
        using var response = await keisha.GetAsync($"/api/v1/households/{d.JamalHousehold}/data", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("forbidden", problem.RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("permission", problem.RootElement.GetProperty("title").GetString()!, StringComparison.Ordinal);
        // Her coordinator neither: a coordinator sees the household's page, not its data.
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var coordinator = await denise.GetAsync($"/api/v1/households/{d.JamalHousehold}/data", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
    }

    [Fact]
    public async Task Closing_through_the_api_leaves_no_name_email_or_phone_in_any_text_column()
    {
        var d = app.Demo;
        const string email = "zuberi.quillfeather@example.org", password = "a long sentence about bread";
        var (client, householdId) = await SignUpAsync("Zuberi", "Zuberi Quillfeather", email, password);
        using (client)
        {
            using var checkIn = await client.PutAsJsonAsync($"/api/v1/households/{householdId}/checkins/{LastMonth}",
                new { savingsBalance = 4_000, whatsNew = "Found work at the bakery" }, Ct);
            Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
            using var pledge = await client.PostAsJsonAsync($"/api/v1/projects/{d.FoodCart}/pledges", new { needId = d.FoodCartMoney, amount = 2_000 }, Ct);
            Assert.True(pledge.IsSuccessStatusCode, $"pledge answered {(int)pledge.StatusCode}");
            string[] needles = ["Zuberi", "Quillfeather", email];
            Assert.NotEmpty(await app.WithDbAsync(db => TextContainingAsync(db, needles)));

            using var wrong = await client.PostAsJsonAsync("/api/v1/me/closure", new { password = "not it", confirm = true }, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
            Assert.Equal("wrong_password", JsonDocument.Parse(await wrong.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetString());
            using var unconfirmed = await client.PostAsJsonAsync("/api/v1/me/closure", new { password }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);

            using var closed = await client.PostAsJsonAsync("/api/v1/me/closure", new { password, confirm = true }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);

            var left = await app.WithDbAsync(db => TextContainingAsync(db, needles));
            Assert.True(left.Count == 0, "left behind:\n" + string.Join("\n", left));
            Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.HouseholdId == householdId)));
            Assert.False(await app.WithDbAsync(db => db.Households.AnyAsync(h => h.Id == householdId)));
            // The token that closed it ended with its session, and the account cannot sign in again.
            using var me = await client.GetAsync("/api/v1/me", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
            using var anonymous = app.NewClient(cookies: false);
            using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = email, password }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        }
    }

    [Fact]
    public async Task Closing_on_the_page_signs_the_session_out_and_a_remaining_member_keeps_the_check_ins()
    {
        var d = app.Demo;
        var andreHousehold = await app.WithDbAsync(db => db.HouseholdMembers.Where(m => m.PersonId == d.Andre).Select(m => m.HouseholdId).SingleAsync());
        var checkIns = await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.HouseholdId == andreHousehold));
        Assert.True(checkIns > 0);
        using var browser = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(browser, DemoPeople.AndreLogin);
        var cookie = await CookieOfAsync(browser);
        Assert.Contains("mutua=", cookie, StringComparison.Ordinal);

        using var wrong = await MutuaFactory.PostFormAsync(browser, "/Account/MyData", new() { ["Password"] = "not it", ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == d.Andre)));

        using var closed = await MutuaFactory.PostFormAsync(browser, "/Account/MyData",
            new() { ["Password"] = MutuaFactory.Password, ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("/Account/Closed", closed.Headers.Location?.ToString());
        using var closedPage = await browser.GetAsync("/Account/Closed", Ct);
        Assert.Equal(HttpStatusCode.OK, closedPage.StatusCode);
        using var profile = await browser.GetAsync("/Account/Profile", Ct);
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.Contains("/Account/Login", profile.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        // A copy of the cookie taken before loads nobody either (ending every session server-side is the sessions work).
        using var replay = app.NewClient(cookies: false);
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        using var replayed = await replay.GetAsync("/Account/Profile", Ct);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);

        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == d.Andre)));
        Assert.Equal(checkIns, await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.HouseholdId == andreHousehold)));
        var members = await app.WithDbAsync(db => db.HouseholdMembers.Where(m => m.HouseholdId == andreHousehold).Select(m => m.Person!.FirstName).ToListAsync());
        Assert.Equal(["Tanya"], members);
    }

    private static string LastMonth => DateTime.UtcNow.AddDays(-40).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> CookieOfAsync(HttpClient browser)
    {
        // The client's cookie container is out of reach; what it sends is on the request once sent.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Profile");
        using var response = await browser.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("; ", request.Headers.TryGetValues("Cookie", out var values) ? values : []);
    }

    private async Task<(HttpClient Client, Guid HouseholdId)> SignUpAsync(string firstName, string fullName, string login, string password)
    {
        var d = app.Demo;
        var code = await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var invitation = new Invitation
            {
                Code = InvitationCodes.NewCode(), CommunityId = d.Dudley, Role = Role.Member, GroupId = d.DudleyParents, CreatedById = d.Denise,
                CreatedAt = now, ExpiresAt = now.AddDays(14),
            };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return invitation.Code;
        });
        using var anonymous = app.NewClient(cookies: false);
        using var signup = await anonymous.PostAsJsonAsync($"/api/v1/invitation-codes/{code}/signup",
            new { firstName, fullName, login, password, language = "en" }, Ct);
        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
        var householdId = JsonDocument.Parse(await signup.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("householdId").GetGuid();
        var client = app.NewClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await MutuaFactory.LoginAsync(client, login, password));
        return (client, householdId);
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    private static JsonElement Json(Dictionary<string, byte[]> zip, string file) => JsonDocument.Parse(zip[file + ".json"]).RootElement;

    /// <summary>Every value of every text column of every table, from the database's own catalogue (SQLite or PostgreSQL).</summary>
    internal static async Task<List<string>> TextContainingAsync(MutuaDbContext db, IReadOnlyList<string> needles)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var columns = new List<(string Table, string Column)>();
            await using (var catalogue = connection.CreateCommand())
            {
                catalogue.CommandText = MutuaFactory.IsPostgres
                    ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' " +
                      "AND data_type IN ('text', 'character varying', 'character', 'xml', 'json', 'jsonb')"
                    : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p " +
                      "WHERE m.type = 'table' AND (p.type LIKE '%TEXT%' OR p.type LIKE '%CHAR%' OR p.type = '')";
                await using var r = await catalogue.ExecuteReaderAsync();
                while (await r.ReadAsync()) columns.Add((r.GetString(0), r.GetString(1)));
            }
            Assert.True(columns.Count > 50, $"only {columns.Count} text columns found");
            var hits = new List<string>();
            foreach (var (table, column) in columns)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                await using var r = await select.ExecuteReaderAsync();
                while (await r.ReadAsync())
                {
                    var value = r.GetValue(0)?.ToString() ?? "";
                    hits.AddRange(needles.Where(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{table}.{column} holds {n}: {value}"));
                }
            }
            return hits;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
