using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core;
using Npgsql;

namespace Mutua.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in memory, on a database of its own: SQLite (a temp file) by default, or PostgreSQL
/// when MUTUA_TEST_PROVIDER=Postgres, on a fresh database under the server named by MUTUA_TEST_PG.
/// Configured only through the app's own settings, in demo mode so the demo people are the fixtures.
/// </summary>
public class MutuaFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "mutua-demo-2026";
    /// <summary>Where the tests' Mutua says it is reached (Mutua:PublicAddress): every absolute link it writes starts here.</summary>
    public const string PublicAddress = "https://mutua.example.org";

    private readonly bool ownsDatabase;
    private readonly int signInPerMinute;
    private readonly ConcurrentDictionary<string, Task<string>> tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Task<HttpClient>> pageClients = new(StringComparer.OrdinalIgnoreCase);
    private DemoPeople? demo;

    public MutuaFactory() : this(null, 10_000) { }

    protected MutuaFactory(int signInPerMinute) : this(null, signInPerMinute) { }

    /// <summary>Another web node over the same database as <paramref name="first"/>, as in a deployment with several nodes.</summary>
    public static MutuaFactory SecondNodeOf(MutuaFactory first) => new(first.ConnectionString, 10_000);

    /// <summary>Over an existing database (null: a fresh database of its own).</summary>
    private MutuaFactory(string? sharedConnectionString, int signInPerMinute)
    {
        this.signInPerMinute = signInPerMinute;
        ownsDatabase = sharedConnectionString is null;
        ConnectionString = sharedConnectionString ?? NewDatabase();
    }

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("MUTUA_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Environment.GetEnvironmentVariable("MUTUA_TEST_PROVIDER"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public string ConnectionString { get; }

    /// <summary>Ids of the demo people and places the tests act as and on.</summary>
    public DemoPeople Demo => demo ?? throw new InvalidOperationException("The factory has not started yet.");

    public async ValueTask InitializeAsync()
    {
        // Starting the host migrates and seeds the demo.
        StartHost();
        demo = await DemoPeople.LoadAsync(this);
    }

    /// <summary>The in-memory test server; <see cref="KestrelMutuaFactory"/> starts a real one instead.</summary>
    protected virtual void StartHost() => _ = Server;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Mutua:Database:Provider", IsPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Mutua", ConnectionString);
        builder.UseSetting("Mutua:Demo", "true");
        // A few meetings per savings group, not a year of them: the demo starts for every test class.
        builder.UseSetting("Mutua:Demo:SavingsYear", "false");
        // The address links are built from, and the one host besides localhost the app answers (tests that need a
        // host other than localhost, for HSTS and Secure cookies, use it).
        builder.UseSetting("Mutua:PublicAddress", PublicAddress);
        // Tests that need kept insights ask for them; a background writer would race the tests.
        builder.UseSetting("Mutua:Insights:Precompute", "false");
        builder.UseSetting("Mutua:RateLimits:SignInPerMinute", signInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
    }

    private static string NewDatabase()
    {
        var name = $"mutua_test_{Guid.NewGuid():N}";
        if (!IsPostgres) return $"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")}";
        var server = Environment.GetEnvironmentVariable("MUTUA_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException("MUTUA_TEST_PROVIDER=Postgres needs MUTUA_TEST_PG, e.g. \"Host=127.0.0.1;Port=5433;Username=postgres\".");
        // The app's migrations create the database on first start.
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in pageClients.Values)
        {
            if (client.IsCompletedSuccessfully) client.Result.Dispose();
        }
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!ownsDatabase) return;
        try
        {
            if (IsPostgres)
            {
                NpgsqlConnection.ClearAllPools();
                var b = new NpgsqlConnectionStringBuilder(ConnectionString);
                var name = b.Database!;
                b.Database = "postgres";
                await using var connection = new NpgsqlConnection(b.ConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            else
            {
                SqliteConnection.ClearAllPools();
                var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
            }
        }
        catch (Exception e) when (e is IOException or NpgsqlException)
        {
            // A leftover test database is harmless; the cluster is thrown away after the run.
        }
    }

    // ---------------------------------------------------------------- the database

    public async Task<T> WithDbAsync<T>(Func<MutuaDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MutuaDbContext>());
    }

    public async Task WithDbAsync(Func<MutuaDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<MutuaDbContext>());
    }

    // ---------------------------------------------------------------- the API

    /// <summary>A client that follows no redirects, so tests see exactly what the app answered.</summary>
    public HttpClient NewClient(bool cookies = true) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });

    public static async Task<string> LoginAsync(HttpClient client, string login, string password = Password)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { login, password });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Sign-in as {login} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A bearer token for a demo login (cached: hashing passwords is slow on purpose).</summary>
    public Task<string> TokenAsync(string login) => tokens.GetOrAdd(login, async l =>
    {
        using var client = NewClient(cookies: false);
        return await LoginAsync(client, l);
    });

    /// <summary>An API client with the person's bearer token; null login: anonymous.</summary>
    public async Task<HttpClient> ApiAsync(string? login, string? language = null)
    {
        var client = NewClient(cookies: false);
        if (login is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(login));
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    // ---------------------------------------------------------------- pages

    /// <summary>A browser-like client signed in through the login form (cached per login); null: anonymous.</summary>
    public Task<HttpClient> PagesAsync(string? login) =>
        login is null ? Task.FromResult(NewClient()) : pageClients.GetOrAdd(login, async l =>
        {
            var client = NewClient();
            await SignInWithFormAsync(client, l);
            return client;
        });

    public static async Task SignInWithFormAsync(HttpClient client, string login, string password = Password)
    {
        using var response = await PostFormAsync(client, "/Account/Login", new() { ["Login"] = login, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Form sign-in as {login} answered {(int)response.StatusCode}.");
    }

    private static readonly Regex TokenField = new(
        "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"",
        RegexOptions.Compiled);

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path} answered {(int)page.StatusCode}.");
        var match = TokenField.Match(html);
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {path}.");
        return WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
    }

    /// <summary>Posts a form the way a browser does: the token from the page at <paramref name="formPage"/> (default: the same path).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields,
        string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? StripQuery(path));
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(path, content);
    }

    private static string StripQuery(string path) => path.Split('?')[0];
}

/// <summary>
/// The app on a real Kestrel at 127.0.0.1 (a free port), for tools outside .NET (node, a generated TypeScript client)
/// that call it as an integrator would.
/// </summary>
public sealed class KestrelMutuaFactory : MutuaFactory
{
    public string BaseUrl { get; private set; } = "";

    protected override void StartHost()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
    }
}

/// <summary>A factory whose sign-in rate limit is low enough to hit in a test.</summary>
public sealed class RateLimitedFactory() : MutuaFactory(RateLimit)
{
    public const int RateLimit = 3;
}
