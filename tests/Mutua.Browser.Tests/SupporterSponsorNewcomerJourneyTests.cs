using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mutua.Browser.Tests;

/// <summary>
/// Journey (issue 13, done means), in Fruitvale, Oakland: a visitor opens a public project from an ambassador's link,
/// signs up as a supporter, pledges, and sees how to send the money with the pledge's code; the family confirms it
/// arrived; the community's sponsor finds the project in the queue on their home page and verifies it; a newcomer
/// joins with a code and lands on their welcome page with their buddy.
/// </summary>
public sealed partial class SupporterSponsorNewcomerJourneyTests(BrowserApp app)
{
    private const string Family = BrowserApp.Guadalupe;               // Guadalupe & Rubén, who posted the hens project
    private const string Ambassador = "alejandro@fruitvale.example";  // Alejandro, ambassador for a year
    private const string Sponsor = "sponsor@fruitvale.example";       // Karen, at the Fruitvale Family Resource Center
    private const string Agency = "Fruitvale Family Resource Center";
    private const string Title = "Backyard hens for Fruitvale families"; // public, published, not verified in the demo

    [GeneratedRegex(@"M-[0-9A-F]{8}")]
    private static partial Regex PledgeCode();

    [Fact]
    public async Task A_visitor_signs_up_from_a_share_link_pledges_the_family_confirms_the_sponsor_verifies_and_a_newcomer_is_welcomed()
    {
        var found = await app.GetJsonAsync(Family, "/api/v1/projects?q=" + Uri.EscapeDataString(Title));
        var slugPath = "/p/" + found.GetProperty("items")[0].GetProperty("slug").GetString();

        // 1. The ambassador takes the project's share link.
        await using var ambassadorContext = await app.NewContextAsync(phone: true);
        var ambassador = await ambassadorContext.NewPageAsync();
        await BrowserApp.SignInAsync(ambassador, Ambassador);
        await ambassador.GotoAsync(slugPath);
        var shareLink = await ambassador.Locator("#share-link").InputValueAsync();
        Assert.Matches(new Regex(Regex.Escape(slugPath) + "\\?via=[a-z0-9]{8}$"), shareLink);

        // 2. A visitor opens it on a phone: the project says whom it waits for, and offers to sign up as a supporter.
        await using var visitorContext = await app.NewContextAsync(phone: true);
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync(shareLink);
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(Title);
        await Expect(visitor.Locator("p.awaiting")).ToContainTextAsync(Agency);
        await visitor.Locator("main a[href^='/Account/SignUp?project=']").ClickAsync();
        await Expect(visitor.Locator("main")).ToContainTextAsync(Title);
        await visitor.Locator("input[name=FirstName]").FillAsync("Priya");
        await visitor.Locator("input[name=Login]").FillAsync($"priya-{Guid.NewGuid():N}@browser.example");
        await visitor.Locator("input[name=Password]").FillAsync("hens on 34th avenue");
        await visitor.Locator("main form button[type=submit]").ClickAsync();

        // 3. Back on the project, at the pledge form: she pledges $45.50 to the coop.
        await visitor.WaitForURLAsync(new Regex(Regex.Escape(slugPath) + "#pledge$"));
        await Expect(visitor.Locator("form#pledge")).ToBeVisibleAsync();
        await visitor.Locator("#needId").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await visitor.Locator("#amount").FillAsync("45.50");
        await visitor.Locator("form#pledge button[type=submit]").ClickAsync();
        await Expect(visitor.Locator("p.notice")).ToContainTextAsync(app.Text("en", "Thank you! Your pledge is recorded. The family confirms it when it arrives."));
        // How the money moves: what the family published for its supporters, and the pledge's code to quote.
        var send = visitor.Locator("#send");
        await Expect(send.Locator("h2")).ToHaveTextAsync(app.Text("en", "How to send your support"));
        await Expect(send).ToContainTextAsync("Zelle or Cash App");
        await Expect(send).ToContainTextAsync("$45.50");
        var code = PledgeCode().Match(await send.InnerTextAsync()).Value;
        Assert.NotEmpty(code);
        await BrowserApp.AssertFitsWidthAsync(visitor);
        await BrowserApp.ScreenshotAsync(visitor, "journey-supporter-how-to-send-phone");

        // 4. The family sees the pledge with its code and Alejandro's link, and confirms it arrived.
        await using var familyContext = await app.NewContextAsync();
        var family = await familyContext.NewPageAsync();
        await BrowserApp.SignInAsync(family, Family);
        await family.GotoAsync(slugPath);
        var pledge = family.Locator("#pledges + ul li", new() { HasText = code });
        await Expect(pledge).ToContainTextAsync("Priya");
        await Expect(pledge).ToContainTextAsync("Alejandro");
        await pledge.Locator("input[name=reference]").FillAsync("Zelle 4471");
        await pledge.Locator("button[type=submit]").ClickAsync();
        var confirmed = family.Locator("#pledges + ul li", new() { HasText = code });
        await Expect(confirmed).ToContainTextAsync("Zelle 4471");
        await Expect(confirmed).ToContainTextAsync(app.Text("en", "Confirmed: the totals now include it."));
        // The family stays on that pledge, with the need's new total beside it.
        await Expect(confirmed.Locator(".totals")).ToBeVisibleAsync();
        await Expect(confirmed.Locator(".totals")).ToBeInViewportAsync();
        await BrowserApp.ScreenshotAsync(family, "journey-family-confirmed-desktop");

        // 5. The sponsor finds the project in the queue on their home page, and verifies it.
        await using var sponsorContext = await app.NewContextAsync(phone: true);
        var sponsor = await sponsorContext.NewPageAsync();
        await BrowserApp.SignInAsync(sponsor, Sponsor);
        await sponsor.GotoAsync("/");
        var queue = sponsor.Locator("section[aria-labelledby=to-verify]");
        await Expect(queue).ToBeVisibleAsync();
        await queue.Locator("a", new() { HasText = Title }).ClickAsync();
        await sponsor.WaitForURLAsync(new Regex(Regex.Escape(slugPath)));
        await sponsor.Locator("#note").FillAsync("Visited the yard on 34th Avenue; the coop plan is sound.");
        await sponsor.Locator("form[action*='handler=Verify'] button[type=submit]").ClickAsync();
        await Expect(sponsor.Locator("p.verified")).ToContainTextAsync("Karen");
        await sponsor.GotoAsync("/");
        await Expect(sponsor.Locator("section[aria-labelledby=to-verify] a", new() { HasText = Title })).ToHaveCountAsync(0);
        // The supporter sees it verified now.
        await visitor.GotoAsync(slugPath);
        await Expect(visitor.Locator("p.verified")).ToContainTextAsync("Karen");

        // 6. A newcomer joins with a code and lands on their welcome, with their buddy and how to reach them.
        var fruitvale = await app.FruitvaleAsync();
        var invitation = await app.NewInvitationCodeAsync(fruitvale);
        await using var newcomerContext = await app.NewContextAsync(phone: true);
        var newcomer = await newcomerContext.NewPageAsync();
        await newcomer.GotoAsync($"/Join?code={invitation}");
        await newcomer.Locator("input[name=FirstName]").FillAsync("Tuyet");
        await newcomer.Locator("input[name=Login]").FillAsync($"tuyet-{Guid.NewGuid():N}@browser.example");
        await newcomer.Locator("input[name=Password]").FillAsync("a coop for the whole street");
        await newcomer.Locator("main form button[type=submit]").ClickAsync();
        await newcomer.WaitForURLAsync(new Regex($"/Communities/{fruitvale.Community}/Welcome$"));
        await Expect(newcomer.Locator("h1")).ToHaveTextAsync(app.Text("en", "Welcome to {0}").Replace("{0}", BrowserApp.Fruitvale, StringComparison.Ordinal));
        var buddy = newcomer.Locator("#buddy");
        var buddyName = (await buddy.Locator(".buddy-name").InnerTextAsync()).Trim();
        Assert.NotEmpty(buddyName);
        // The demo's established members all said they can be found at the group meeting; some gave a phone too.
        await Expect(buddy.Locator(".meeting")).ToHaveTextAsync(app.Text("en", "You can find {0} at the group meeting.").Replace("{0}", buddyName, StringComparison.Ordinal));
        if (await buddy.Locator("a[href^='tel:']").CountAsync() > 0)
            await Expect(buddy.Locator("a[href^='sms:']")).ToHaveCountAsync(1);
        await Expect(newcomer.Locator($"main a[href^='/Groups/{fruitvale.Group}']")).ToBeVisibleAsync();
        await BrowserApp.AssertFitsWidthAsync(newcomer);
        await BrowserApp.ScreenshotAsync(newcomer, "journey-newcomer-welcome-phone");
        // "We have met" ticks the step, on the same page.
        await buddy.Locator("button[type=submit]").ClickAsync();
        await Expect(newcomer.Locator("main")).ToContainTextAsync(app.Text("en", "You met {0}, your buddy.").Replace("{0}", buddyName, StringComparison.Ordinal));
    }
}
