using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.CheckIns;

/// <summary>"Our progress" after a family's first check-in (issue 13): a change that cannot be known yet says so, not "—".</summary>
public sealed class ProgressPageTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_first_check_in_the_changes_say_when_they_will_be_known()
    {
        using var anonymous = await app.ApiAsync(null, "en");
        using var joined = await anonymous.PostAsJsonAsync("/api/v1/invitation-codes/BST4-NEWS/signup",
            new { firstName = "Nia", fullName = (string?)null, login = "nia.first@example.org", password = "a long pass phrase", language = "en" }, Ct);
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var household = JsonDocument.Parse(await joined.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("householdId").GetGuid();

        using var pages = app.NewClient();
        await MutuaFactory.SignInWithFormAsync(pages, "nia.first@example.org", "a long pass phrase");
        using var saved = await MutuaFactory.PostFormAsync(pages, $"/Households/{household}/CheckIn",
            new() { ["Form.Income[Job]"] = "1,500", ["Form.Savings"] = "200" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await (await pages.GetAsync($"/Households/{household}/Progress", Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("Change in savings: <strong>known after two check-ins</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Change in debts: <strong>known after two check-ins</strong>", html, StringComparison.Ordinal);
    }
}
