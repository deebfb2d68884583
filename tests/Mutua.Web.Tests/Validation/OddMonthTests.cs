using System.Net;
using System.Text.Json;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Validation;

/// <summary>
/// Issue 11, finding 6: months near the ends of the calendar (0001-01, 9999-12) made the insights answer
/// 500, and the API answer with the HTML error page. A month outside 2000-01 … 2099-12 is the caller's
/// mistake: a 400 problem document in their language on the API, the reason on the page.
/// </summary>
public sealed class OddMonthTests(MutuaFactory app) : IClassFixture<MutuaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly TheoryData<string> OddWindows = new(
        "from=0001-01&to=0001-12", "to=0001-01", "from=0001-01", "from=9999-12&to=9999-12", "to=9999-12", "from=1999-12&to=2000-01",
        "from=2099-12&to=2100-01");

    private static readonly string[] Formats = ["", "&format=json", "&format=csv", "&format=xlsx"];

    [Theory]
    [MemberData(nameof(OddWindows))]
    public async Task Insights_api_refuses_a_month_out_of_range_with_a_json_problem_in_the_callers_language(string window)
    {
        using var spanish = await app.ApiAsync(DemoPeople.DeniseLogin, "es");
        // A browser-like Accept must not turn the answer into the HTML error page.
        spanish.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        foreach (var format in Formats)
        {
            var path = $"/api/v1/communities/{app.Demo.Dudley}/insights?{window}{format}";
            using var response = await spanish.GetAsync(path, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal("month_out_of_range", problem.RootElement.GetProperty("error").GetString());
            Assert.Equal("Elija un mes entre enero de 2000 y diciembre de 2099.", problem.RootElement.GetProperty("title").GetString());
        }
    }

    [Theory]
    [InlineData("/api/v1/communities/{c}/network?from=0001-01&to=0001-12")]
    [InlineData("/api/v1/communities/{c}/network?to=0001-01")]
    [InlineData("/api/v1/communities/{c}/network?to=9999-12&format=csv")]
    [InlineData("/api/v1/communities/{c}/network/attention?to=0001-01")]
    [InlineData("/api/v1/households/{h}/circle?from=0001-01&to=0001-02")]
    [InlineData("/api/v1/households/{h}/checkins/0001-01")]
    [InlineData("/api/v1/households/{h}/checkins/9999-12")]
    public async Task Every_api_month_is_read_the_same_way(string template)
    {
        using var denise = await app.ApiAsync(DemoPeople.DeniseLogin);
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        var path = template.Replace("{c}", app.Demo.Dudley.ToString(), StringComparison.Ordinal)
            .Replace("{h}", app.Demo.JamalHousehold.ToString(), StringComparison.Ordinal);
        using var response = await (path.Contains("/households/", StringComparison.Ordinal) ? jamal : denise).GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("month_out_of_range", problem.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_check_in_cannot_be_written_for_a_month_out_of_range()
    {
        using var jamal = await app.ApiAsync(DemoPeople.JamalLogin);
        await MatrixState.ResetAsync(app);
        var before = await MatrixState.FingerprintAsync(app);
        foreach (var month in new[] { "0001-01", "1999-12", "9999-12" })
        {
            using var content = new StringContent("{\"savingsBalance\":100}", System.Text.Encoding.UTF8, "application/json");
            using var response = await jamal.PutAsync($"/api/v1/households/{app.Demo.JamalHousehold}/checkins/{month}", content, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"PUT {month} answered {(int)response.StatusCode}");
        }
        Assert.Equal(before, await MatrixState.FingerprintAsync(app));
    }

    [Theory]
    [MemberData(nameof(OddWindows))]
    public async Task Insights_page_and_its_downloads_show_the_reason_and_never_a_500(string window)
    {
        var client = await app.PagesAsync(DemoPeople.DeniseLogin);
        foreach (var handler in new[] { "", "&handler=Csv", "&handler=Xlsx" })
        {
            var path = $"/Communities/{app.Demo.Dudley}/Insights?{window}{handler}";
            using var response = await client.GetAsync(path, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            // A download of other months than the ones asked for would mislead: the page says why instead.
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Please choose a month between January 2000 and December 2099.", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/Insights/Compare?month=0001-01")]
    [InlineData("/Insights/Compare?month=9999-12")]
    [InlineData("/Communities/{c}/Network?from=0001-01&to=0001-12")]
    [InlineData("/Communities/{c}/Network?to=0001-01")]
    [InlineData("/Communities/{c}/Network?handler=Export&format=graphml&to=0001-01")]
    [InlineData("/Communities/{c}/Network/Attention?to=9999-12")]
    [InlineData("/Households/{h}/Circle?from=0001-01")]
    public async Task Other_pages_with_a_month_show_the_reason(string template)
    {
        var client = await app.PagesAsync(DemoPeople.DeniseLogin);
        var path = template.Replace("{c}", app.Demo.Dudley.ToString(), StringComparison.Ordinal)
            .Replace("{h}", app.Demo.JamalHousehold.ToString(), StringComparison.Ordinal);
        using var response = await client.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        Assert.Contains("Please choose a month between January 2000 and December 2099.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01")]
    [InlineData("9999-12")]
    public async Task The_check_in_page_of_a_month_out_of_range_is_not_found(string month)
    {
        var client = await app.PagesAsync(DemoPeople.JamalLogin);
        using var response = await client.GetAsync($"/Households/{app.Demo.JamalHousehold}/CheckIn/{month}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_reason_on_the_page_is_in_the_persons_language()
    {
        var client = await app.PagesAsync(DemoPeople.DeniseLogin);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Communities/{app.Demo.Dudley}/Insights?to=0001-01&culture=fr");
        using var response = await client.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Veuillez choisir un mois entre janvier 2000 et décembre 2099.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
