using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mutua.Browser.Tests;

/// <summary>
/// Journey (issue 14, done means): in Nyamagabe, Rwanda, the secretary of the savings group records a meeting on a
/// phone, in Kinyarwanda, without the page needing anything but forms: a member's shares and a loan repayment, the
/// box cash counted and checked against the books before saving. Then the member's passbook and the share-out
/// preview show the new figures.
/// </summary>
public sealed class SavingsMeetingInKinyarwandaTests(BrowserApp app)
{
    private const string Secretary = "+250780000101"; // Vestine, coordinator of Twisungane Nyamagabe and its group's secretary

    private static async Task<long> NumberAsync(IPage page, string selector, string attribute) =>
        long.Parse((await page.Locator(selector).GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_secretary_records_a_meeting_on_a_phone_and_the_passbook_and_share_out_show_it()
    {
        await using var context = await app.NewContextAsync(phone: true, javaScript: false);
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page, Secretary);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "rw");

        // From the menu to the group.
        await page.Locator("header nav a[href='/Savings']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("rw", "Our savings groups"));
        await page.Locator("main .card a[href^='/Savings/']").First.ClickAsync();
        var groupPath = new Uri(page.Url).AbsolutePath;
        await BrowserApp.AssertFitsWidthAsync(page);
        await BrowserApp.ScreenshotAsync(page, "savings-group-phone-rw");

        // The meeting form: the first member with a loan repays part of it and buys three shares.
        await page.Locator("main a.button", new() { HasText = app.Text("rw", "Record a meeting") }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("rw", "Record a meeting"));
        var row = page.Locator("fieldset.member-row", new() { Has = page.Locator("input[name$='.Repayment']") }).First;
        var person = await row.Locator("input[name$='.PersonId']").InputValueAsync();

        // What the passbook and the share-out say before.
        var passbookPath = $"{groupPath}/Passbook/{person}";
        var before = await context.NewPageAsync();
        await before.GotoAsync(passbookPath);
        var sharesBefore = await NumberAsync(before, "[data-shares]", "data-shares");
        var owedBefore = await before.Locator("table.ledger tbody tr").First.Locator("td").Nth(1).InnerTextAsync();
        await before.GotoAsync($"{groupPath}/ShareOut");
        var totalBefore = await NumberAsync(before, "[data-total-shares]", "data-total-shares");
        await before.CloseAsync();

        await row.Locator("input[name$='.Shares']").FillAsync("3");
        await row.Locator("input[name$='.Repayment']").FillAsync("1.000");
        await page.Locator("#box-cash").FillAsync("0");
        await page.Locator("form.meeting button[type=submit]").ClickAsync();

        // Shown back before saving: what the books expect against what was counted. Count again, type what the books say.
        await Expect(page.Locator("section.box-check h2")).ToHaveTextAsync(app.Text("rw", "Check the box before saving"));
        var expected = await NumberAsync(page, "[data-expected]", "data-expected");
        Assert.Equal(-expected, await NumberAsync(page, "[data-difference]", "data-difference"));
        await BrowserApp.ScreenshotAsync(page, "savings-meeting-check-phone-rw");
        await page.Locator("#box-cash").FillAsync(expected.ToString("N0", CultureInfo.GetCultureInfo("rw-RW")));
        await page.Locator("form.meeting button[type=submit]").ClickAsync();
        Assert.Equal(0, await NumberAsync(page, "[data-difference]", "data-difference"));
        await Expect(page.Locator("form.meeting button[type=submit]")).ToHaveTextAsync(app.Text("rw", "Save the meeting"));
        await BrowserApp.AssertFitsWidthAsync(page);
        await page.Locator("form.meeting button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(groupPath) + "\\?recorded=\\d+$"));
        await Expect(page.Locator("p.notice[role=status]")).ToBeVisibleAsync();

        // The member's passbook: three more shares, a smaller loan.
        await page.Locator($"main a[href='{passbookPath}']").ClickAsync();
        Assert.Equal(sharesBefore + 3, await NumberAsync(page, "[data-shares]", "data-shares"));
        var owedAfter = await page.Locator("table.ledger tbody tr").First.Locator("td").Nth(1).InnerTextAsync();
        Assert.NotEqual(owedBefore, owedAfter);
        await Expect(page.Locator("table.ledger").Last).ToContainTextAsync(app.Text("rw", "Loan repaid"));
        await BrowserApp.AssertFitsWidthAsync(page);
        await BrowserApp.ScreenshotAsync(page, "savings-passbook-phone-rw");

        // The share-out preview counts the three shares.
        await page.GotoAsync($"{groupPath}/ShareOut");
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("rw", "Share-out preview"));
        Assert.Equal(totalBefore + 3, await NumberAsync(page, "[data-total-shares]", "data-total-shares"));
        await BrowserApp.AssertFitsWidthAsync(page);
        await BrowserApp.ScreenshotAsync(page, "savings-share-out-phone-rw");
    }
}
