using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mutua.Browser.Tests;

/// <summary>Journey: a newcomer who reads Spanish gets a code from a neighbour, joins, is welcomed, and sees their group.</summary>
public sealed class NewcomerJoinsInSpanishTests(BrowserApp app)
{
    [Fact]
    public async Task A_newcomer_switches_to_Spanish_joins_with_a_code_and_sees_their_group()
    {
        // Esperanza, who coordinates Arvin Unidos (a Spanish-speaking town in California), hands out a code.
        var arvin = await app.PlaceAsync(BrowserApp.Esperanza, BrowserApp.Arvin);
        var (group, groupName) = (arvin.Group, arvin.GroupName);
        var code = await app.NewInvitationCodeAsync(arvin);
        await using var context = await app.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("en", "Families helping families"));

        // The footer's language buttons, each in its own language.
        await Expect(page.Locator("footer button[value=es]")).ToHaveTextAsync("Español");
        await BrowserApp.ChooseLanguageAsync(page, "es");
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("es", "Families helping families"));

        var join = page.Locator("header nav a[href='/Join']");
        await Expect(join).ToHaveTextAsync(app.Text("es", "Join with a code"));
        await join.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("es", "Join with a code"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");

        // Typed as a person might: small letters, without the dash.
        await page.Locator("input[name=Code]").FillAsync(code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main .card")).ToContainTextAsync(BrowserApp.Arvin);
        await Expect(page.Locator("main .card")).ToContainTextAsync("Esperanza");
        await Expect(page.Locator("main .card")).ToContainTextAsync(groupName);
        await Expect(page.Locator("main h2")).ToHaveTextAsync(app.Text("es", "Create your account"));
        // Spanish is already chosen for the new account.
        await Expect(page.Locator("select[name=Language]")).ToHaveValueAsync("es");

        var login = $"xiomara-{Guid.NewGuid():N}@browser.example";
        await page.Locator("input[name=FirstName]").FillAsync("Xiomara");
        await page.Locator("input[name=FullName]").FillAsync("Xiomara Hernández Ortiz");
        await page.Locator("input[name=Login]").FillAsync(login);
        await page.Locator("input[name=Password]").FillAsync("una casa con jardín");
        await page.Locator("main form button[type=submit]").ClickAsync();

        // First the newcomer's own welcome, with the first steps and the buddy; the group is one link away.
        await page.WaitForURLAsync(new Regex($"/Communities/{arvin.Community}/Welcome"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("es", "Welcome to {0}").Replace("{0}", BrowserApp.Arvin, StringComparison.Ordinal));
        await Expect(page.Locator("#buddy h2")).ToHaveTextAsync(app.Text("es", "Your buddy"));
        await page.Locator($"main a[href^='/Groups/{group}']").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/Groups/{group}"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("h1")).ToHaveTextAsync(groupName);
        await Expect(page.Locator("main .notice[role=status]"))
            .ToHaveTextAsync(app.Text("es", "Welcome! This is your group. These are the families you will meet each month."));
        // Their own household is marked, with their first name (never the full name) among the group's households.
        var own = page.Locator("main ul.plain li").Filter(new() { Has = page.Locator(".badge") });
        await Expect(own).ToHaveCountAsync(1);
        await Expect(own.Locator(".badge")).ToHaveTextAsync(app.Text("es", "Your household"));
        await Expect(own).ToContainTextAsync("Xiomara");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Hernández");
        // The others in the group are there too.
        Assert.True(await page.Locator("main ul.plain li").CountAsync() >= 2);

        // Signed in now: the header offers what a member has, in Spanish.
        await Expect(page.Locator("header nav a[href='/Account/Profile']")).ToHaveTextAsync(app.Text("es", "Profile"));
        await BrowserApp.ScreenshotAsync(page, "journey-newcomer-group-es-phone");

        // The code is spent: a second person cannot use it.
        await using var other = await app.NewContextAsync();
        var second = await other.NewPageAsync();
        await second.GotoAsync($"/Join?code={code}");
        await Expect(second.Locator("main .errors[role=alert]")).ToBeVisibleAsync();
        await Expect(second.Locator("input[name=FirstName]")).ToHaveCountAsync(0);
    }
}
