using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.CheckIns;

/// <summary>
/// A check-in takes its savings from the passbook with one tap (issue 14): Keisha is a member of Jamal's savings
/// group, so her check-in offers her savings there, and the button fills them in without saving anything.
/// Denise is in no savings group: no offer.
/// </summary>
public sealed class CheckInFromPassbookTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Page => $"/Households/{app.Demo.KeishaHousehold}/CheckIn";

    [Fact]
    public async Task The_savings_box_is_filled_from_the_passbook_and_nothing_is_saved_until_saving()
    {
        var d = app.Demo;
        using var api = await app.ApiAsync(DemoPeople.KeishaLogin);
        var book = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/savings-groups/{d.WarrenStreetSavings}/passbook/{d.Keisha}", Ct);
        var savings = book.GetProperty("savings").GetInt64();
        Assert.True(savings > 0, "the demo's Keisha has bought shares");
        var shown = Mutua.Core.Money.ToInput(savings, "USD", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        var stored = () => app.WithDbAsync(db => db.CheckIns.AsNoTracking().Where(c => c.HouseholdId == d.KeishaHousehold)
            .Select(c => new { Month = c.Period, c.SavingsBalance, c.UpdatedAt }).ToListAsync());
        var before = await stored();

        var keisha = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(keisha, DemoPeople.KeishaLogin);
        var page = await keisha.GetStringAsync(Page, Ct);
        Assert.Contains("Your savings in Warren Street Savings Circle: " + Mutua.Core.Money.Format(savings, "USD",
            System.Globalization.CultureInfo.GetCultureInfo("en-US")) + ".", page, StringComparison.Ordinal);

        using var posted = await MutuaFactory.PostFormAsync(keisha, Page + "?handler=FromPassbook", new()
        {
            ["Form.Savings"] = "12", ["Form.WhatsNew"] = "typed before the tap",
        }, formPage: Page);
        var html = await posted.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains($"value=\"{shown}\"", html, StringComparison.Ordinal);
        Assert.Contains("typed before the tap", html, StringComparison.Ordinal);
        Assert.Contains("Filled in from your passbook.", html, StringComparison.Ordinal);
        Assert.Equal(before.Select(b => (b.Month, b.SavingsBalance)), (await stored()).Select(b => (b.Month, b.SavingsBalance)));
    }

    [Fact]
    public async Task Someone_in_no_savings_group_is_offered_nothing()
    {
        var denise = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(denise, DemoPeople.DeniseLogin);
        var household = await app.WithDbAsync(db => db.HouseholdMembers.Where(m => m.PersonId == app.Demo.Denise).Select(m => m.HouseholdId).SingleAsync());
        Assert.False(await app.WithDbAsync(db => db.SavingsMembers.AnyAsync(m => m.PersonId == app.Demo.Denise && m.LeftAt == null)));
        var page = await denise.GetStringAsync($"/Households/{household}/CheckIn", Ct);
        Assert.DoesNotContain("Use my passbook", page, StringComparison.Ordinal);
    }
}
