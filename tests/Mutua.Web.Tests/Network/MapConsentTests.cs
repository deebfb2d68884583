using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Communities;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Network;

/// <summary>
/// Names on the help map by consent (issue 11): a household chooses whether its connections carry its
/// name to its group, its community, or nobody. In Dudley, Jamal &amp; Rosa and Denise &amp; Marcus are in
/// Warren Street Circle, Keisha in Dudley Parents, Andre &amp; Tanya in Blue Hill Savers.
/// </summary>
public sealed class MapConsentTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Network(string query = "") => $"/api/v1/communities/{app.Demo.Dudley}/network{query}";

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string? login, HttpMethod method, string path, object? body = null,
        string? language = null)
    {
        using var client = await app.ApiAsync(login, language);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<string> GetAsync(string login, string path)
    {
        var (status, body) = await SendAsync(login, HttpMethod.Get, path);
        Assert.True(status == HttpStatusCode.OK, $"{login} on {path}: {(int)status} {body}");
        return body;
    }

    private async Task ChooseAsync(string login, Guid household, string choice)
    {
        var (status, body) = await SendAsync(login, HttpMethod.Put, $"/api/v1/households/{household}/sharing", new { nameOnMap = choice });
        Assert.True(status == HttpStatusCode.OK, $"{login} choosing {choice}: {(int)status} {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal(choice, json.RootElement.GetProperty("nameOnMap").GetString());
    }

    private async Task<Guid> AndreHouseholdAsync() =>
        await app.WithDbAsync(db => db.HouseholdMembers.Where(m => m.PersonId == app.Demo.Andre).Select(m => m.HouseholdId).SingleAsync());

    private static List<string> Labels(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("households").EnumerateArray()
            .Where(h => h.GetProperty("label").ValueKind == JsonValueKind.String).Select(h => h.GetProperty("label").GetString()!).ToList();
    }

    [Fact]
    public async Task Names_on_the_map_follow_each_households_choice_for_each_viewer()
    {
        var andreHousehold = await AndreHouseholdAsync();
        await ChooseAsync(DemoPeople.JamalLogin, app.Demo.JamalHousehold, "group");
        await ChooseAsync(DemoPeople.KeishaLogin, app.Demo.KeishaHousehold, "nobody");
        await ChooseAsync(DemoPeople.AndreLogin, andreHousehold, "community");

        // Denise coordinates and lives in Warren Street Circle: her group's "group" and the community's "community", never "nobody".
        var denise = await GetAsync(DemoPeople.DeniseLogin, Network());
        Assert.Contains("Jamal & Rosa", Labels(denise));
        Assert.Contains("Andre & Tanya", Labels(denise));
        Assert.DoesNotContain("Keisha", denise, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Demo.KeishaHousehold.ToString(), denise, StringComparison.OrdinalIgnoreCase);

        // Keisha (Dudley Parents) sees her own household, Andre & Tanya, not Jamal & Rosa (their group only).
        var keisha = await GetAsync(DemoPeople.KeishaLogin, Network());
        Assert.Contains("Keisha", Labels(keisha));
        Assert.Contains("Andre & Tanya", Labels(keisha));
        Assert.DoesNotContain("Jamal", keisha, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Demo.JamalHousehold.ToString(), keisha, StringComparison.OrdinalIgnoreCase);
        // Household ids only where the viewer may open the household: her own, not Andre's.
        Assert.Contains(app.Demo.KeishaHousehold.ToString(), keisha, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(andreHousehold.ToString(), keisha, StringComparison.OrdinalIgnoreCase);
        foreach (var format in new[] { "?format=csv", "?format=csv&table=links", "?format=gexf", "?format=graphml" })
        {
            var file = await GetAsync(DemoPeople.KeishaLogin, Network(format));
            Assert.DoesNotContain("Jamal", file, StringComparison.Ordinal);
            Assert.DoesNotContain(app.Demo.JamalHousehold.ToString(), file, StringComparison.OrdinalIgnoreCase);
            if (!format.Contains("links", StringComparison.Ordinal))
                Assert.Contains(format.Contains("csv", StringComparison.Ordinal) ? "Andre & Tanya" : "Andre &amp; Tanya", file, StringComparison.Ordinal);
        }

        // The admin is in no group: the community's names only.
        var admin = await GetAsync(DemoPeople.AdminLogin, Network());
        Assert.Contains("Andre & Tanya", Labels(admin));
        Assert.DoesNotContain("Jamal", admin, StringComparison.Ordinal);
        Assert.DoesNotContain("Keisha", admin, StringComparison.Ordinal);

        // The sponsor, as before: nobody's name, whatever they chose.
        Assert.Empty(Labels(await GetAsync(DemoPeople.SponsorLogin, Network())));

        // The map page: Andre & Tanya named for Keisha, Jamal & Rosa not.
        var page = await (await app.PagesAsync(DemoPeople.KeishaLogin)).GetStringAsync($"/Communities/{app.Demo.Dudley}/Network", Ct);
        Assert.Contains("<title>Andre &amp; Tanya</title>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Jamal", page, StringComparison.Ordinal);
        var deniseExport = await (await app.PagesAsync(DemoPeople.DeniseLogin))
            .GetStringAsync($"/Communities/{app.Demo.Dudley}/Network?handler=Export&format=csv", Ct);
        Assert.Contains("Jamal & Rosa", deniseExport, StringComparison.Ordinal);
        Assert.DoesNotContain("Keisha", deniseExport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_attention_list_names_only_households_that_agreed_and_counts_the_others()
    {
        await app.WithDbAsync(db => db.Households.Where(h => h.CommunityId == app.Demo.Dudley)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.NameOnMap, NameOnMap.Community)));
        var path = $"/api/v1/communities/{app.Demo.Dudley}/network/attention";
        using var all = JsonDocument.Parse(await GetAsync(DemoPeople.DeniseLogin, path));
        var listed = all.RootElement.GetProperty("households").EnumerateArray()
            .Select(h => (Id: h.GetProperty("householdId").GetGuid(), Label: h.GetProperty("label").GetString()!)).ToList();
        Assert.True(listed.Count >= 2, $"the demo should have households nobody helped lately: {all.RootElement}");
        Assert.Equal(0, all.RootElement.GetProperty("keptPrivate").GetInt32());

        // Two of them keep their names from Denise: one by "nobody", one by "group" in Blue Hill Savers (she lives in Warren Street Circle).
        var (privateOne, privateTwo) = (listed[0], listed[1]);
        await app.WithDbAsync(async db =>
        {
            await db.Households.Where(h => h.Id == privateOne.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.NameOnMap, NameOnMap.Nobody));
            await db.Households.Where(h => h.Id == privateTwo.Id).ExecuteUpdateAsync(s => s
                .SetProperty(h => h.NameOnMap, NameOnMap.Group).SetProperty(h => h.GroupId, app.Demo.BlueHillSavers));
        });
        var after = await GetAsync(DemoPeople.DeniseLogin, path);
        using var json = JsonDocument.Parse(after);
        Assert.Equal(listed.Count - 2, json.RootElement.GetProperty("households").GetArrayLength());
        Assert.Equal(2, json.RootElement.GetProperty("keptPrivate").GetInt32());
        Assert.DoesNotContain(privateOne.Id.ToString(), after, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(privateTwo.Id.ToString(), after, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"\"{privateOne.Label}\"", after, StringComparison.Ordinal);

        var page = await (await app.PagesAsync(DemoPeople.DeniseLogin)).GetStringAsync($"/Communities/{app.Demo.Dudley}/Network/Attention", Ct);
        Assert.Contains("and 2 more households who keep their names private", page, StringComparison.Ordinal);
        Assert.DoesNotContain(privateOne.Id.ToString(), page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(privateTwo.Id.ToString(), page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task New_households_keep_their_names_off_the_map_until_they_choose()
    {
        var (status, body) = await SendAsync(DemoPeople.DeniseLogin, HttpMethod.Post, $"/api/v1/communities/{app.Demo.Dudley}/households",
            new { name = "The Newcomers", groupId = app.Demo.DudleyParents });
        Assert.Equal(HttpStatusCode.Created, status);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(NameOnMap.Nobody, await app.WithDbAsync(db => db.Households.Where(h => h.Id == id).Select(h => h.NameOnMap).SingleAsync()));
    }

    [Fact]
    public async Task The_demo_has_most_households_sharing_their_names_with_the_community_and_some_keeping_them_private()
    {
        var choices = await app.WithDbAsync(db => db.Households.Where(h => h.CommunityId == app.Demo.Arvin).Select(h => h.NameOnMap).ToListAsync());
        Assert.True(choices.Count(c => c == NameOnMap.Community) * 2 > choices.Count, string.Join(", ", choices));
        Assert.Contains(NameOnMap.Nobody, choices);
    }

    [Fact]
    public async Task A_household_chooses_on_its_sharing_page_and_through_the_api_and_nobody_else_can()
    {
        // The page, in the household's own words.
        var jamal = await app.PagesAsync(DemoPeople.JamalLogin);
        var sharing = $"/Households/{app.Demo.JamalHousehold}/Sharing";
        var page = await jamal.GetStringAsync(sharing, Ct);
        Assert.Contains("name=\"NameOnMap\"", page, StringComparison.Ordinal);
        using (var saved = await MutuaFactory.PostFormAsync(jamal, sharing, new() { ["NameOnMap"] = "Group" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Equal(NameOnMap.Group, await app.WithDbAsync(db =>
            db.Households.Where(h => h.Id == app.Demo.JamalHousehold).Select(h => h.NameOnMap).SingleAsync()));
        Assert.Contains("value=\"Group\" checked", await jamal.GetStringAsync(sharing, Ct), StringComparison.Ordinal);
        // The household page leads there.
        Assert.Contains(sharing, await jamal.GetStringAsync($"/Households/{app.Demo.JamalHousehold}", Ct), StringComparison.Ordinal);

        // The API reads and writes the same choice.
        using (var json = JsonDocument.Parse(await GetAsync(DemoPeople.JamalLogin, $"/api/v1/households/{app.Demo.JamalHousehold}/sharing")))
        {
            Assert.Equal("group", json.RootElement.GetProperty("nameOnMap").GetString());
        }
        await ChooseAsync(DemoPeople.JamalLogin, app.Demo.JamalHousehold, "community");

        // A wrong value: a problem document in the caller's language, nothing changed.
        var (bad, problem) = await SendAsync(DemoPeople.JamalLogin, HttpMethod.Put, $"/api/v1/households/{app.Demo.JamalHousehold}/sharing",
            new { nameOnMap = (string?)null }, language: "fr");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("\"error\":\"invalid_sharing_choice\"", problem, StringComparison.Ordinal);
        Assert.Contains("carte", problem, StringComparison.Ordinal);
        Assert.Equal(NameOnMap.Community, await app.WithDbAsync(db =>
            db.Households.Where(h => h.Id == app.Demo.JamalHousehold).Select(h => h.NameOnMap).SingleAsync()));

        // Not the coordinator, not a neighbour: nobody outside a family edits its data.
        foreach (var login in new[] { DemoPeople.DeniseLogin, DemoPeople.KeishaLogin, DemoPeople.SponsorLogin })
        {
            var (status, _) = await SendAsync(login, HttpMethod.Put, $"/api/v1/households/{app.Demo.JamalHousehold}/sharing", new { nameOnMap = "nobody" });
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{login} got {status}");
        }
        Assert.Equal(NameOnMap.Community, await app.WithDbAsync(db =>
            db.Households.Where(h => h.Id == app.Demo.JamalHousehold).Select(h => h.NameOnMap).SingleAsync()));
    }
}
