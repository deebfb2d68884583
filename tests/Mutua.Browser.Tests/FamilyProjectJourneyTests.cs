using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace Mutua.Browser.Tests;

/// <summary>
/// Journey (issue "Projects", done means): in Nyamagabe, Rwanda, a family posts a project with a
/// photo in Kinyarwanda; the community's sponsor verifies it; an ambassador shares it; a supporter
/// in Boston pledges through the link; the family confirms the money arrived; the totals and the
/// ambassador's counts are right, on the pages and in the API.
/// </summary>
public sealed class FamilyProjectJourneyTests(BrowserApp app)
{
    private const string Family = "+250780000103";      // Immaculée, of "Immaculée & Théogène" (Kinyarwanda)
    private const string Sponsor = "+250780000099";     // Agnès, the sponsoring agency in Nyamagabe
    private const string Ambassador = "+250780000108";  // Innocent, ambassador for a year
    private const string Supporter = BrowserApp.Keisha; // Keisha, a member in Boston
    private const string Secret = "Kitabi, inzu ya Immaculée";

    [Fact]
    public async Task A_family_posts_a_project_a_sponsor_verifies_an_ambassador_shares_a_supporter_pledges_and_the_family_confirms()
    {
        var title = $"Ubuhinzi bw'ibihumyo {Guid.NewGuid().ToString("N")[..4]}";

        // 1. The family posts the project on a phone, in Kinyarwanda, with a phone photo that carries a GPS position.
        await using var familyContext = await app.NewContextAsync(phone: true);
        var family = await familyContext.NewPageAsync();
        await BrowserApp.SignInAsync(family, Family);
        await Expect(family.Locator("html")).ToHaveAttributeAsync("lang", "rw");
        await family.Locator("header nav a[href='/Projects']").ClickAsync();
        await Expect(family.Locator("h1")).ToHaveTextAsync(app.Text("rw", "Projects"));
        await family.Locator("main a.button", new() { HasText = app.Text("rw", "Post a project") }).ClickAsync();
        await family.Locator("#Title").FillAsync(title);
        await family.Locator("#Story").FillAsync("Turashaka guhinga ibihumyo mu nzu nto inyuma y'urugo, tukabigurisha ku isoko rya Kitabi.");
        await family.Locator("#Category").SelectOptionAsync("Agriculture");
        await family.Locator("#need-kind-0").SelectOptionAsync("Money");
        await family.Locator("#need-what-0").FillAsync("Imbuto n'inzu y'ibihumyo");
        await family.Locator("#need-amount-0").FillAsync("250000");
        await family.Locator("#need-kind-1").SelectOptionAsync("Time");
        await family.Locator("#need-what-1").FillAsync("Kubaka inzu y'ibihumyo");
        await family.Locator("#need-amount-1").FillAsync("10");
        await family.Locator("#Photo").SetInputFilesAsync(new FilePayload { Name = "IMG_2041.jpg", MimeType = "image/jpeg", Buffer = PhoneJpeg() });
        await family.Locator("#Publish").CheckAsync();
        await family.Locator("#IsPublic").CheckAsync();
        await family.Locator("main form.stack button[type=submit]").ClickAsync();
        await family.WaitForURLAsync(new Regex("/p/ubuhinzi-bw-ibihumyo-"));
        await Expect(family.Locator("h1")).ToHaveTextAsync(title);
        await BrowserApp.AssertFitsWidthAsync(family);
        await BrowserApp.ScreenshotAsync(family, "journey-project-posted-phone-rw");
        var slugPath = new Uri(family.Url).AbsolutePath;

        // The photo as served: re-encoded, no EXIF, no GPS, no description.
        var photoUrl = await family.Locator("img.hero").GetAttributeAsync("src");
        var photo = await (await family.APIRequest.GetAsync(photoUrl!)).BodyAsync();
        Assert.True(photo.Length > 0 && photo[0] == 0xFF && photo[1] == 0xD8, "the photo is served as a JPEG");
        Assert.False(Contains(photo, "Exif"u8.ToArray()), "EXIF survived on the served photo");
        Assert.False(Contains(photo, Encoding.ASCII.GetBytes(Secret)), "the description survived on the served photo");

        // 2. The sponsor verifies it, with a note.
        await using var sponsorContext = await app.NewContextAsync();
        var sponsor = await sponsorContext.NewPageAsync();
        await BrowserApp.SignInAsync(sponsor, Sponsor);
        await sponsor.GotoAsync(slugPath);
        await sponsor.Locator("#note").FillAsync("Twasuye urugo n'aho bazahingira.");
        await sponsor.Locator("form[action*='handler=Verify'] button[type=submit]").ClickAsync();
        await Expect(sponsor.Locator("p.verified")).ToContainTextAsync("Agnès");
        await Expect(sponsor.Locator("p.verified")).ToContainTextAsync("Twasuye urugo n'aho bazahingira.");
        Assert.Equal(0, await sponsor.Locator("a[href^='/Projects/Edit']").CountAsync());

        // 3. The ambassador takes the share link.
        await using var ambassadorContext = await app.NewContextAsync(phone: true);
        var ambassador = await ambassadorContext.NewPageAsync();
        await BrowserApp.SignInAsync(ambassador, Ambassador);
        await ambassador.GotoAsync(slugPath);
        var shareLink = await ambassador.Locator("#share-link").InputValueAsync();
        Assert.Matches(new Regex(Regex.Escape(slugPath) + "\\?via=[a-z0-9]{8}$"), shareLink);

        // 4. A supporter in Boston opens the link (not signed in yet: a public project), signs in, and pledges.
        await using var supporterContext = await app.NewContextAsync();
        var supporter = await supporterContext.NewPageAsync();
        await supporter.GotoAsync(shareLink);
        await Expect(supporter.Locator("h1")).ToHaveTextAsync(title);
        await Expect(supporter.Locator("p.verified")).ToContainTextAsync("Agnès");
        await Expect(supporter.Locator("head meta[property='og:title']")).ToHaveAttributeAsync("content", title);
        await Expect(supporter.Locator("head meta[property='og:image']")).ToHaveAttributeAsync("content", new Regex("/projects/photos/"));
        await BrowserApp.SignInAsync(supporter, Supporter);
        await supporter.GotoAsync(slugPath);
        await supporter.Locator("#needId").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await supporter.Locator("#amount").FillAsync("50000");
        await supporter.Locator("form#pledge button[type=submit]").ClickAsync();
        await Expect(supporter.Locator("p.notice")).ToContainTextAsync(app.Text("en", "Thank you! Your pledge is recorded. The family confirms it when it arrives."));
        await BrowserApp.ScreenshotAsync(supporter, "journey-project-pledged-desktop");

        // 5. The family sees the pledge, came through Innocent's link, and confirms the mobile-money transfer.
        await family.GotoAsync(slugPath);
        var pledgeRow = family.Locator("#pledges + ul li", new() { HasText = "Keisha" });
        await Expect(pledgeRow).ToContainTextAsync("Innocent");
        await pledgeRow.Locator("input[name=reference]").FillAsync("MoMo 0788-112-233");
        await pledgeRow.Locator("button[type=submit]").ClickAsync();
        await Expect(family.Locator("p.notice")).ToContainTextAsync(app.Text("rw", "Confirmed: the totals now include it."));
        await Expect(family.Locator("#pledges + ul li", new() { HasText = "Keisha" })).ToContainTextAsync("MoMo 0788-112-233");
        await Expect(family.Locator("tr.ambassador", new() { HasText = "Innocent" })).ToContainTextAsync("Innocent");
        await Expect(family.Locator("progress.goal").First).ToHaveAttributeAsync("value", "20");
        await BrowserApp.AssertFitsWidthAsync(family);
        await BrowserApp.ScreenshotAsync(family, "journey-project-confirmed-phone-rw");

        // 6. The totals and the ambassador's counts, as the API has them.
        var id = (await app.GetJsonAsync(Family, "/api/v1/projects?q=" + Uri.EscapeDataString(title))).GetProperty("items")[0].GetProperty("id").GetGuid();
        var project = await app.GetJsonAsync(Family, $"/api/v1/projects/{id}");
        var money = project.GetProperty("needs").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "money");
        Assert.Equal(250_000, money.GetProperty("target").GetInt64());
        Assert.Equal(50_000, money.GetProperty("confirmed").GetInt64());
        Assert.Equal("RWF", money.GetProperty("currency").GetString());
        Assert.NotNull(project.GetProperty("verification").GetProperty("byFirstName").GetString());
        var counted = project.GetProperty("ambassadors").EnumerateArray().Single();
        Assert.Equal("Innocent", counted.GetProperty("firstName").GetString());
        Assert.Equal(1, counted.GetProperty("visits").GetInt32());
        Assert.Equal(1, counted.GetProperty("pledges").GetInt32());

