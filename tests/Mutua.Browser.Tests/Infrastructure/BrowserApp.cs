using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Npgsql;

[assembly: AssemblyFixture(typeof(Mutua.Browser.Tests.Infrastructure.BrowserApp))]

namespace Mutua.Browser.Tests.Infrastructure;

/// <summary>
/// Mutua on a real Kestrel at 127.0.0.1 (a free port, a database of its own — SQLite, or PostgreSQL
/// with MUTUA_TEST_PROVIDER=Postgres as in Mutua.Web.Tests — in demo mode) and one headless Debian
/// Chromium shared by every test; each test opens its own browser context. Newcomers the tests create
/// join Fruitvale or Arvin, so Dudley (the pages screenshotted) stays as the demo has it.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "mutua-demo-2026";
    public const string Denise = "denise@dudley.example";
    public const string Keisha = "keisha@dudley.example";
    public const string Dudley = "Dudley Neighbors Together";
    public const string Guadalupe = "guadalupe@fruitvale.example";
    public const string Fruitvale = "Fruitvale Families";
    public const string Esperanza = "esperanza@arvin.example";
    public const string Arvin = "Arvin Unidos";

    /// <summary>Phone-sized: a mid-range Android phone.</summary>
    public static readonly ViewportSize Phone = new() { Width = 412, Height = 915 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public const string ShotsFolder = "/tmp/mutua-shots";
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string databaseName = $"mutua_browser_{Guid.NewGuid():N}";
    private KestrelFactory? factory;
    private IPlaywright? playwright;
    private HttpClient? api;
    private readonly SemaphoreSlim tokenLock = new(1, 1);
    private readonly Dictionary<string, string> tokens = new(StringComparer.OrdinalIgnoreCase);

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(ShotsFolder);
        // A port chosen first, so the public address (every absolute link: share links, share cards) is the one served.
        var port = FreePort();
        factory = new KestrelFactory(IsPostgres ? "Postgres" : "Sqlite", ConnectionString, $"http://127.0.0.1:{port}");
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        // Starting the host migrates the database and seeds the demo.
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
        api = new HttpClient { BaseAddress = new Uri(BaseUrl) };

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No browser at {ChromiumPath}: apt-get install -y --no-install-recommends chromium (never `playwright install`).");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        api?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        await DropDatabaseAsync();
        tokenLock.Dispose();
    }

    // ---------------------------------------------------------------- the database

    /// <summary>As in Mutua.Web.Tests: SQLite by default; PostgreSQL when MUTUA_TEST_PROVIDER=Postgres, under the server MUTUA_TEST_PG names.</summary>
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("MUTUA_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Environment.GetEnvironmentVariable("MUTUA_TEST_PROVIDER"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    private string ConnectionString
    {
        get
        {
            if (!IsPostgres) return $"Data Source={Path.Combine(Path.GetTempPath(), databaseName + ".db")}";
            var server = Environment.GetEnvironmentVariable("MUTUA_TEST_PG");
            if (string.IsNullOrWhiteSpace(server))
                throw new InvalidOperationException("MUTUA_TEST_PROVIDER=Postgres needs MUTUA_TEST_PG, e.g. \"Host=127.0.0.1;Port=5433;Username=postgres\".");
            // The app's migrations create the database on first start.
            return new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
        }
    }

    private async Task DropDatabaseAsync()
    {
        try
        {
            if (IsPostgres)
            {
                NpgsqlConnection.ClearAllPools();
                var b = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" };
                await using var connection = new NpgsqlConnection(b.ConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
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
            // A leftover test database is harmless; the cluster or temp folder is thrown away.
        }
    }

    // ---------------------------------------------------------------- what the pages should say

    /// <summary>
    /// A UI string in a language, as the app's own localizer has it (Resources/Text.{language}.resx).
    /// Outside English it must be a real translation: a missing one fails the calling test.
    /// </summary>
    public string Text(string language, string english)
    {
        var localizer = factory!.Services.GetRequiredService<IStringLocalizer<Mutua.Web.Text>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            var text = localizer[english];
            if (language != "en" && (text.ResourceNotFound || text.Value == english))
                Assert.Fail($"No {language} translation of \"{english}\": the page would show English.");
            return text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    // ---------------------------------------------------------------- browser contexts

    /// <summary>A fresh context (empty cache, no cookies), in English unless told otherwise.</summary>
    public Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null, bool phone = false, bool javaScript = true,
        string? storageState = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "en-US",
            ViewportSize = viewport ?? (phone ? Phone : Desktop),
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
            JavaScriptEnabled = javaScript,
            StorageState = storageState,
        });

    /// <summary>Signs in through the login form, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string login, string password = Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name=Login]").FillAsync(login);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Presses a footer language button (the button shows the language's own name).</summary>
    public static async Task ChooseLanguageAsync(IPage page, string code)
    {
        await page.Locator($"footer form.languages button[value={code}]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", code);
    }

    /// <summary>
    /// Mobile-first: nothing sticks out sideways, so the page never scrolls left and right. Measured
    /// against the window's own width (a phone browser widens innerWidth to fit content that overflows).
    /// </summary>
    public static async Task AssertFitsWidthAsync(IPage page)
    {
        var problem = await WidthProblemAsync(page);
        Assert.True(problem is null, problem);
    }

    /// <summary>Null when the page fits its window; otherwise what sticks out.</summary>
    public static async Task<string?> WidthProblemAsync(IPage page)
    {
        var window = page.ViewportSize!.Width;
        var wide = await page.EvaluateAsync<string[]>(
            """
            (width) => [document.documentElement.scrollWidth + 'px',
                ...[...document.querySelectorAll('main *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1)
                    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')]
            """, window);
        return int.Parse(wide[0].TrimEnd('p', 'x'), CultureInfo.InvariantCulture) <= window ? null
            : $"{page.Url} is {wide[0]} wide in a {window}px window, so it scrolls sideways; too wide: {string.Join(", ", wide.Skip(1))}";
    }

    /// <summary>tests/tools (the npm tools the tests drive: html-validate, axe-core), found from the test's own folder upwards.</summary>
    public static string ToolsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var tools = Path.Combine(dir.FullName, "tests", "tools");
            if (File.Exists(Path.Combine(tools, "package.json"))) return tools;
        }
        throw new InvalidOperationException($"No tests/tools above {AppContext.BaseDirectory}.");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotsFolder, name + ".png"), FullPage = true });
    }

    // ---------------------------------------------------------------- the API, to set the scene

    public async Task<string> TokenAsync(string login)
    {
        await tokenLock.WaitAsync();
        try
        {
            if (tokens.TryGetValue(login, out var cached)) return cached;
            using var response = await api!.PostAsJsonAsync("/api/v1/auth/login", new { login, password = Password });
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"Sign-in as {login} answered {(int)response.StatusCode}: {body}");
            using var json = JsonDocument.Parse(body);
            return tokens[login] = json.RootElement.GetProperty("accessToken").GetString()!;
        }
        finally
        {
            tokenLock.Release();
        }
    }

    public async Task<JsonElement> GetJsonAsync(string login, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(login));
        using var response = await api!.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>A community its coordinator sees, and its first group (by name).</summary>
    public async Task<Place> PlaceAsync(string coordinator, string communityName)
    {
        var communities = await GetJsonAsync(coordinator, "/api/v1/communities");
        var community = communities.EnumerateArray().Single(c => c.GetProperty("name").GetString() == communityName);
        var id = community.GetProperty("id").GetGuid();
        var groups = await GetJsonAsync(coordinator, $"/api/v1/communities/{id}/groups");
        var group = groups.EnumerateArray().OrderBy(g => g.GetProperty("name").GetString(), StringComparer.Ordinal).First();
        return new Place(coordinator, id, group.GetProperty("id").GetGuid(), group.GetProperty("name").GetString()!);
    }

    /// <summary>Dudley Neighbors Together (Boston), where Denise coordinates: the pages the tests look at.</summary>
    public Task<Place> DudleyAsync() => PlaceAsync(Denise, Dudley);

    /// <summary>Fruitvale Families (Oakland), where Guadalupe coordinates: the newcomers the tests make join here, so Dudley stays as the demo has it.</summary>
    public Task<Place> FruitvaleAsync() => PlaceAsync(Guadalupe, Fruitvale);

    /// <summary>A fresh invitation code for a new family in the place's group, made by its coordinator through the API (each code works once).</summary>
    public async Task<string> NewInvitationCodeAsync(Place place)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/communities/{place.Community}/invitations")
        {
            Content = JsonContent.Create(new { role = "member", groupId = place.Group }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(place.Coordinator));
        using var response = await api!.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Creating an invitation answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("code").GetString()!;
    }

    /// <summary>A new member of Fruitvale Families, signed up through the API: their login (its password is <see cref="Password"/>).</summary>
    public async Task<string> NewMemberAsync(string firstName, string language = "en")
    {
        var code = await NewInvitationCodeAsync(await FruitvaleAsync());
        var login = $"{firstName.ToLowerInvariant()}-{Guid.NewGuid():N}@browser.example";
        using var response = await api!.PostAsJsonAsync($"/api/v1/invitation-codes/{code}/signup",
            new { firstName, fullName = firstName + " Tester", login, password = Password, language });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Signing up answered {(int)response.StatusCode}: {body}");
        return login;
    }

    /// <summary>The app in process, on Kestrel, configured only through its own settings.</summary>
    private sealed class KestrelFactory(string provider, string connectionString, string publicAddress) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Mutua:PublicAddress", publicAddress);
            builder.UseSetting("Mutua:Database:Provider", provider);
            builder.UseSetting("ConnectionStrings:Mutua", connectionString);
            builder.UseSetting("Mutua:Demo", "true");
            builder.UseSetting("Mutua:Demo:SavingsYear", "false");
            builder.UseSetting("Mutua:RateLimits:SignInPerMinute", "10000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        }
    }
}

/// <summary>A community, one of its groups, and who coordinates it.</summary>
public sealed record Place(string Coordinator, Guid Community, Guid Group, string GroupName);
