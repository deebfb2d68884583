using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Projects;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Projects;

/// <summary>
/// A sponsor of two communities (issue 13): Claudia sponsors Arvin Unidos and, granted later, Fruitvale Families. Her
/// queue on the home page holds both communities' unverified projects, oldest first, each title in its community's language.
/// </summary>
public sealed partial class SponsorQueueTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sponsor_of_two_communities_has_one_queue_of_both()
    {
        var waiting = await app.WithDbAsync(db => db.Projects.AsNoTracking()
            .Where(p => p.Status == ProjectStatus.Published && p.VerifiedAt == null)
            .Join(db.Communities, p => p.CommunityId, c => c.Id, (p, c) => new { p.Slug, p.PublishedAt, c.Name, c.DefaultLanguage })
            .Where(p => p.Name == "Arvin Unidos" || p.Name == "Fruitvale Families").ToListAsync(Ct));
        Assert.Contains(waiting, p => p.Name == "Arvin Unidos");
        Assert.Contains(waiting, p => p.Name == "Fruitvale Families");

        var claudia = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(claudia, "sponsor@arvin.example");
        using var home = await claudia.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync(Ct);

        var start = html.IndexOf("id=\"to-verify\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no queue on Claudia's home page");
        var queue = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        var listed = QueueItem().Matches(queue).Select(m => (Slug: m.Groups["slug"].Value, Lang: m.Groups["lang"].Value)).ToList();
        var expected = waiting.OrderBy(p => p.PublishedAt).ThenBy(p => p.Slug).ToList();
        Assert.Equal(expected.Select(p => p.Slug).Order(), listed.Select(l => l.Slug).Order());
        Assert.Equal(expected.Select(p => p.PublishedAt).Order(), listed.Select(l => waiting.Single(w => w.Slug == l.Slug).PublishedAt));
        Assert.All(listed, l => Assert.Equal(waiting.Single(w => w.Slug == l.Slug).DefaultLanguage, l.Lang));
    }

    [GeneratedRegex("<li><a href=\"/p/(?<slug>[^\"]+)\" lang=\"(?<lang>[a-z]+)\">")]
    private static partial Regex QueueItem();
}
