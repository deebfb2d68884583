using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Platform;

/// <summary>
/// Two web nodes over one database (DESIGN §4): data-protection keys live in the database, so a
/// cookie or a bearer token made by one node is accepted by the other. On SQLite the two nodes
/// share the file; on PostgreSQL, the database.
/// </summary>
public sealed class SeveralNodesTests(MutuaFactory first) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_and_a_token_from_one_node_work_on_the_other()
    {
        await using var second = MutuaFactory.SecondNodeOf(first);
        await second.InitializeAsync();
        Assert.Equal(first.Demo.Dudley, second.Demo.Dudley);

        // One browser, two nodes behind a load balancer: the same cookie jar for both.
        var jar = new System.Net.CookieContainer();
        using var nodeA = first.CreateDefaultClient(new CookieContainerHandler(jar));
        using var nodeB = second.CreateDefaultClient(new CookieContainerHandler(jar));

        using (var before = await nodeB.GetAsync("/Account/Profile", Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        }
        await MutuaFactory.SignInWithFormAsync(nodeA, DemoPeople.KeishaLogin);
        using (var profile = await nodeB.GetAsync("/Account/Profile", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
            Assert.Contains("Keisha", await profile.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        // A form served by node B posts to node A: the antiforgery token crosses too.
        using (var rename = await MutuaFactory.PostFormAsync(nodeA, $"/Households/{first.Demo.KeishaHousehold}",
            new() { ["Name"] = "Keisha & kids" }, formPage: null))
        {
            Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        }

        // A bearer token from node A's API, used on node B.
        using var api = first.NewClient(cookies: false);
        var token = await MutuaFactory.LoginAsync(api, DemoPeople.DeniseLogin);
        using var onB = second.NewClient(cookies: false);
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var me = await onB.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("Denise", await me.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // And back: B's token on A.
        var tokenB = await MutuaFactory.LoginAsync(onB, DemoPeople.JamalLogin);
        using var onA = first.NewClient(cookies: false);
        onA.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokenB);
        using var meA = await onA.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.OK, meA.StatusCode);
    }
}
