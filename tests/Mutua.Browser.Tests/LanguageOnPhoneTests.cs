using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mutua.Browser.Tests;

/// <summary>Journey: on a phone, the footer's buttons switch every page between the five languages; signed in, the choice sticks.</summary>
public sealed class LanguageOnPhoneTests(BrowserApp app)
{
    private static readonly string[] Order = ["es", "fr", "sw", "rw", "en"];

    [Fact]
    public async Task The_footer_buttons_switch_every_page_between_the_five_languages_on_a_phone()
    {
        await using var context = await app.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        foreach (var language in Order)
        {
            await BrowserApp.ChooseLanguageAsync(page, language);
            // Back on the page the button was pressed on, now in that language.
            Assert.EndsWith("/", new Uri(page.Url).AbsolutePath);
            await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text(language, "Families helping families"));
            await Expect(page.Locator("footer button[aria-pressed=true]")).ToHaveAttributeAsync("value", language);
            await Expect(page.Locator("footer a[href='/ApiReference']")).ToHaveTextAsync(app.Text(language, "API for developers"));
            await BrowserApp.AssertFitsWidthAsync(page);

            // The choice holds on the next pages, reached by the navigation.
            await page.Locator("header nav a[href='/Account/Login']").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text(language, "Sign in"));
            await Expect(page.Locator("main form button[type=submit]")).ToHaveTextAsync(app.Text(language, "Sign in"));
            await page.Locator("header nav a[href='/Join']").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text(language, "Join with a code"));
            await Expect(page.Locator("label[for=Code]")).ToHaveTextAsync(app.Text(language, "Invitation code"));
            await BrowserApp.AssertFitsWidthAsync(page);
            if (language != "en") await BrowserApp.ScreenshotAsync(page, $"join-{language}-phone");
            await page.Locator("header a.brand").ClickAsync();
        }
    }

    [Fact]
    public async Task Signed_in_the_language_chosen_on_a_phone_is_remembered_on_the_profile()
    {
        var login = await app.NewMemberAsync("Imani");
        await using (var context = await app.NewContextAsync(phone: true))
        {
            var page = await context.NewPageAsync();
            await BrowserApp.SignInAsync(page, login);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

            // Switched on a page deep inside: the button brings the person back to it, in Kiswahili.
            await page.Locator("header nav a[href='/Communities']").ClickAsync();
            await BrowserApp.ChooseLanguageAsync(page, "sw");
            Assert.EndsWith("/Communities", new Uri(page.Url).AbsolutePath);
            await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("sw", "Communities"));
            await Expect(page.Locator("header nav a[href='/Account/Profile']")).ToHaveTextAsync(app.Text("sw", "Profile"));
            await BrowserApp.AssertFitsWidthAsync(page);

            // The profile shows the language chosen.
            await page.Locator("header nav a[href='/Account/Profile']").ClickAsync();
            await Expect(page.Locator("select[name=Language]")).ToHaveValueAsync("sw");
            await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("sw", "Your profile"));
            await BrowserApp.ScreenshotAsync(page, "profile-sw-phone");

            // Sign out: the header offers signing in again.
            await page.Locator("header nav form button[type=submit]").ClickAsync();
            await Expect(page.Locator("header nav a[href='/Account/Login']")).ToBeVisibleAsync();
        }

        // Another phone, nothing remembered in the browser: signing in brings Kiswahili back from the profile.
        await using (var fresh = await app.NewContextAsync(phone: true))
        {
            var page = await fresh.NewPageAsync();
            await page.GotoAsync("/");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await BrowserApp.SignInAsync(page, login);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sw");
            await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("sw", "Welcome back"));
            await Expect(page.Locator("footer button[aria-pressed=true]")).ToHaveAttributeAsync("value", "sw");

            // And switching back to English is remembered the same way.
            await BrowserApp.ChooseLanguageAsync(page, "en");
            await Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("en", "Welcome back"));
        }
        var me = await app.GetJsonAsync(login, "/api/v1/me");
        Assert.Equal("en", me.GetProperty("language").GetString());
    }
}
