using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mutua.Browser.Tests;

/// <summary>Journey: a coordinator signs in, invites a new family, and the code works for the person given it.</summary>
public sealed class CoordinatorInvitesTests(BrowserApp app)
{
    [Fact]
    public async Task A_coordinator_creates_an_invitation_code_that_a_newcomer_can_open()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await BrowserApp.SignInAsync(page, BrowserApp.Denise);
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("en", "Welcome back"));

        // Home → Communities → Dudley, by the links a person would follow.
        await page.Locator("header nav a[href='/Communities']").ClickAsync();
        await page.Locator("main a", new() { HasText = BrowserApp.Dudley }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(BrowserApp.Dudley);

        await page.Locator("main a.button", new() { HasText = app.Text("en", "Invite a family") }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("en", "Invite a family"));
        await page.GetByRole(AriaRole.Radio, new() { Name = app.Text("en", "A new family"), Exact = true }).CheckAsync();
        var groupName = await page.Locator("select[name=GroupId] option").Nth(1).TextContentAsync();
        await page.Locator("select[name=GroupId]").SelectOptionAsync(new SelectOptionValue { Label = groupName! });
        await page.Locator("input[name=NewHouseholdName]").FillAsync("The Okafors");
        await page.Locator("main form button[type=submit]", new() { HasText = app.Text("en", "Create invitation code") }).ClickAsync();

        var shown = page.Locator("#new-code");
        await Expect(shown).ToBeVisibleAsync();
        var code = (await shown.TextContentAsync())!.Trim();
        Assert.Matches(new Regex("^[A-Z0-9]{4}-[A-Z0-9]{4}$"), code);
        // It is listed among the community's invitations, open.
        await Expect(page.Locator("main table tr", new() { HasText = code })).ToContainTextAsync("The Okafors");
        await BrowserApp.ScreenshotAsync(page, "journey-coordinator-invitation-desktop");

        // Someone else, on another phone, opens the code.
        await using var newcomer = await app.NewContextAsync(phone: true);
        var invitee = await newcomer.NewPageAsync();
        var response = await invitee.GotoAsync($"/Join?code={Uri.EscapeDataString(code)}");
        Assert.Equal(200, response!.Status);
        await Expect(invitee.Locator("main .card")).ToContainTextAsync("Denise");
        await Expect(invitee.Locator("main .card")).ToContainTextAsync(BrowserApp.Dudley);
        await Expect(invitee.Locator("main .card")).ToContainTextAsync(groupName!);
        await Expect(invitee.Locator("main h2")).ToHaveTextAsync(app.Text("en", "Create your account"));
        await Expect(invitee.Locator("input[name=FirstName]")).ToBeVisibleAsync();
    }
}
