using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Data.Sqlite;

namespace Mutua.Core.Tests.Support;

/// <summary>
/// One test's world: its own SQLite file (a copy of a database built once per run by the real
/// migrations), the Core services as the web host wires them, and a clock the test moves.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // tmpfs where there is one: synchronous=FULL fsyncs every commit, which a disk makes slow and tests do not need.
    private static readonly string Folder = Path.Combine(
        Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "mutua-core-tests", Environment.ProcessId.ToString());
    private static readonly Lazy<Task<string>> Template = new(BuildTemplateAsync);

    private TestHost(string path, DateTimeOffset start, Action<IServiceCollection>? more)
    {
        Clock = new ManualClock(start);
        DatabasePath = path;
        ConnectionString = ConnectionStringFor(path);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<MutuaDbContext>(o => o.UseMutuaSqlite(ConnectionString));
        services.AddIdentityCore<Person>(AccountRules.Apply)
            .AddEntityFrameworkStores<MutuaDbContext>();
        // Hashing strength is not under test; the default 100,000 rounds would cost ~50 ms per sign-up.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddMutuaCore();
        more?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public ManualClock Clock { get; }
    public string DatabasePath { get; }
    public string ConnectionString { get; }
    public ServiceProvider Services { get; }

    public static string ConnectionStringFor(string path, bool pooling = true) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooling }.ToString();

    public static DbContextOptions<MutuaDbContext> OptionsFor(string connectionString) =>
        (DbContextOptions<MutuaDbContext>)new DbContextOptionsBuilder<MutuaDbContext>().UseMutuaSqlite(connectionString).Options;

    /// <summary>A host over a copy of the freshly migrated database, or of <paramref name="template"/>.</summary>
    /// <param name="services">Registrations added after Core's (a test's own event reactions).</param>
    public static async Task<TestHost> StartAsync(string? template = null, DateTimeOffset? now = null, Action<IServiceCollection>? services = null)
    {
        template ??= await Template.Value;
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        return new TestHost(path, now ?? Start, services);
    }

    /// <summary>Copies this host's database, as it is now, to a new file for <see cref="StartAsync"/>.</summary>
    public string SaveAsTemplate()
    {
        var path = Path.Combine(Folder, $"template-{Guid.NewGuid():N}.db");
        using var source = new SqliteConnection(ConnectionStringFor(DatabasePath, pooling: false));
        using var target = new SqliteConnection(ConnectionStringFor(path, pooling: false));
        source.Open();
        source.BackupDatabase(target);
        return path;
    }

    private static async Task<string> BuildTemplateAsync()
    {
        Directory.CreateDirectory(Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        };
        var path = Path.Combine(Folder, "template.db");
        await using (var db = new MutuaDbContext(OptionsFor(ConnectionStringFor(path, pooling: false))))
        {
            await db.Database.MigrateAsync();
        }
        // Unpooled: the last connection has closed, so the WAL is checkpointed into the file.
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(DatabasePath + suffix); } catch (IOException) { }
        }
    }

    // ---- running Core calls, one scope (one "request") each ----

    public async Task<T> Run<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task Run<TService>(Func<TService, Task> call) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<T> Db<T>(Func<MutuaDbContext, Task<T>> query) => Run(query);

    public Task<Viewer> ViewerAsync(Guid personId) => Db(db => Viewers.LoadAsync(db, personId));

    // ---- seeding ----

    public Task<Community> CommunityAsync(string name = "Kimironko", string country = "RW", string language = "rw",
        string currency = "RWF", string timeZone = "Africa/Kigali") =>
        Db(async db =>
        {
            var c = new Community
            {
                Name = name, Place = name, Country = country, DefaultLanguage = language, Currency = currency,
                TimeZone = timeZone, CreatedAt = Clock.GetUtcNow(),
            };
            db.Communities.Add(c);
            await db.SaveChangesAsync();
            return c;
        });

    public Task<Group> GroupAsync(Guid communityId, string name) =>
        Db(async db =>
        {
            var g = new Group { CommunityId = communityId, Name = name, CreatedAt = Clock.GetUtcNow() };
            db.Groups.Add(g);
            await db.SaveChangesAsync();
            return g;
        });

    public Task<Household> HouseholdAsync(Guid communityId, Guid? groupId, string name) =>
        Db(async db =>
        {
            var h = new Household { CommunityId = communityId, GroupId = groupId, Name = name, CreatedAt = Clock.GetUtcNow() };
            db.Households.Add(h);
            await db.SaveChangesAsync();
            return h;
        });

    /// <summary>An account without a password (hashing is slow and not what these tests are about).</summary>
    public Task<Person> PersonAsync(string firstName, string? email = null, string? phone = null, bool admin = false) =>
        Run<UserManager<Person>, Person>(async users =>
        {
            var p = new Person
            {
                UserName = email ?? phone ?? $"p{Guid.NewGuid():N}", Email = email, PhoneNumber = phone,
                FirstName = firstName, IsAdmin = admin, CreatedAt = Clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(p);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
            return p;
        });

    /// <summary>Puts a person in a household as a member; each join is a minute after the previous one.</summary>
    public Task JoinAsync(Guid personId, Household household) =>
        Db(async db =>
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            db.HouseholdMembers.Add(new HouseholdMember { HouseholdId = household.Id, PersonId = personId, JoinedAt = Clock.GetUtcNow() });
            if (!await db.CommunityRoles.AnyAsync(r => r.CommunityId == household.CommunityId && r.PersonId == personId && r.Role == Role.Member))
            {
                db.CommunityRoles.Add(new CommunityRole
                {
                    CommunityId = household.CommunityId, PersonId = personId, Role = Role.Member, GrantedAt = Clock.GetUtcNow(),
                });
            }
            return await db.SaveChangesAsync();
        });

    public Task GrantAsync(Guid communityId, Guid personId, Role role) =>
        Db(async db =>
        {
            db.CommunityRoles.Add(new CommunityRole { CommunityId = communityId, PersonId = personId, Role = role, GrantedAt = Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

    /// <summary>A person with a new household of their own in the group.</summary>
    public async Task<(Person Person, Household Household)> MemberAsync(Guid communityId, Guid? groupId, string firstName,
        string? email = null, string? phone = null)
    {
        var person = await PersonAsync(firstName, email, phone);
        var household = await HouseholdAsync(communityId, groupId, $"{firstName}'s family");
        await JoinAsync(person.Id, household);
        return (person, household);
    }

    public async Task<Person> WithRoleAsync(Guid communityId, Role role, string firstName)
    {
        var person = await PersonAsync(firstName);
        await GrantAsync(communityId, person.Id, role);
        return person;
    }

    public Task<int> CountAsync<TEntity>() where TEntity : class => Db(db => db.Set<TEntity>().CountAsync());
}
