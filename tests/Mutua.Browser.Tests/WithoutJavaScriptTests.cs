using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mutua.Browser.Tests;

/// <summary>The pages work with JavaScript switched off: plain links and forms all the way.</summary>
public sealed class WithoutJavaScriptTests(BrowserApp app)
{
    [Fact]
    public async Task Without_JavaScript_a_member_signs_in_reaches_the_community_and_switches_language()
    {
        await using var context = await app.NewContextAsync(phone: true, javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.Locator("main a.button[href='/Account/Login']").ClickAsync();
        await page.Locator("input[name=Login]").FillAsync(BrowserApp.Keisha);
        await page.Locator("input[name=Password]").FillAsync(BrowserApp.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("en", "Welcome back"));

        await page.Locator("header nav a[href='/Communities']").ClickAsync();
        await page.Locator("main a", new() { HasText = BrowserApp.Dudley }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(BrowserApp.Dudley);
        await Expect(page.Locator("main h2").First).ToHaveTextAsync(app.Text("en", "Groups"));
        // A member sees the groups and can open them; managing them is for coordinators.
        Assert.True(await page.Locator("main .cards .card a[href^='/Groups/']").CountAsync() >= 1);
        await Expect(page.Locator("form[action*='handler=Move']")).ToHaveCountAsync(0);

        // The language buttons are a plain form too.
        await page.Locator("footer button[value=fr]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("h1")).ToHaveTextAsync(BrowserApp.Dudley);
        await Expect(page.Locator("main h2").First).ToHaveTextAsync(app.Text("fr", "Groups"));
        await page.Locator("header nav a[href='/Account/Profile']").ClickAsync();
        await Expect(page.Locator("select[name=Language]")).ToHaveValueAsync("fr");
        // Put Keisha's language back as the demo has it, through the same plain form.
        await page.Locator("footer button[value=en]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task Without_JavaScript_a_newcomer_can_join_with_a_code()
    {
        var fruitvale = await app.FruitvaleAsync();
        var code = await app.NewInvitationCodeAsync(fruitvale);
        await using var context = await app.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Join");
        await page.Locator("input[name=Code]").FillAsync(code);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("input[name=FirstName]").FillAsync("Tomasz");
        await page.Locator("input[name=Login]").FillAsync($"tomasz-{Guid.NewGuid():N}@browser.example");
        // Too short first: the form answers in words, nothing is lost but the password.
        await page.Locator("input[name=Password]").FillAsync("short");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main .field-error").Filter(new() { HasText = app.Text("en", "Please choose a password of at least 8 characters.") })).ToBeVisibleAsync();
        await Expect(page.Locator("input[name=FirstName]")).ToHaveValueAsync("Tomasz");

        await page.Locator("input[name=Password]").FillAsync("walking by the river");
        await page.Locator("main form button[type=submit]").ClickAsync();
        // The newcomer's welcome first (steps and buddy), then their group, one plain link away.
        await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("en", "Welcome to {0}").Replace("{0}", BrowserApp.Fruitvale, StringComparison.Ordinal));
        await page.Locator($"main a[href^='/Groups/{fruitvale.Group}']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(fruitvale.GroupName);
        await Expect(page.Locator("main .notice[role=status]")).ToBeVisibleAsync();
        await Expect(page.Locator("main ul.plain li", new() { HasText = "Tomasz" })).ToHaveCountAsync(1);
    }
}
