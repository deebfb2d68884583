using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Savings;

/// <summary>
/// "Backed by our savings group" on a project page (issue 14). The demo's VSLAs lend a member with a project for it, and
/// the family shows it: anyone who may see the project reads the amount; when the family stops showing it, it goes from
/// every page, the anonymous (cached) one included, and stays on the family's own view with the choice to show it again.
/// </summary>
public sealed class LoanForProjectPageTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Backed(Guid ProjectId, string Slug, long Amount, string Login, string NeighbourLogin, bool IsPublic);

    private Task<Backed> BackedProjectAsync() => app.WithDbAsync(async db =>
    {
        // A household's project (the demo also lends for projects a member started alone): its family are its owners.
        var backing = await db.ProjectBackings.AsNoTracking()
            .Where(b => db.Projects.Any(p => p.Id == b.ProjectId && p.HouseholdId != null))
            .GroupBy(b => b.ProjectId)
            .Select(g => new { ProjectId = g.Key, Amount = g.Sum(b => b.Amount) }).OrderBy(g => g.ProjectId).FirstOrDefaultAsync(Ct);
        Assert.True(backing is not null, "the demo has no savings loan for a project");
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == backing.ProjectId, Ct);
        Assert.True(project.ShowsSavingsBacking, "the demo's family did not show its backing");
        var owner = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == project.HouseholdId)
            .Select(m => m.Person!.Email ?? m.Person.PhoneNumber).FirstAsync(Ct);
        // A neighbour: of the same community, not of the family, so they see the project but may not change it.
        var neighbour = await db.HouseholdMembers.AsNoTracking()
            .Where(m => m.Household!.CommunityId == project.CommunityId && m.HouseholdId != project.HouseholdId
                && !db.HouseholdMembers.Any(x => x.PersonId == m.PersonId && x.HouseholdId == project.HouseholdId))
            .Select(m => m.Person!.Email ?? m.Person.PhoneNumber).FirstAsync(Ct);
        return new Backed(project.Id, project.Slug, backing.Amount, owner!, neighbour!, project.IsPublic);
    });

    [Fact]
    public async Task The_amount_lent_shows_on_the_project_until_the_family_stops_showing_it()
    {
        var b = await BackedProjectAsync();
        var visitor = b.IsPublic ? app.NewClient() : await app.PagesAsync(b.NeighbourLogin);
        var page = await visitor.GetStringAsync($"/p/{b.Slug}", Ct);
        Assert.Contains("class=\"backed\"", page, StringComparison.Ordinal);

        var family = await app.PagesAsync(b.Login);
        var own = await family.GetStringAsync($"/p/{b.Slug}", Ct);
        Assert.Contains("id=\"savings-backing\"", own, StringComparison.Ordinal);

        using var hidden = await MutuaFactory.PostFormAsync(family, $"/p/{b.Slug}?handler=SavingsBacking", new() { ["show"] = "false" },
            formPage: $"/p/{b.Slug}");
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Projects.Where(p => p.Id == b.ProjectId).Select(p => p.ShowsSavingsBacking).SingleAsync(Ct)));
        Assert.DoesNotContain("class=\"backed\"", await visitor.GetStringAsync($"/p/{b.Slug}", Ct), StringComparison.Ordinal);
        var stillOwn = await family.GetStringAsync($"/p/{b.Slug}", Ct);
        Assert.DoesNotContain("class=\"backed\"", stillOwn, StringComparison.Ordinal);
        Assert.Contains("name=\"show\" value=\"true\"", stillOwn, StringComparison.Ordinal);

        // Someone who is not of the family cannot show it for them.
        var other = await app.PagesAsync(b.NeighbourLogin);
        using var refused = await MutuaFactory.PostFormAsync(other, $"/p/{b.Slug}?handler=SavingsBacking", new() { ["show"] = "true" },
            formPage: $"/p/{b.Slug}");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || refused.Headers.Location?.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal) == true,
            $"a neighbour's change answered {(int)refused.StatusCode} {refused.Headers.Location}");
        Assert.False(await app.WithDbAsync(db => db.Projects.Where(p => p.Id == b.ProjectId).Select(p => p.ShowsSavingsBacking).SingleAsync(Ct)));

        using var shown = await MutuaFactory.PostFormAsync(family, $"/p/{b.Slug}?handler=SavingsBacking", new() { ["show"] = "true" },
            formPage: $"/p/{b.Slug}");
        Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
        Assert.Contains("class=\"backed\"", await visitor.GetStringAsync($"/p/{b.Slug}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_gives_the_backing_to_everyone_who_sees_the_project_once_shown()
    {
        var b = await BackedProjectAsync();
        var api = await app.ApiAsync(b.NeighbourLogin);
        using var json = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{b.ProjectId}", Ct));
        var backing = json.RootElement.GetProperty("savingsBacking");
        Assert.Equal(b.Amount, backing.GetProperty("amount").GetInt64());
        Assert.True(backing.GetProperty("shown").GetBoolean());
    }
}
