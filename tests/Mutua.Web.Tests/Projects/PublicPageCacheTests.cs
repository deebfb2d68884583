using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Projects;

/// <summary>
/// Public project pages are built once for anonymous visitors and kept a few seconds; the owner's
/// changes, signed-in people and ambassador links always get a page built for them.
/// </summary>
public sealed class PublicPageCacheTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private Task<string> FoodCartSlugAsync() =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Id == app.Demo.FoodCart).Select(p => p.Slug).SingleAsync(Ct));

    [Fact]
    public async Task Anonymous_visitors_share_one_built_page_until_the_owner_changes_the_project()
    {
        var page = $"/p/{await FoodCartSlugAsync()}";
        using var visitor = app.NewClient();
        using var owner = await app.ApiAsync(DemoPeople.JamalLogin);

        using var first = await visitor.GetAsync(page, Ct);
        using var second = await visitor.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(FromCache(first));
        Assert.True(FromCache(second), "the second anonymous view should come from the cache");
        var html = await second.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Warren Street food cart", html, StringComparison.Ordinal);
        // Nothing in a shared page belongs to one visitor: no antiforgery token, no cookie.
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.False(first.Headers.Contains("Set-Cookie"));

        // The owner makes it private: the very next anonymous view is refused, not served stale.
        using var closing = await owner.PatchAsJsonAsync($"/api/v1/projects/{app.Demo.FoodCart}", new { isPublic = false }, Ct);
        Assert.Equal(HttpStatusCode.OK, closing.StatusCode);
        using var closed = await visitor.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        using var opening = await owner.PatchAsJsonAsync($"/api/v1/projects/{app.Demo.FoodCart}", new { isPublic = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, opening.StatusCode);
        using var open = await visitor.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.False(FromCache(open));

        // Each language is its own page.
        using var french = new HttpRequestMessage(HttpMethod.Get, page);
        french.Headers.AcceptLanguage.ParseAdd("fr");
        using var inFrench = await visitor.SendAsync(french, Ct);
        Assert.False(FromCache(inFrench));
        Assert.Contains("lang=\"fr\"", await inFrench.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_people_and_ambassador_links_always_get_a_page_built_for_them()
    {
        var page = $"/p/{await FoodCartSlugAsync()}";
        var signedIn = await app.PagesAsync(DemoPeople.KeishaLogin);
        using var one = await signedIn.GetAsync(page, Ct);
        using var two = await signedIn.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.False(FromCache(two));
        Assert.Contains("__RequestVerificationToken", await two.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        foreach (var query in new[] { "?via=nobody", "?done=pledged" })
        {
            using var visitor = app.NewClient();
            using var a = await visitor.GetAsync(page + query, Ct);
            using var b = await visitor.GetAsync(page + query, Ct);
            Assert.Equal(HttpStatusCode.OK, b.StatusCode);
            Assert.False(FromCache(b), $"{query} must not be served from the cache");
        }

        // The discovery page is shared the same way, per search.
        using var browser = app.NewClient();
        using var search1 = await browser.GetAsync("/Projects?q=cart", Ct);
        using var search2 = await browser.GetAsync("/Projects?q=cart", Ct);
        using var other = await browser.GetAsync("/Projects?q=library", Ct);
        Assert.True(FromCache(search2));
        Assert.False(FromCache(other));
    }

    [Fact]
    public async Task Choosing_a_language_needs_no_token_but_saves_to_the_profile_only_with_one()
    {
        using var visitor = app.NewClient();
        using var chosen = await visitor.PostAsync("/Language",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "rw", ["returnUrl"] = "/Projects" }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/Projects", chosen.Headers.Location!.ToString());
        Assert.Contains("lang=\"rw\"", await visitor.GetStringAsync("/Projects", Ct), StringComparison.Ordinal);

        using var person = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(person, DemoPeople.AndreLogin);
        Task<string> Saved() => app.WithDbAsync(db => db.Users.Where(u => u.Id == app.Demo.Andre).Select(u => u.PreferredLanguage).SingleAsync(Ct));
        var before = await Saved();
        Assert.DoesNotContain(before, new[] { "sw", "fr" });

        // A page elsewhere cannot change a signed-in person's saved language: without the token only the cookie changes.
        using var forged = await person.PostAsync("/Language",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "sw", ["returnUrl"] = "/" }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(before, await Saved());

        using var real = await MutuaFactory.PostFormAsync(person, "/Language", new() { ["language"] = "fr", ["returnUrl"] = "/" }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal("fr", await Saved());
    }
}
