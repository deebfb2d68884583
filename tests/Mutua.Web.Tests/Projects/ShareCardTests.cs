using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Projects;

/// <summary>
/// A public project's link-preview card (issue 19): the cover photo's stored size and a text for it, so a chat app lays
/// the card out before it has fetched the picture and a screen reader can say what it shows; and a locale a crawler
/// understands (rw_RW, not rw), from the community's language in the community's country.
/// </summary>
public sealed partial class ShareCardTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Warren Street food cart", "en_US")]
    [InlineData("Ubworozi bw'inkoko z'amagi", "rw_RW")]
    [InlineData("Gallinas ponedoras para la familia", "es_US")]
    [InlineData("Walukuba youth bicycle repair stand", "en_UG")]
    public async Task A_public_projects_card_gives_its_photos_size_and_text_and_a_full_locale(string title, string locale)
    {
        var project = await app.WithDbAsync(db => db.Projects.Where(p => p.Title == title)
            .Select(p => new
            {
                p.Slug,
                Photo = db.ProjectPhotos.Where(x => x.ProjectId == p.Id && x.UpdateId == null).OrderBy(x => x.CreatedAt)
                    .Select(x => new { x.Id, x.Width, x.Height }).First(),
            }).SingleAsync(Ct));
        using var visitor = app.NewClient();
        using var response = await visitor.GetAsync($"/p/{project.Slug}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(locale, Meta(html, "og:locale"));
        Assert.Equal($"{MutuaFactory.PublicAddress}/projects/photos/{project.Photo.Id}", Meta(html, "og:image"));
        Assert.Equal(project.Photo.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), Meta(html, "og:image:width"));
        Assert.Equal(project.Photo.Height.ToString(System.Globalization.CultureInfo.InvariantCulture), Meta(html, "og:image:height"));
        Assert.Equal(title, System.Net.WebUtility.HtmlDecode(Meta(html, "og:image:alt")));
        // The page's own picture keeps the photo's shape while it loads.
        Assert.Matches($"<img class=\"hero\"[^>]*width=\"{project.Photo.Width}\" height=\"{project.Photo.Height}\"", html);
    }

    [Theory]
    [InlineData("rw", "RW", "rw_RW")]
    [InlineData("fr", "RW", "fr_RW")]
    [InlineData("sw", "UG", "sw_UG")]
    [InlineData("es", "US", "es_US")]
    [InlineData("en", "us", "en_US")]
    [InlineData("en", "UG", "en_UG")]
    [InlineData("rw", "", "rw_RW")]
    [InlineData("sw", null, "sw_UG")]
    [InlineData("fr", "R1", "fr_RW")]
    [InlineData("es", "USA", "es_US")]
    [InlineData("en", null, "en_US")]
    [InlineData("xx", "KE", "en_KE")]
    public void A_locale_is_the_language_in_the_communitys_country(string language, string? country, string expected) =>
        Assert.Equal(expected, Languages.Locale(language, country));

    private static string Meta(string html, string property)
    {
        var match = Regex.Match(html, $"<meta property=\"{Regex.Escape(property)}\" content=\"([^\"]*)\"");
        Assert.True(match.Success, $"the page has no {property}");
        return match.Groups[1].Value;
    }
}