        await ambassador.GotoAsync("/Projects/Ambassador");
        var row = ambassador.Locator("tr.shared", new() { HasText = title });
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await BrowserApp.ScreenshotAsync(ambassador, "journey-ambassador-dashboard-phone-rw");
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>A JPEG as a phone makes it: an EXIF block with a description and a GPS position (2°28′S, 29°33′E).</summary>
    private static byte[] PhoneJpeg()
    {
        using var bitmap = new SKBitmap(900, 600);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x6B, 0x8E, 0x4E));
            using var paint = new SKPaint { Color = new SKColor(0xE8, 0xDC, 0xC0) };
            canvas.DrawCircle(450, 300, 160, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 88);
        var jpeg = data.ToArray();
        var desc = Encoding.ASCII.GetBytes(Secret + "\0");
        if (desc.Length % 2 == 1) desc = [.. desc, 0];
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)v); tiff.Add((byte)(v >> 8)); }
        void U32(long v) { for (var i = 0; i < 4; i++) tiff.Add((byte)(v >> (8 * i))); }
        void Entry(int tag, int type, long count, long value) { U16(tag); U16(type); U32(count); U32(value); }
        const int descOffset = 8 + 2 + 2 * 12 + 4;
        var gpsOffset = descOffset + desc.Length;
        var latOffset = gpsOffset + 2 + 4 * 12 + 4;
        tiff.AddRange("II"u8.ToArray()); U16(42); U32(8);
        U16(2); Entry(0x010E, 2, Secret.Length + 1, descOffset); Entry(0x8825, 4, 1, gpsOffset); U32(0);
        tiff.AddRange(desc);
        U16(4); Entry(1, 2, 2, 'S'); Entry(2, 5, 3, latOffset); Entry(3, 2, 2, 'E'); Entry(4, 5, 3, latOffset + 24); U32(0);
        foreach (var v in new long[] { 2, 1, 28, 1, 4512, 100, 29, 1, 33, 1, 1789, 100 }) U32(v);
        var length = 2 + 6 + tiff.Count;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. "Exif\0\0"u8.ToArray(), .. tiff];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }
}
