using System.Net;
using System.Text.RegularExpressions;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Projects;

/// <summary>An ambassador shares by WhatsApp, text message or e-mail with plain links (issue 13): no JavaScript needed.</summary>
public sealed class ShareButtonsTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/Projects/Ambassador")]
    [InlineData("/p/{slug}")]
    public async Task An_ambassadors_share_buttons_carry_the_share_link_from_the_public_address(string page)
    {
        var slug = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Projects.Where(p => p.Id == app.Demo.FoodCart).Select(p => p.Slug)));
        var fatima = await app.PagesAsync("fatima@dudley.example");
        using var response = await fatima.GetAsync(page.Replace("{slug}", slug, StringComparison.Ordinal), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = Regex.Match(html, $"value=\"({Regex.Escape(MutuaFactory.PublicAddress)}/p/{Regex.Escape(slug)}\\?via=[a-z0-9]{{8}})\"");
        Assert.True(link.Success, "no share link for the food cart");
        var encoded = Uri.EscapeDataString(link.Groups[1].Value);
        foreach (var prefix in new[] { "https://wa.me/?text=", "sms:?&amp;body=", "mailto:?subject=" })
        {
            var buttons = Regex.Matches(html, $"href=\"{Regex.Escape(prefix)}[^\"]*\"").Select(m => m.Value).ToList();
            Assert.Contains(buttons, b => b.Contains(encoded, StringComparison.Ordinal));
        }
    }
}
