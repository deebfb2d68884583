using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Validation;

/// <summary>
/// DESIGN §6: bad input gets a clear message in the person's language and changes nothing; never a 500.
/// Each case sends one bad request as a rightful user (so it is the input, not the person, that is refused).
/// </summary>
public sealed class BadInputTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record BadRequest(string Name, string Login, string Method, Func<DemoPeople, string> Path, string? Json,
        string ContentType = "application/json");

    private const string Coordinator = DemoPeople.DeniseLogin;
    private const string Admin = DemoPeople.AdminLogin;
    private const string Jamal = DemoPeople.JamalLogin;
    private static readonly string Long81 = new('x', 81);
    private static readonly string Long101 = new('x', 101);

    public static readonly BadRequest[] Cases =
    [
        // Names: empty, blank, too long, wrong type, missing.
        new("group name empty", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", "{\"name\":\"\"}"),
        new("group name blank", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", "{\"name\":\"   \"}"),
        new("group name missing", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", "{}"),
        new("group name too long", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", $"{{\"name\":\"{Long81}\"}}"),
        new("group name a number", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", "{\"name\":42}"),
        new("group name an array", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", "{\"name\":[\"a\"]}"),
        new("group name already used", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", "{\"name\":\"Dudley Parents\"}"),
        new("group body not JSON", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", "{\"name\":"),
        new("group body empty", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", ""),
        new("group body JSON null", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", "null"),
        new("group body as plain text", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", "name=x", "text/plain"),
        new("group body as a form", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/groups", "name=x", "application/x-www-form-urlencoded"),
        new("group rename empty", Coordinator, "PATCH", d => $"/api/v1/groups/{d.WarrenStreetCircle}", "{\"name\":\"\"}"),
        new("group rename too long", Coordinator, "PATCH", d => $"/api/v1/groups/{d.WarrenStreetCircle}", $"{{\"name\":\"{Long81}\"}}"),
        new("group rename to a sibling's name", Coordinator, "PATCH", d => $"/api/v1/groups/{d.WarrenStreetCircle}", "{\"name\":\"Blue Hill Savers\"}"),
        new("household name empty", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/households", "{\"name\":\"\"}"),
        new("household name too long", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/households", $"{{\"name\":\"{Long81}\"}}"),
        new("household in another community's group", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/households",
            "{\"name\":\"Visitors\",\"groupId\":\"GROUP\"}".Replace("GROUP", "{0}", StringComparison.Ordinal)),
        new("household groupId not a guid", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/households", "{\"name\":\"X\",\"groupId\":\"not-a-guid\"}"),
        new("household rename empty", Jamal, "PATCH", d => $"/api/v1/households/{d.JamalHousehold}", "{\"name\":\"\"}"),
        new("household rename too long", Jamal, "PATCH", d => $"/api/v1/households/{d.JamalHousehold}", $"{{\"name\":\"{Long81}\"}}"),
        new("household rename a boolean", Jamal, "PATCH", d => $"/api/v1/households/{d.JamalHousehold}", "{\"name\":true}"),
        new("household move to an unknown group", Coordinator, "PATCH", d => $"/api/v1/households/{d.JamalHousehold}", $"{{\"groupId\":\"{Guid.NewGuid()}\"}}"),
        new("household move to another community's group", Coordinator, "PATCH", d => $"/api/v1/households/{d.JamalHousehold}",
            "{\"groupId\":\"{0}\"}"),
        new("ungroup not a boolean", Coordinator, "PATCH", d => $"/api/v1/households/{d.JamalHousehold}", "{\"ungroup\":\"yes please\"}"),

        // Communities (admin).
        new("community without a place", Admin, "POST", _ => "/api/v1/communities",
            "{\"name\":\"Nowhere\",\"place\":\"\",\"country\":\"US\",\"defaultLanguage\":\"en\",\"currency\":\"USD\",\"timeZone\":\"America/New_York\"}"),
        new("community name too long", Admin, "POST", _ => "/api/v1/communities",
            $"{{\"name\":\"{Long101}\",\"place\":\"P\",\"country\":\"US\",\"defaultLanguage\":\"en\",\"currency\":\"USD\",\"timeZone\":\"America/New_York\"}}"),
        new("community unknown country", Admin, "POST", _ => "/api/v1/communities",
            "{\"name\":\"Atlantis\",\"place\":\"P\",\"country\":\"XX\",\"defaultLanguage\":\"en\",\"currency\":\"USD\",\"timeZone\":\"America/New_York\"}"),
        new("community unknown language", Admin, "POST", _ => "/api/v1/communities",
            "{\"name\":\"Atlantis\",\"place\":\"P\",\"country\":\"US\",\"defaultLanguage\":\"de\",\"currency\":\"USD\",\"timeZone\":\"America/New_York\"}"),
        new("community unknown currency", Admin, "POST", _ => "/api/v1/communities",
            "{\"name\":\"Atlantis\",\"place\":\"P\",\"country\":\"US\",\"defaultLanguage\":\"en\",\"currency\":\"XYZ\",\"timeZone\":\"America/New_York\"}"),
        new("community unknown time zone", Admin, "POST", _ => "/api/v1/communities",
            "{\"name\":\"Atlantis\",\"place\":\"P\",\"country\":\"US\",\"defaultLanguage\":\"en\",\"currency\":\"USD\",\"timeZone\":\"Mars/Olympus_Mons\"}"),
        new("community name already used", Admin, "POST", _ => "/api/v1/communities",
            "{\"name\":\"Arvin Unidos\",\"place\":\"P\",\"country\":\"US\",\"defaultLanguage\":\"es\",\"currency\":\"USD\",\"timeZone\":\"America/Los_Angeles\"}"),
        new("community fields missing", Admin, "POST", _ => "/api/v1/communities", "{\"name\":\"Half\"}"),
        new("community country a number", Admin, "POST", _ => "/api/v1/communities",
            "{\"name\":\"Atlantis\",\"place\":\"P\",\"country\":1,\"defaultLanguage\":\"en\",\"currency\":\"USD\",\"timeZone\":\"America/New_York\"}"),

        // Roles.
        new("role unknown name", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/people/{d.Andre}/roles", "{\"role\":\"emperor\"}"),
        new("role out of range", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/people/{d.Andre}/roles", "{\"role\":99}"),
        new("role member given bare", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/people/{d.Andre}/roles", "{\"role\":\"member\"}"),
        new("role already held", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/people/{d.Keisha}/roles", "{\"role\":\"member\"}"),
        new("role for someone outside the community", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/people/{d.Rosario}/roles", "{\"role\":\"supporter\"}"),
        new("role for an unknown person", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/people/{Guid.NewGuid()}/roles", "{\"role\":\"supporter\"}"),
        new("role taken back that is not held", Coordinator, "DELETE", d => $"/api/v1/communities/{d.Dudley}/people/{d.Andre}/roles/Ambassador", null),
        new("role taken back with an unknown name", Coordinator, "DELETE", d => $"/api/v1/communities/{d.Dudley}/people/{d.Andre}/roles/emperor", null),

        // Invitations.
        new("invitation role unknown", Jamal, "POST", d => $"/api/v1/communities/{d.Dudley}/invitations", "{\"role\":\"king\"}"),
        new("invitation household of another community", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/invitations",
            "{\"role\":\"member\",\"householdId\":\"{1}\"}"),
        new("invitation unknown household", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/invitations", $"{{\"role\":\"member\",\"householdId\":\"{Guid.NewGuid()}\"}}"),
        new("invitation group of another community", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/invitations",
            "{\"role\":\"member\",\"groupId\":\"{0}\"}"),
        new("invitation household name too long", Jamal, "POST", d => $"/api/v1/communities/{d.Dudley}/invitations",
            $"{{\"role\":\"member\",\"newHouseholdName\":\"{Long81}\"}}"),
        new("invitation groupId not a guid", Coordinator, "POST", d => $"/api/v1/communities/{d.Dudley}/invitations", "{\"role\":\"member\",\"groupId\":12}"),
        new("withdraw an unknown invitation", Coordinator, "DELETE", _ => $"/api/v1/invitations/{Guid.NewGuid()}", null),

        // Unknown and malformed ids.
        new("unknown community", Admin, "GET", _ => $"/api/v1/communities/{Guid.NewGuid()}", null),
        new("unknown group", Admin, "GET", _ => $"/api/v1/groups/{Guid.NewGuid()}", null),
        new("unknown household", Admin, "GET", _ => $"/api/v1/households/{Guid.NewGuid()}", null),
        new("groups of an unknown community", Coordinator, "POST", _ => $"/api/v1/communities/{Guid.NewGuid()}/groups", "{\"name\":\"Lost\"}"),
        new("rename an unknown group", Coordinator, "PATCH", _ => $"/api/v1/groups/{Guid.NewGuid()}", "{\"name\":\"Lost\"}"),
        new("malformed community id", Admin, "GET", _ => "/api/v1/communities/not-a-guid", null),
        new("malformed group id", Coordinator, "PATCH", _ => "/api/v1/groups/1234", "{\"name\":\"Lost\"}"),
        new("malformed household id", Admin, "GET", _ => "/api/v1/households/%27%20OR%201%3D1", null),
        new("malformed invitation id", Coordinator, "DELETE", _ => "/api/v1/invitations/zzzz", null),

        // Profile.
        new("first name empty", Jamal, "PATCH", _ => "/api/v1/me", "{\"firstName\":\"\"}"),
        new("first name too long", Jamal, "PATCH", _ => "/api/v1/me", $"{{\"firstName\":\"{new string('x', 61)}\"}}"),
        new("full name too long", Jamal, "PATCH", _ => "/api/v1/me", $"{{\"fullName\":\"{new string('x', 121)}\"}}"),
        new("language not offered", Jamal, "PATCH", _ => "/api/v1/me", "{\"language\":\"de\"}"),
        new("language a number", Jamal, "PATCH", _ => "/api/v1/me", "{\"language\":7}"),

        // Sign-in.
        new("sign-in without a body", Jamal, "POST", _ => "/api/v1/auth/login", ""),
        new("sign-in with wrong types", Jamal, "POST", _ => "/api/v1/auth/login", "{\"login\":1,\"password\":2}"),

        // Check-ins.
        new("check-in month 13", Jamal, "PUT", d => $"/api/v1/households/{d.JamalHousehold}/checkins/2025-13", "{}"),
        new("check-in month garbage", Jamal, "PUT", d => $"/api/v1/households/{d.JamalHousehold}/checkins/last-month", "{}"),
        new("check-in month in the future", Jamal, "PUT", d => $"/api/v1/households/{d.JamalHousehold}/checkins/2999-01", "{}"),
        new("check-in negative savings", Jamal, "PUT", d => $"/api/v1/households/{d.JamalHousehold}/checkins/2025-01", "{\"savingsBalance\":-5}"),
        new("check-in savings as text", Jamal, "PUT", d => $"/api/v1/households/{d.JamalHousehold}/checkins/2025-01", "{\"savingsBalance\":\"lots\"}"),
        new("check-in health rating 9", Jamal, "PUT", d => $"/api/v1/households/{d.JamalHousehold}/checkins/2025-01", "{\"healthRating\":9}"),
        new("check-in notes too long", Jamal, "PUT", d => $"/api/v1/households/{d.JamalHousehold}/checkins/2025-01", $"{{\"whatsNew\":\"{new string('x', 1001)}\"}}"),
        new("check-in savings beyond a long", Jamal, "PUT", d => $"/api/v1/households/{d.JamalHousehold}/checkins/2025-01", "{\"savingsBalance\":99999999999999999999999}"),
    ];

    public static TheoryData<string> CaseNames() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_gets_a_4xx_with_a_message_and_changes_nothing(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var d = app.Demo;
        using var client = await app.ApiAsync(c.Login);
        await MatrixState.ResetAsync(app);
        var before = await MatrixState.FingerprintAsync(app);

        using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Path(d));
        if (c.Json is not null)
        {
            var json = c.Json.Replace("{0}", d.GrupoEsperanza.ToString(), StringComparison.Ordinal)
                .Replace("{1}", d.RosarioHousehold.ToString(), StringComparison.Ordinal);
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new(c.ContentType);
        }
        using var response = await client.SendAsync(request, Ct);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(status is >= 400 and < 500, $"{name}: expected a 4xx, got {status}: {body}");
        Assert.True(body.Length > 0, $"{name}: {status} without a message");
        if (response.StatusCode != HttpStatusCode.NotFound || body.Length > 0)
        {
            // Every refusal that has a body says why, as a problem document.
            using var problem = JsonDocument.Parse(body);
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()), $"{name}: no message in {body}");
        }
        Assert.Equal(before, await MatrixState.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_refusal_is_in_the_language_the_person_asked_for()
    {
        using var english = await app.ApiAsync(DemoPeople.DeniseLogin, "en");
        using var spanish = await app.ApiAsync(DemoPeople.DeniseLogin, "es");
        using var french = await app.ApiAsync(DemoPeople.DeniseLogin, "fr");
        var path = $"/api/v1/communities/{app.Demo.Dudley}/groups";
        var titles = new List<string>();
        foreach (var client in new[] { english, spanish, french })
        {
            using var response = await client.PostAsJsonAsync(path, new { name = "" }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal("name_required", problem.RootElement.GetProperty("error").GetString());
            titles.Add(problem.RootElement.GetProperty("title").GetString()!);
        }
        Assert.Equal("Please enter a name.", titles[0]);
        Assert.Equal(3, titles.Distinct().Count());

        using var malformed = new StringContent("{\"name\":", Encoding.UTF8, "application/json");
        using var bad = await spanish.PostAsync(path, malformed, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var badProblem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct));
        Assert.NotEqual("We could not read that request. Check that every field has the right kind of value.",
            badProblem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Role_names_in_the_path_are_read_as_the_api_writes_them()
    {
        // The API writes roles in lowercase ("supporter", in JSON bodies and in /me); the path must accept that form too.
        var d = app.Demo;
        await MatrixState.ResetAsync(app);
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var granted = await denise.PostAsJsonAsync($"/api/v1/communities/{d.Dudley}/people/{d.Andre}/roles", new { role = "supporter" }, Ct);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        using var revoked = await denise.DeleteAsync($"/api/v1/communities/{d.Dudley}/people/{d.Andre}/roles/supporter", Ct);
        Assert.True(revoked.StatusCode == HttpStatusCode.OK,
            $"DELETE …/roles/supporter answered {(int)revoked.StatusCode}: {await revoked.Content.ReadAsStringAsync(Ct)}");
        await MatrixState.ResetAsync(app);
    }

    [Theory]
    [InlineData("/Groups/not-a-guid")]
    [InlineData("/Households/12345")]
    [InlineData("/Communities/00000000-0000-0000-0000-000000000000")]
    [InlineData("/Groups/6f9619ff-8b86-d011-b42d-00cf4fc964ff")]
    [InlineData("/Households/6f9619ff-8b86-d011-b42d-00cf4fc964ff")]
    [InlineData("/Communities/6f9619ff-8b86-d011-b42d-00cf4fc964ff/People")]
    [InlineData("/Join?code=%27%3B--")]
    [InlineData("/Join?code=ZZZZ-ZZZZ")]
    [InlineData("/Status/999999999999")]
    [InlineData("/no/such/page")]
    public async Task Unknown_or_malformed_pages_are_a_friendly_4xx_or_a_page_never_a_500(string path)
    {
        var client = await app.PagesAsync(DemoPeople.AdminLogin);
        using var response = await client.GetAsync(path, Ct);
        Assert.True((int)response.StatusCode is 200 or 404, $"{path} answered {(int)response.StatusCode}");
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_an_empty_or_too_long_name_shows_the_reason_and_changes_nothing()
    {
        var client = await app.PagesAsync(DemoPeople.DeniseLogin);
        await MatrixState.ResetAsync(app);
        var before = await MatrixState.FingerprintAsync(app);
        foreach (var name in new[] { "", "   ", Long81 })
        {
            using var response = await MutuaFactory.PostFormAsync(client, $"/Groups/{app.Demo.WarrenStreetCircle}?handler=Rename",
                new() { ["Name"] = name });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("field-error", html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await MatrixState.FingerprintAsync(app));
    }
}
