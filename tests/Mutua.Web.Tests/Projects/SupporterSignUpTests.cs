using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Projects;

/// <summary>
/// A supporter who is not a family (issue 13): a funder, a friend of an ambassador or a neighbour signs up from a public
/// project's page or share link, with no household and no code, and lands back on the project's pledge form.
/// </summary>
public sealed class SupporterSignUpTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<(string Slug, string Title)> FoodCartAsync() => app.WithDbAsync(db => db.Projects.Where(p => p.Id == app.Demo.FoodCart)
        .Select(p => new ValueTuple<string, string>(p.Slug, p.Title)).SingleAsync());

    private static Dictionary<string, string> Form(string project, string login) => new()
    {
        ["Project"] = project, ["FirstName"] = "Nadia", ["Login"] = login, ["Password"] = "a long pass phrase", ["Language"] = "fr",
    };

    [Fact]
    public async Task A_visitor_signs_up_from_a_public_project_with_no_household_and_lands_on_its_pledge_form()
    {
        var (slug, title) = await FoodCartAsync();
        using var visitor = app.NewClient();
        using var page = await visitor.GetAsync($"/p/{slug}", Ct);
        Assert.Contains($"href=\"/Account/SignUp?project={slug}\"", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var form = await visitor.GetAsync($"/Account/SignUp?project={slug}", Ct);
        Assert.Contains(WebUtility.HtmlEncode(title), await form.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var signedUp = await MutuaFactory.PostFormAsync(visitor, "/Account/SignUp", Form(slug, "nadia.funder@example.org"), formPage: $"/Account/SignUp?project={slug}");

        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.Equal($"/p/{slug}#pledge", signedUp.Headers.Location!.OriginalString);
        var person = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "nadia.funder@example.org"));
        Assert.Equal(("Nadia", "fr"), (person.FirstName, person.PreferredLanguage));
        Assert.False(await app.WithDbAsync(db => db.HouseholdMembers.AnyAsync(m => m.PersonId == person.Id)));
        Assert.False(await app.WithDbAsync(db => db.CommunityRoles.AnyAsync(r => r.PersonId == person.Id)));

        // Signed in: the project page has the pledge form, and a pledge is made.
        using var back = await visitor.GetAsync($"/p/{slug}", Ct);
        Assert.Contains("id=\"pledge\"", await back.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var pledged = await MutuaFactory.PostFormAsync(visitor, $"/p/{slug}?handler=Pledge",
            new() { ["needId"] = app.Demo.FoodCartMoney.ToString(), ["amount"] = "25" }, formPage: $"/p/{slug}");
        Assert.Equal(HttpStatusCode.Redirect, pledged.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Pledges.AnyAsync(p => p.PersonId == person.Id && p.ProjectId == app.Demo.FoodCart)));
    }

    [Fact]
    public async Task A_sign_up_through_an_ambassadors_link_counts_for_the_ambassador()
    {
        var (slug, _) = await FoodCartAsync();
        using var innocent = await app.ApiAsync("+250780000108");
        async Task<(string Code, int SignUps)> DashboardAsync()
        {
            using var answer = await innocent.GetAsync("/api/v1/ambassador", Ct);
            var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct)).RootElement;
            return (json.GetProperty("code").GetString()!, json.GetProperty("signUps").GetInt32());
        }
        var (via, before) = await DashboardAsync();
        using var visitor = app.NewClient();
        using var shared = await visitor.GetAsync($"/p/{slug}?via={via}", Ct);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);

        using var signedUp = await MutuaFactory.PostFormAsync(visitor, "/Account/SignUp", Form(slug, "+250788555123"), formPage: $"/Account/SignUp?project={slug}");

        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.Equal(before + 1, (await DashboardAsync()).SignUps);
    }

    [Theory]
    [InlineData("no-such-project")]
    [InlineData("https://evil.example/")]
    public async Task Without_a_public_project_the_sign_up_leads_to_discovery_never_elsewhere(string project)
    {
        using var visitor = app.NewClient();
        using var signedUp = await MutuaFactory.PostFormAsync(visitor, "/Account/SignUp", Form(project, $"nobody.{Guid.NewGuid():N}@example.org"),
            formPage: "/Account/SignUp");

        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.Equal("/Projects", signedUp.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_login_already_taken_is_refused_in_the_persons_language_and_creates_nobody()
    {
        using var visitor = app.NewClient();
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        using var refused = await MutuaFactory.PostFormAsync(visitor, "/Account/SignUp?culture=es", Form("", DemoPeople.KeishaLogin), formPage: "/Account/SignUp?culture=es");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Alguien ya se registró con ese teléfono o correo. Intente entrar.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }
}
