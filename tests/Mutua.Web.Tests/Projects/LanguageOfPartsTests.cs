using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Projects;

/// <summary>
/// What a family wrote is in its own language, whatever the reader's (DESIGN §5): a project's title, story and updates,
/// and its title on the project list, carry the <c>lang</c> of its community (a project does not say its own), so a
/// screen reader reads "Ubworozi bw'inkoko" in Kinyarwanda inside an English page. The language buttons name each
/// language in itself.
/// </summary>
public sealed partial class LanguageOfPartsTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Ubworozi bw'inkoko z'amagi", "rw")]
    [InlineData("Gallinas ponedoras para la familia", "es")]
    [InlineData("Warren Street food cart", "en")]
    public async Task A_projects_own_words_carry_its_communitys_language_on_an_english_page(string title, string language)
    {
        var slug = await app.WithDbAsync(db => db.Projects.Where(p => p.Title == title).Select(p => p.Slug).SingleAsync(Ct));
        using var visitor = app.NewClient();
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await visitor.GetStringAsync($"/p/{slug}", Ct);
        Assert.Matches("<html lang=\"en\"", page);
        var heading = Regex.Match(page, "<h1 lang=\"([a-z]+)\">(.*?)</h1>");
        Assert.Equal((language, title), (heading.Groups[1].Value, WebUtility.HtmlDecode(heading.Groups[2].Value)));
        Assert.Matches($"<p class=\"story\" lang=\"{language}\">", page);

        var list = await visitor.GetStringAsync($"/Projects?q={Uri.EscapeDataString(title)}", Ct);
        Assert.Matches($"<h2 lang=\"{language}\"><a href=\"/p/{Regex.Escape(slug)}\">", list);
    }

    [Fact]
    public async Task The_language_buttons_name_each_language_in_itself()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetStringAsync("/Account/Login", Ct);
        foreach (var (code, name) in new[] { ("en", "English"), ("es", "Español"), ("fr", "Français"), ("sw", "Kiswahili"), ("rw", "Ikinyarwanda") })
        {
            Assert.Matches($"<button type=\"submit\" name=\"language\" value=\"{code}\" lang=\"{code}\"[^>]*>{name}</button>", page);
        }
    }
}
