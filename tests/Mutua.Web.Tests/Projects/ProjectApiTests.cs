using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Projects;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Projects;

/// <summary>Projects over HTTP: the JSON shape, pledges with Idempotency-Key, confirmation, bad input, public pages and photos.</summary>
public sealed class ProjectApiTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> PostProjectAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/projects", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private object NewBody(string title, bool isPublic = true) => new
    {
        householdId = app.Demo.KeishaHousehold, title, story = "Braids, twists and locs on Saturdays.", category = "smallBusiness",
        publish = true, isPublic,
        needs = new object[]
        {
            new { kind = "money", description = "Chair rent", target = 120_000 },
            new { kind = "skills", description = "Bookkeeping", target = 6 },
            new { kind = "time", description = "Painting the room", target = 10 },
            new { kind = "materials", description = "Mirrors", target = 2 },
        },
    };

    [Fact]
    public async Task A_project_lists_its_needs_with_id_and_kind_and_the_same_idempotency_key_makes_one_pledge()
    {
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        var project = await PostProjectAsync(keisha, NewBody($"Braiding corner {Guid.NewGuid():N}"[..24]));
        var needs = project.GetProperty("needs").EnumerateArray().ToList();
        Assert.Equal(["money", "skills", "time", "materials"], needs.Select(n => n.GetProperty("kind").GetString()));
        Assert.All(needs, n => Assert.True(n.GetProperty("id").TryGetGuid(out _)));
        var id = project.GetProperty("id").GetGuid();
        var money = needs[0].GetProperty("id").GetGuid();

        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        async Task<(HttpStatusCode, string)> PledgeAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/pledges")
            {
                Content = JsonContent.Create(new { needId = money, amount = 25_00 }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await denise.SendAsync(request, Ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }
        var first = await PledgeAsync("pledge-7f3a");
        var second = await PledgeAsync("pledge-7f3a");
        Assert.Equal(HttpStatusCode.Created, first.Item1);
        Assert.Equal(first, second);
        Assert.Equal(1, await app.WithDbAsync(db => db.Pledges.CountAsync(p => p.ProjectId == id)));
        var pledgeId = JsonDocument.Parse(first.Item2).RootElement.GetProperty("id").GetGuid();

        // Keisha confirms with a reference; the totals are summed from the pledges.
        using (var missing = await keisha.PostAsJsonAsync($"/api/v1/pledges/{pledgeId}/confirmation", new { reference = "" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("reference_required", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var confirmed = await keisha.PostAsJsonAsync($"/api/v1/pledges/{pledgeId}/confirmation", new { reference = "Zelle 88213" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }
        using (var withdraw = await denise.DeleteAsync($"/api/v1/pledges/{pledgeId}", Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, withdraw.StatusCode);
        }
        var after = JsonDocument.Parse(await keisha.GetStringAsync($"/api/v1/projects/{id}", Ct)).RootElement;
        var moneyNeed = after.GetProperty("needs")[0];
        Assert.Equal(2_500, moneyNeed.GetProperty("confirmed").GetInt64());
        Assert.Equal(120_000, moneyNeed.GetProperty("target").GetInt64());
        Assert.Equal("USD", moneyNeed.GetProperty("currency").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PledgeWithKeyAsync(HttpClient client, Guid project, Guid need, long amount, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{project}/pledges")
        {
            Content = JsonContent.Create(new { needId = need, amount }),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Two_supporters_sending_the_same_idempotency_key_each_get_their_own_pledge_and_never_see_the_others()
    {
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        var project = await PostProjectAsync(keisha, NewBody($"Braiding corner {Guid.NewGuid():N}"[..24]));
        var id = project.GetProperty("id").GetGuid();
        var money = project.GetProperty("needs")[0].GetProperty("id").GetGuid();
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);

        var (deniseStatus, deniseAnswer) = await PledgeWithKeyAsync(denise, id, money, 25_00, "1");
        var (jamalStatus, jamalAnswer) = await PledgeWithKeyAsync(jamal, id, money, 40_00, "1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (deniseStatus, jamalStatus));
        var deniseId = deniseAnswer.GetProperty("id").GetGuid();
        var jamalId = jamalAnswer.GetProperty("id").GetGuid();
        Assert.NotEqual(deniseId, jamalId);
        Assert.Equal(40_00, jamalAnswer.GetProperty("amount").GetInt64());
        Assert.True(jamalAnswer.GetProperty("mine").GetBoolean());
        Assert.DoesNotContain("Denise", jamalAnswer.GetRawText(), StringComparison.Ordinal);

        // Read back: two pledges, each with its own supporter and amount.
        var stored = await app.WithDbAsync(db => db.Pledges.AsNoTracking().Where(p => p.ProjectId == id).OrderBy(p => p.Amount)
            .Select(p => new { p.Id, p.Amount }).ToListAsync());
        Assert.Equal([(deniseId, 25_00L), (jamalId, 40_00L)], stored.Select(p => (p.Id, p.Amount)));
        var owner = JsonDocument.Parse(await keisha.GetStringAsync($"/api/v1/projects/{id}", Ct)).RootElement;
        Assert.Equal(65_00, owner.GetProperty("needs")[0].GetProperty("pledged").GetInt64());
        Assert.Equal(2, owner.GetProperty("pledges").GetArrayLength());
        var jamals = JsonDocument.Parse(await jamal.GetStringAsync($"/api/v1/projects/{id}", Ct)).RootElement.GetProperty("pledges");
        Assert.Equal([jamalId], jamals.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(deniseId.ToString(), jamals.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_idempotency_key_reused_on_another_project_is_a_400_and_changes_neither_project()
    {
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        var a = await PostProjectAsync(keisha, NewBody($"Braiding corner {Guid.NewGuid():N}"[..24]));
        var b = await PostProjectAsync(keisha, NewBody($"Braiding corner {Guid.NewGuid():N}"[..24]));
        var (aId, bId) = (a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        var key = $"reused-{Guid.NewGuid():N}";

        var (firstStatus, first) = await PledgeWithKeyAsync(denise, aId, a.GetProperty("needs")[0].GetProperty("id").GetGuid(), 25_00, key);
        var (againStatus, _) = await PledgeWithKeyAsync(denise, bId, b.GetProperty("needs")[0].GetProperty("id").GetGuid(), 30_00, key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.BadRequest), (firstStatus, againStatus));
        Assert.Equal(0, await app.WithDbAsync(db => db.Pledges.CountAsync(p => p.ProjectId == bId)));
        var onA = await app.WithDbAsync(db => db.Pledges.AsNoTracking().Where(p => p.ProjectId == aId).Select(p => new { p.Id, p.Amount, p.Status }).ToListAsync());
        var only = Assert.Single(onA);
        Assert.Equal((first.GetProperty("id").GetGuid(), 25_00L, PledgeStatus.Pledged), (only.Id, only.Amount, only.Status));
        var bRead = JsonDocument.Parse(await keisha.GetStringAsync($"/api/v1/projects/{bId}", Ct)).RootElement;
        Assert.Equal(0, bRead.GetProperty("needs")[0].GetProperty("pledged").GetInt64());
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_problem_in_the_callers_language_and_never_a_500()
    {
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin, "es");
        async Task<(int, string)> Send(HttpMethod method, string path, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await keisha.SendAsync(request, Ct);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }
        static StringContent Json(string s) => new(s, System.Text.Encoding.UTF8, "application/json");
        var food = app.Demo.FoodCart;

        var cases = new (HttpMethod, string, HttpContent?)[]
        {
            (HttpMethod.Post, "/api/v1/projects", Json("""{"householdId":"00000000-0000-0000-0000-000000000001","title":"x","category":"nonsense"}""")),
            (HttpMethod.Post, "/api/v1/projects", Json($$"""{"householdId":"{{app.Demo.KeishaHousehold}}","title":"","category":"education"}""")),
            (HttpMethod.Post, "/api/v1/projects", Json($$"""{"householdId":"{{app.Demo.KeishaHousehold}}","title":"Ok","category":"education","needs":[{"kind":"money","target":-4}]}""")),
            (HttpMethod.Post, $"/api/v1/projects/{food}/pledges", Json("""{"needId":"not-a-guid","amount":5}""")),
            (HttpMethod.Post, $"/api/v1/projects/{food}/pledges", Json($$"""{"needId":"{{app.Demo.FoodCartMoney}}","amount":"lots"}""")),
            (HttpMethod.Post, $"/api/v1/projects/{food}/pledges", Json($$"""{"needId":"{{app.Demo.FoodCartMoney}}","amount":0}""")),
            (HttpMethod.Post, $"/api/v1/projects/{food}/pledges", Json($$"""{"needId":"{{Guid.NewGuid()}}","amount":10}""")),
            (HttpMethod.Post, $"/api/v1/projects/{food}/pledges", Json("{")),
            (HttpMethod.Get, "/api/v1/projects?category=spaceships", null),
            (HttpMethod.Get, "/api/v1/projects?sort=random", null),
            (HttpMethod.Get, "/api/v1/projects?page=x", null),
            (HttpMethod.Get, "/api/v1/projects?q=%22%20OR%20*%20NEAR(", null),
            (HttpMethod.Post, "/api/v1/pledges/00000000-0000-0000-0000-000000000000/confirmation", Json("{}")),
        };
        foreach (var (method, path, content) in cases)
        {
            var (status, body) = await Send(method, path, content);
            Assert.True(status is 400 or 404 or 200, $"{method} {path} answered {status}: {body}");
            if (status == 400) Assert.Contains("\"title\"", body, StringComparison.Ordinal);
        }
        var (s, b) = await Send(HttpMethod.Post, $"/api/v1/projects/{food}/pledges", Json($$"""{"needId":"{{app.Demo.FoodCartMoney}}","amount":0}"""));
        Assert.Equal(400, s);
        Assert.Contains("Escriba una cantidad mayor que cero.", b, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_project_is_readable_without_signing_in_with_a_link_preview_card_and_a_community_one_is_not()
    {
        var slugs = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == app.Demo.FoodCart || p.Id == app.Demo.ToolLibrary)
            .ToDictionaryAsync(p => p.Id, p => p.Slug));
        using var anonymous = app.NewClient();
        using var open = await anonymous.GetAsync($"/p/{slugs[app.Demo.FoodCart]}", Ct);
        var html = await open.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("<meta property=\"og:title\" content=\"Warren Street food cart\">", html, StringComparison.Ordinal);
        Assert.Contains("property=\"og:image\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"twitter:card\"", html, StringComparison.Ordinal);

        using var closed = await anonymous.GetAsync($"/p/{slugs[app.Demo.ToolLibrary]}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("/Account/Login", closed.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Tool library", await (await anonymous.GetAsync("/Projects?q=tool", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The discovery page answers without JavaScript, filters and all.
        using var discovery = await anonymous.GetAsync("/Projects?q=cart&category=SmallBusiness&need=money&sort=supported", Ct);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.Contains("Warren Street food cart", await discovery.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var nonsense = await anonymous.GetAsync("/Projects?category=1&need=zzz&page=-3", Ct);
        Assert.Equal(HttpStatusCode.OK, nonsense.StatusCode);
    }

    [Fact]
    public async Task An_uploaded_photo_is_served_as_a_fresh_jpeg_and_only_to_those_who_may_see_the_project()
    {
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        var project = await PostProjectAsync(keisha, NewBody($"Closed corner {Guid.NewGuid():N}"[..22], isPublic: false));
        var id = project.GetProperty("id").GetGuid();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(TestPhoto.Png(300, 200)), "photo", "corner.png");
        using var upload = await keisha.PostAsync($"/api/v1/projects/{id}/photos", form, Ct);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var url = JsonDocument.Parse(await upload.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("url").GetString()!;

        var pages = await app.PagesAsync(DemoPeople.KeishaLogin);
        using var mine = await pages.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("image/jpeg", mine.Content.Headers.ContentType!.MediaType);
        var bytes = await mine.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(0xD8, bytes[1]);
        using var stranger = await app.NewClient().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        using var bad = new MultipartFormDataContent();
        bad.Add(new ByteArrayContent("<svg xmlns='http://www.w3.org/2000/svg'></svg>"u8.ToArray()), "photo", "x.jpg");
        using var refused = await keisha.PostAsync($"/api/v1/projects/{id}/photos", bad, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("invalid_photo", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_removes_a_photo_on_the_edit_page_and_nobody_else_can()
    {
        using var keisha = await app.ApiAsync(DemoPeople.KeishaLogin);
        var id = (await PostProjectAsync(keisha, NewBody($"Photo corner {Guid.NewGuid():N}"[..21], isPublic: false))).GetProperty("id").GetGuid();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(TestPhoto.Png(300, 200)), "photo", "corner.png");
        using var upload = await keisha.PostAsync($"/api/v1/projects/{id}/photos", form, Ct);
        var url = JsonDocument.Parse(await upload.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("url").GetString()!;
        var photoId = url.Split('/').Last();
        var owner = await app.PagesAsync(DemoPeople.KeishaLogin);
        var edit = $"/Projects/Edit/{id}";
        Assert.Contains("Remove this photo", await owner.GetStringAsync(edit, Ct), StringComparison.Ordinal);

        // Another family of the same community cannot take it off.
        var other = await app.PagesAsync(DemoPeople.AndreLogin);
        using var refused = await MutuaFactory.PostFormAsync(other, $"{edit}?handler=RemovePhoto", new() { ["photoId"] = photoId }, formPage: "/");
        Assert.NotEqual(HttpStatusCode.Redirect == refused.StatusCode ? refused.Headers.Location!.ToString() : "", $"{edit}?removed=true");
        using (var still = await owner.GetAsync(url, Ct)) Assert.Equal(HttpStatusCode.OK, still.StatusCode);

        using var removed = await MutuaFactory.PostFormAsync(owner, $"{edit}?handler=RemovePhoto", new() { ["photoId"] = photoId }, formPage: edit);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal($"{edit}?removed=true", removed.Headers.Location!.ToString());
        var after = await owner.GetStringAsync(removed.Headers.Location!.ToString(), Ct);
        Assert.Contains("The photo is removed.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Remove this photo", after, StringComparison.Ordinal);
        using var gone = await owner.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
