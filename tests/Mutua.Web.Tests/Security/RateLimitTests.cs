using System.Net;
using System.Net.Http.Json;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Security;

/// <summary>
/// Passwords and invitation codes are guessed at: with a limit of <see cref="RateLimitedFactory.RateLimit"/>
/// attempts a minute, the next attempt is 429, through the API and through the sign-in page alike.
/// Code look-ups get three times the limit; reading a form is never limited.
/// </summary>
public sealed class RateLimitTests(RateLimitedFactory app) : IClassFixture<RateLimitedFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_on_the_api_and_the_page()
    {
        using var client = app.NewClient();
        // The page form first (reading it is free), so its token is at hand once the attempts run out.
        var token = await MutuaFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        for (var i = 0; i < RateLimitedFactory.RateLimit; i++)
        {
            using var attempt = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "nobody@example.org", password = "guess number " + i }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }
        using var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = DemoPeople.KeishaLogin, password = MutuaFactory.Password }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await limited.Content.ReadAsStringAsync(Ct)), "a 429 says why");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = DemoPeople.KeishaLogin, ["Password"] = MutuaFactory.Password, ["__RequestVerificationToken"] = token,
        });
        using var page = await client.PostAsync("/Account/Login", form, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);

        // Sign-up with a code counts as an attempt too.
        using var signup = await client.PostAsJsonAsync("/api/v1/invitation-codes/BST4NEWS/signup",
            new { firstName = "Max", login = "max@example.org", password = "a long pass phrase" }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, signup.StatusCode);

        // Reading the sign-in form is not an attempt.
        using var read = await client.GetAsync("/Account/Login", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Invitation_code_look_ups_beyond_their_limit_get_429()
    {
        using var client = app.NewClient(cookies: false);
        var limit = RateLimitedFactory.RateLimit * 3;
        for (var i = 0; i < limit; i++)
        {
            var code = $"ZZZZ-ZZ{"23456789AB"[i % 10]}Z";
            using var lookup = await client.GetAsync($"/api/v1/invitation-codes/{code}", Ct);
            Assert.True(lookup.StatusCode == HttpStatusCode.BadRequest,
                $"look-up {i + 1} of {code}: {(int)lookup.StatusCode} {await lookup.Content.ReadAsStringAsync(Ct)}");
        }
        using var limited = await client.GetAsync("/api/v1/invitation-codes/BST4-NEWS", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }
}

/// <summary>
/// The join page takes invitation codes from people without an account: posting codes to it is an attempt like a
/// password. Its own factory, so the attempts of <see cref="RateLimitTests"/> (one client address for all) do not count here.
/// </summary>
public sealed class JoinRateLimitTests(RateLimitedFactory app) : IClassFixture<RateLimitedFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invitation_codes_posted_to_the_join_form_beyond_the_limit_get_429_even_the_right_one()
    {
        using var client = app.NewClient();
        // The form shows once a code is looked up (a look-up has its own, looser limit); its token is at hand for every attempt.
        var token = await MutuaFactory.AntiforgeryTokenAsync(client, "/Join?code=BST4-NEWS");
        Task<HttpResponseMessage> Post(string code) => client.PostAsync("/Join", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["FirstName"] = "Max", ["Login"] = "max@example.org", ["Password"] = "a long pass phrase",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        for (var i = 0; i < RateLimitedFactory.RateLimit; i++)
        {
            var code = $"ZZZZ-ZZ{"23456789AB"[i % 10]}Z";
            using var guess = await Post(code);
            Assert.True(guess.StatusCode == HttpStatusCode.OK, $"guess {i + 1} of {code}: {(int)guess.StatusCode}");
        }
        using var limited = await Post("BST4-NEWS");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await limited.Content.ReadAsStringAsync(Ct)), "a 429 says why");
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .CountAsync(db.Users, u => u.Email == "max@example.org")));

        using var read = await client.GetAsync("/Join", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
