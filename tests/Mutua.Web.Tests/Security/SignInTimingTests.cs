using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.Accounts;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Security;

/// <summary>Counts the password hashes the app checks, wrapping Identity's own hasher.</summary>
public sealed class CountingHasher : IPasswordHasher<Person>
{
    private static int verified;
    private readonly PasswordHasher<Person> inner;

    public CountingHasher(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options) => inner = new PasswordHasher<Person>(options);

    public static int Verified => Volatile.Read(ref verified);

    public string HashPassword(Person user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Person user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verified);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class CountingHasherFactory : MutuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddScoped<IPasswordHasher<Person>, CountingHasher>());
    }
}

/// <summary>
/// An unknown login costs what a wrong password costs (issue 11, finding 8): otherwise the time of
/// the answer tells whether a phone number or e-mail has an account.
/// </summary>
public sealed class SignInTimingTests(CountingHasherFactory app) : IClassFixture<CountingHasherFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nobody-here@example.org")]
    [InlineData("+250789999999")]
    [InlineData("0789999999")]
    public async Task An_unknown_login_is_checked_against_a_password_hash_on_the_api(string login)
    {
        using var client = app.NewClient(cookies: false);
        var before = CountingHasher.Verified;
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { login, password = "some guess at all" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(CountingHasher.Verified > before, "no password hash was checked for an unknown login");
    }

    [Fact]
    public async Task An_unknown_login_is_checked_against_a_password_hash_on_the_sign_in_page()
    {
        using var client = app.NewClient();
        var before = CountingHasher.Verified;
        using var response = await MutuaFactory.PostFormAsync(client, "/Account/Login",
            new() { ["Login"] = "nobody-here@example.org", ["Password"] = "some guess at all" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(CountingHasher.Verified > before, "no password hash was checked for an unknown login");
    }

    [Fact]
    public async Task An_empty_password_for_a_real_account_is_hashed_too()
    {
        using var client = app.NewClient(cookies: false);
        var before = CountingHasher.Verified;
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = DemoPeople.KeishaLogin, password = "" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(CountingHasher.Verified > before);
    }

    [Fact]
    public async Task An_unknown_login_takes_about_as_long_as_a_wrong_password()
    {
        // A person whose account never locks, so twenty wrong passwords keep hashing.
        var login = $"timing-{Guid.NewGuid():N}"[..20] + "@example.org";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var person = new Person { Id = Guid.NewGuid(), UserName = login, Email = login, FirstName = "Tim", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(person, "the real sentence here")).Succeeded);
            await users.SetLockoutEnabledAsync(person, false);
        }
        using var client = app.NewClient(cookies: false);
        async Task<double> MedianMsAsync(string who)
        {
            var times = new List<double>();
            for (var i = 0; i < 15; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = who, password = "a wrong guess " + i }, Ct);
                watch.Stop();
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return times[times.Count / 2];
        }
        await MedianMsAsync(login); // warm up both paths
        var wrongPassword = await MedianMsAsync(login);
        var unknown = await MedianMsAsync("nobody-" + login);
        TestContext.Current.TestOutputHelper?.WriteLine($"median wrong password {wrongPassword:F1} ms, unknown login {unknown:F1} ms");
        // Generous on a noisy machine: before the fix the unknown login took a tenth of the time.
        Assert.True(unknown > wrongPassword * 0.5, $"unknown login {unknown:F1} ms against wrong password {wrongPassword:F1} ms");
        Assert.True(unknown < wrongPassword * 2, $"unknown login {unknown:F1} ms against wrong password {wrongPassword:F1} ms");
    }
}
