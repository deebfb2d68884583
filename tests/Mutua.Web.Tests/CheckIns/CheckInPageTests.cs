using Mutua.Core;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.CheckIns;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.CheckIns;

/// <summary>The check-in form at /Households/{id}/CheckIn, as a person fills it in a browser without JavaScript.</summary>
public sealed class CheckInPageTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Page => $"/Households/{app.Demo.JamalHousehold}/CheckIn";

    /// <summary>Jamal signed in, having chosen Spanish with the language buttons (the culture cookie).</summary>
    private async Task<HttpClient> JamalInSpanishAsync()
    {
        var client = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(client, DemoPeople.JamalLogin);
        using var chosen = await MutuaFactory.PostFormAsync(client, "/Language", new() { ["language"] = "es", ["returnUrl"] = "/" }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        return client;
    }

    private Task<(int Rows, string Stamp)> SavedAsync(Month month) => app.WithDbAsync(async db =>
    {
        var rows = await db.CheckIns.AsNoTracking().Where(c => c.HouseholdId == app.Demo.JamalHousehold)
            .Select(c => new { c.Period, c.UpdatedAt, c.IncomeTotal }).ToListAsync();
        return (rows.Count, string.Join(";", rows.OrderBy(r => r.Period).Select(r => $"{r.Period}/{r.UpdatedAt:O}/{r.IncomeTotal}")));
    });

    [Fact]
    public async Task The_member_gets_a_form()
    {
        var jamal = await app.PagesAsync(DemoPeople.JamalLogin);
        using var page = await jamal.GetAsync(Page, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Income[Job]\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Savings\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Needs\"", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoPeople.KeishaLogin)]
    [InlineData(DemoPeople.DeniseLogin)]
    [InlineData(DemoPeople.SponsorLogin)]
    [InlineData(DemoPeople.RosarioLogin)]
    public async Task Others_get_no_form(string login)
    {
        var other = await app.PagesAsync(login);
        using var page = await other.GetAsync(Page, Ct);
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect,
            $"{login} got {(int)page.StatusCode}");
        Assert.DoesNotContain("name=\"Form.Income[Job]\"", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Saves the form and returns the stored check-in of the month it redirected to (read back, not the echo).</summary>
    private async Task<Mutua.Core.CheckIns.CheckIn> SaveAndReadBackAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var posted = await MutuaFactory.PostFormAsync(client, Page, form);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync(Ct));
        var month = Regex.Match(posted.Headers.Location!.OriginalString, @"/CheckIn/(\d{4}-\d{2})\?saved=true").Groups[1].Value;
        Assert.True(Month.TryParse(month, out var m), posted.Headers.Location!.OriginalString);
        return await app.WithDbAsync(db => db.CheckIns.AsNoTracking().Include(c => c.Income)
            .SingleAsync(c => c.HouseholdId == app.Demo.JamalHousehold && c.Period == m.Period));
    }

    // Issue 13: in a USD community a Spanish-speaking family typed "1,800" for wages and Mutua stored 1,80, and "120.50"
    // became 12050,00. Spanish in the United States writes "$1,870.00".
    [Fact]
    public async Task Amounts_typed_in_Spanish_in_the_United_States_are_read_the_way_they_are_written_there()
    {
        using var jamal = await JamalInSpanishAsync();

        var saved = await SaveAndReadBackAsync(jamal, new()
        {
            ["Form.Income[Job]"] = "1,800",
            ["Form.Income[OwnBusiness]"] = "120.50",
            ["Form.Savings"] = "$1,870.00",
            ["Form.Debts"] = "2,000",
            ["Form.WhatsNew"] = "Probando en español",
            ["Form.AmountsChecked"] = "true",
        });

        Assert.Equal("USD", saved.Currency);
        Assert.Equal(180_000, saved.Income.Single(i => i.Source == IncomeSource.Job).Amount);
        Assert.Equal(12_050, saved.Income.Single(i => i.Source == IncomeSource.OwnBusiness).Amount);
        Assert.Equal(192_050, saved.IncomeTotal);
        Assert.Equal(187_000, saved.SavingsBalance);
        Assert.Equal(200_000, saved.Debts);
        Assert.Equal("Probando en español", saved.WhatsNew);

        // The saved form shows the amounts back the same way, and the page's totals are written as they are in California.
        using var page = await jamal.GetAsync(Page + $"/{Month.FromPeriod(saved.Period)}", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("value=\"1800.00\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1870.00\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_that_could_mean_two_things_comes_back_as_read_for_confirming_and_is_saved_only_when_posted_again()
    {
        using var jamal = await JamalInSpanishAsync();
        var month = Month.Current(DateTimeOffset.UtcNow, "America/New_York");
        var before = await SavedAsync(month);

        using var posted = await MutuaFactory.PostFormAsync(jamal, Page, new()
        {
            ["Form.Income[Job]"] = "1.800",
            ["Form.Savings"] = "500",
            ["Form.AmountsChecked"] = "true",
        });
        var html = await posted.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Leímos “1.800” como $1,800.00", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Income[Job]\" value=\"1800.00\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await SavedAsync(month));

        // Posting the form as it came back confirms it.
        var saved = await SaveAndReadBackAsync(jamal, new()
        {
            ["Form.Income[Job]"] = "1800.00",
            ["Form.Savings"] = "500",
            ["Form.AmountsChecked"] = "true",
        });
        Assert.Equal(180_000, saved.Income.Single(i => i.Source == IncomeSource.Job).Amount);
    }

    [Fact]
    public async Task An_amount_ten_times_off_the_one_saved_before_is_saved_only_once_the_person_ticks_that_it_is_right()
    {
        using var jamal = await JamalInSpanishAsync();
        await SaveAndReadBackAsync(jamal, new() { ["Form.Savings"] = "1,000", ["Form.AmountsChecked"] = "true" });
        var month = Month.Current(DateTimeOffset.UtcNow, "America/New_York");
        var before = await SavedAsync(month);

        using var posted = await MutuaFactory.PostFormAsync(jamal, Page, new() { ["Form.Savings"] = "100,000" });
        var html = await posted.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("$100,000.00 está muy lejos de $1,000.00", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.AmountsChecked\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await SavedAsync(month));

        var saved = await SaveAndReadBackAsync(jamal, new() { ["Form.Savings"] = "100,000", ["Form.AmountsChecked"] = "true" });
        Assert.Equal(10_000_000, saved.SavingsBalance);
    }

    [Fact]
    public async Task After_saving_the_page_shows_what_was_saved_and_where_to_go_next()
    {
        using var jamal = await JamalInSpanishAsync();
        using var posted = await MutuaFactory.PostFormAsync(jamal, Page, new()
        {
            ["Form.Income[Job]"] = "1,800", ["Form.Income[OwnBusiness]"] = "120.50", ["Form.Savings"] = "$1,870.00", ["Form.Debts"] = "",
            ["Form.AmountsChecked"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        using var page = await jamal.GetAsync(posted.Headers.Location!.OriginalString, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Contains("Ingresos de este mes: $1,920.50 · Ahorros ahora: $1,870.00 · Deudas ahora: —", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Households/{app.Demo.JamalHousehold}/Progress\"", html, StringComparison.Ordinal);
        Assert.Matches("href=\"/Groups/[0-9a-f-]{36}\"", html);
    }

    [Fact]
    public async Task An_unreadable_amount_is_a_field_error_in_the_persons_language_and_saves_nothing()
    {
        using var jamal = await JamalInSpanishAsync();
        var month = Month.Current(DateTimeOffset.UtcNow, "America/New_York");
        var before = await SavedAsync(month);

        using var posted = await MutuaFactory.PostFormAsync(jamal, Page, new()
        {
            ["Form.Income[Job]"] = "mil doscientos",
            ["Form.Savings"] = "500",
            ["Form.WhatsNew"] = "should not be saved",
        });
        var html = await posted.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Escriba una cantidad como 1500.00", html, StringComparison.Ordinal);
        Assert.Contains("mil doscientos", html, StringComparison.Ordinal); // what was typed stays for correcting
        Assert.Equal(before, await SavedAsync(month));
    }

    [Fact]
    public async Task Find_brings_a_household_outside_the_group_into_the_lists_and_keeps_what_was_typed()
    {
        using var jamal = await JamalInSpanishAsync();
        var month = Month.Current(DateTimeOffset.UtcNow, "America/New_York");
        var before = await SavedAsync(month);
        var (other, elsewhere) = await app.WithDbAsync(async db =>
        {
            var home = await db.Households.AsNoTracking().SingleAsync(h => h.Id == app.Demo.JamalHousehold);
            var other = await db.Households.AsNoTracking()
                .Where(h => h.CommunityId == home.CommunityId && h.GroupId != home.GroupId).OrderBy(h => h.Name).FirstAsync();
            var elsewhere = await db.Households.AsNoTracking().Where(h => h.CommunityId != home.CommunityId).Select(h => h.Id).ToListAsync();
            return (other, elsewhere);
        });
        var typed = other.Name[..3].ToUpperInvariant();

        using var posted = await MutuaFactory.PostFormAsync(jamal, Page + "?handler=Find", new()
        {
            ["Form.Find"] = typed,
            ["Form.Savings"] = "1234",
            ["Form.WhatsNew"] = "typed before searching",
        }, formPage: Page);
        var html = await posted.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains($"<option value=\"{other.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, id => html.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Contains("Se encontr", html, StringComparison.Ordinal); // "Se encontró 1" or "Se encontraron 2": the count's plural form
        Assert.Contains("typed before searching", html, StringComparison.Ordinal);
        Assert.Equal(before, await SavedAsync(month)); // finding saves nothing
    }

    [Fact]
    public async Task Find_with_a_name_nobody_has_says_so()
    {
        using var jamal = await JamalInSpanishAsync();
        using var posted = await MutuaFactory.PostFormAsync(jamal, Page + "?handler=Find", new() { ["Form.Find"] = "Zzqx" }, formPage: Page);
        Assert.Contains("Ningún hogar de su comunidad", await posted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
