using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Network;

/// <summary>
/// Issue 11, finding 4: the map's anonymous ids were an unkeyed hash of community and household id,
/// and a project's JSON gave any viewer the owner's household id, so a sponsor computed the hash and
/// put names back on households and their help links. Now a project names its owner by first name
/// and group, and the map's pseudonyms are keyed with a secret the server keeps in the database.
/// </summary>
public sealed class MapPseudonymTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> GetAsync(string login, string path)
    {
        using var client = await app.ApiAsync(login);
        using var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{login} on {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<List<Guid>> DudleyHouseholdsAsync() =>
        await app.WithDbAsync(db => db.Households.Where(h => h.CommunityId == app.Demo.Dudley).Select(h => h.Id).ToListAsync());

    /// <summary>The old "anonymous" id, as anyone could compute it: SHA-256 of the two ids and a fixed text.</summary>
    private static string UnkeyedHash(Guid community, Guid household)
    {
        var input = new byte[50];
        community.TryWriteBytes(input);
        household.TryWriteBytes(input.AsSpan(16));
        Encoding.ASCII.GetBytes("mutua-network-anon", input.AsSpan(32));
        return "h-" + Convert.ToHexStringLower(SHA256.HashData(input)[..5]);
    }

    private static List<string> MapIds(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("households").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
    }

    [Fact]
    public async Task A_sponsor_cannot_put_names_back_on_the_map_from_a_project()
    {
        // 1. The project's JSON, as the sponsor (and anyone signed in, for a public project) reads it: the old one named the household by id.
        var dudley = app.Demo.Dudley;
        var givenAway = new List<Guid>();
        var answers = new List<string>();
        foreach (var (login, project) in new[] { (DemoPeople.SponsorLogin, app.Demo.ToolLibrary), (DemoPeople.RosarioLogin, app.Demo.FoodCart) })
        {
            var body = await GetAsync(login, $"/api/v1/projects/{project}");
            answers.Add(body);
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.GetProperty("owner").TryGetProperty("householdId", out var id) && id.ValueKind == JsonValueKind.String)
                givenAway.Add(id.GetGuid());
        }

        // 2. The household id, hashed as the map hashed it, is looked up on the map: it must find nobody.
        var map = MapIds(await GetAsync(DemoPeople.SponsorLogin, $"/api/v1/communities/{dudley}/network"));
        Assert.True(map.Count >= 5);
        foreach (var household in givenAway.Append(app.Demo.JamalHousehold))
            Assert.DoesNotContain(UnkeyedHash(dudley, household), map);
        // Even knowing every household id of the community (from anywhere), no unkeyed hash of them is on the map.
        var households = await DudleyHouseholdsAsync();
        var guessed = households.Select(h => UnkeyedHash(dudley, h)).ToHashSet();
        Assert.DoesNotContain(map, guessed.Contains);
        var plain = households.SelectMany(h => new[]
        {
            Convert.ToHexStringLower(SHA256.HashData([.. dudley.ToByteArray(), .. h.ToByteArray()]))[..16],
            Convert.ToHexStringLower(SHA256.HashData(h.ToByteArray()))[..16],
        }).ToHashSet();
        Assert.DoesNotContain(map, id => plain.Contains(id[2..]));
        Assert.All(map, id => Assert.Matches("^h-[0-9a-f]{16}$", id));

        // 3. And the project no longer gives the household id away in the first place.
        Assert.Empty(givenAway);
        Assert.All(answers, body => Assert.DoesNotContain(app.Demo.JamalHousehold.ToString(), body, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_project_names_its_owner_by_first_name_and_group_and_gives_the_household_id_only_to_who_may_open_it()
    {
        foreach (var (login, project) in new[]
                 {
                     (DemoPeople.EsperanzaLogin, app.Demo.FoodCart), (DemoPeople.SponsorLogin, app.Demo.ToolLibrary),
                     (DemoPeople.KeishaLogin, app.Demo.ToolLibrary), (DemoPeople.RosarioLogin, app.Demo.FoodCart),
                 })
        {
            var body = await GetAsync(login, $"/api/v1/projects/{project}");
            using var json = JsonDocument.Parse(body);
            var owner = json.RootElement.GetProperty("owner");
            Assert.Equal("Jamal", owner.GetProperty("name").GetString());
            Assert.Equal("Warren Street Circle", owner.GetProperty("groupName").GetString());
            Assert.DoesNotContain(app.Demo.JamalHousehold.ToString(), body, StringComparison.OrdinalIgnoreCase);
        }
        // Those who may open the household (its members, the community's coordinators) still get its id.
        foreach (var login in new[] { DemoPeople.JamalLogin, DemoPeople.DeniseLogin })
        {
            using var json = JsonDocument.Parse(await GetAsync(login, $"/api/v1/projects/{app.Demo.ToolLibrary}"));
            Assert.Equal(app.Demo.JamalHousehold, json.RootElement.GetProperty("owner").GetProperty("householdId").GetGuid());
        }
        // The project's page says the same: first name and group.
        var keisha = await app.PagesAsync(DemoPeople.KeishaLogin);
        var page = await keisha.GetStringAsync($"/p/{app.Demo.ToolLibrarySlug}", Ct);
        Assert.Contains("Jamal · Warren Street Circle", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Jamal &amp; Rosa", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_is_made_once_kept_in_the_database_shared_by_every_node_and_never_shown()
    {
        var path = $"/api/v1/communities/{app.Demo.Dudley}/network";
        var body = await GetAsync(DemoPeople.SponsorLogin, path);
        var keys = await app.WithDbAsync(db => db.PseudonymKeys.AsNoTracking().ToListAsync());
        var key = Assert.Single(keys).Key;
        Assert.Equal(32, key.Length);

        // The pseudonyms are the HMAC of the ids under that key: whoever lacks it cannot make them.
        var households = await DudleyHouseholdsAsync();
        var expected = households.Select(h =>
            "h-" + Convert.ToHexStringLower(HMACSHA256.HashData(key, (byte[])[.. app.Demo.Dudley.ToByteArray(), .. h.ToByteArray()])[..8])).ToHashSet();
        Assert.Subset(expected, MapIds(body).ToHashSet());

        // A second web node over the same database gives the same pseudonyms and makes no second key.
        await using (var second = MutuaFactory.SecondNodeOf(app))
        {
            await second.InitializeAsync();
            using var client = await second.ApiAsync(DemoPeople.SponsorLogin);
            var onSecond = await client.GetStringAsync(path, Ct);
            Assert.Equal(MapIds(body), MapIds(onSecond));
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.PseudonymKeys.CountAsync()));

        // The key itself is in no answer: not the map, its exports, nor what coordinators and admins read.
        foreach (var (login, query) in new[]
                 {
                     (DemoPeople.SponsorLogin, ""), (DemoPeople.SponsorLogin, "?format=csv"), (DemoPeople.SponsorLogin, "?format=gexf"),
                     (DemoPeople.DeniseLogin, "?format=graphml"), (DemoPeople.AdminLogin, ""),
                 })
        {
            var answer = await GetAsync(login, path + query);
            Assert.DoesNotContain(Convert.ToHexStringLower(key)[..16], answer, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(key)[..16], answer, StringComparison.Ordinal);
        }
    }
}
