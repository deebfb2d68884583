using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Communities;

/// <summary>The People page a coordinator uses (issue 13): paged, searchable, and no role given by a slip of the finger.</summary>
public sealed class PeoplePageTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Page => $"/Communities/{app.Demo.Dudley}/People";

    private Task<List<Role>> RolesOfAndreAsync() => app.WithDbAsync(db => db.CommunityRoles.AsNoTracking()
        .Where(r => r.CommunityId == app.Demo.Dudley && r.PersonId == app.Demo.Andre).Select(r => r.Role).ToListAsync());

    [Fact]
    public async Task The_role_picker_starts_on_no_role_and_lists_the_smallest_role_first()
    {
        var admin = await app.PagesAsync(DemoPeople.AdminLogin);
        var html = await (await admin.GetAsync(Page, Ct)).Content.ReadAsStringAsync(Ct);

        var picker = Regex.Match(html, "<select name=\"role\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        var values = Regex.Matches(picker, "<option value=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("", values[0]);
        Assert.Equal("Supporter", values[1]);
        Assert.Equal("Coordinator", values[^1]);
        Assert.DoesNotContain("selected", picker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_is_given_only_once_it_is_chosen_and_confirmed()
    {
        var denise = await app.PagesAsync(DemoPeople.DeniseLogin);
        var before = await RolesOfAndreAsync();

        using var none = await MutuaFactory.PostFormAsync(denise, Page + "?handler=Grant", new() { ["personId"] = app.Demo.Andre.ToString(), ["role"] = "" }, formPage: Page);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Please choose a role.", await none.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var asked = await MutuaFactory.PostFormAsync(denise, Page + "?handler=Grant", new() { ["personId"] = app.Demo.Andre.ToString(), ["role"] = "Ambassador" }, formPage: Page);
        var question = await asked.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("the role Ambassador?", question, StringComparison.Ordinal);
        Assert.Contains("name=\"confirmed\" value=\"true\"", question, StringComparison.Ordinal);
        Assert.Equal(before, await RolesOfAndreAsync());

        using var confirmed = await MutuaFactory.PostFormAsync(denise, Page + "?handler=Grant",
            new() { ["personId"] = app.Demo.Andre.ToString(), ["role"] = "Ambassador", ["confirmed"] = "true" }, formPage: Page);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains(Role.Ambassador, await RolesOfAndreAsync());
    }

    [Fact]
    public async Task People_are_found_by_first_name_or_household_and_a_search_that_finds_nobody_says_so()
    {
        var denise = await app.PagesAsync(DemoPeople.DeniseLogin);

        var keisha = await (await denise.GetAsync(Page + "?q=keis", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<strong>Keisha</strong>", keisha, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>Jamal</strong>", keisha, StringComparison.Ordinal);

        var nobody = await (await denise.GetAsync(Page + "?q=zzqx", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Nobody here matches “zzqx”.", nobody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_comes_a_page_at_a_time()
    {
        var denise = await app.PagesAsync(DemoPeople.DeniseLogin);
        var all = await app.WithDbAsync(db => db.CommunityRoles.Where(r => r.CommunityId == app.Demo.Dudley).Select(r => r.PersonId).Distinct().CountAsync());

        var first = await (await denise.GetAsync(Page, Ct)).Content.ReadAsStringAsync(Ct);
        var rows = Regex.Count(first, "<tr>\\s*<td><strong>");

        Assert.Equal(Math.Min(all, Mutua.Web.Pages.Communities.PeopleModel.PageSize), rows);
        Assert.Equal(all > Mutua.Web.Pages.Communities.PeopleModel.PageSize, first.Contains("?page=2", StringComparison.Ordinal));
    }
}
