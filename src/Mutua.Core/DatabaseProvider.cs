using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core;

/// <summary>The SQL a database speaks, for the few queries written once per database (full-text search).</summary>
public enum SqlDialect { Sqlite, PostgreSql }

/// <summary>
/// What Core needs from the database it runs on, filled in by Mutua.Data.Sqlite and Mutua.Data.Postgres
/// (jellyfin's IJellyfinDatabaseProvider is the model): Core names no provider and checks no provider
/// name. A provider is given to the context with its options (<see cref="DatabaseProviderOptions.UseMutuaProvider"/>),
/// so pooled contexts need no constructor argument.
/// </summary>
public interface IDatabaseProvider
{
    SqlDialect Dialect { get; }

    /// <summary>The provider's conventions for the model (SQLite, for one, cannot compare instants as text).</summary>
    void ConfigureConventions(ModelConfigurationBuilder conventions);

    /// <summary>
    /// Writes a save: <paramref name="save"/> is the context's own save, which the provider may run at once,
    /// or queue and run with others (SQLite's group commit); the answer comes once the save is durable.
    /// </summary>
    int SaveChanges(DbContext db, bool acceptAllChangesOnSuccess, Func<bool, int> save);

    /// <inheritdoc cref="SaveChanges"/>
    Task<int> SaveChangesAsync(DbContext db, bool acceptAllChangesOnSuccess, Func<bool, CancellationToken, Task<int>> save,
        CancellationToken ct);
}

public static class DatabaseProviderOptions
{
    /// <summary>Gives the context its provider; the Data projects' UseMutuaSqlite/UseMutuaPostgres call this.</summary>
    public static DbContextOptionsBuilder UseMutuaProvider(this DbContextOptionsBuilder options, IDatabaseProvider provider)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new DatabaseProviderExtension(provider));
        return options;
    }

    internal static IDatabaseProvider ProviderOf(DbContextOptions options) =>
        options.FindExtension<DatabaseProviderExtension>()?.Provider
        ?? throw new InvalidOperationException("MutuaDbContext needs its database provider: configure it with UseMutuaSqlite or UseMutuaPostgres.");

    private sealed class DatabaseProviderExtension(IDatabaseProvider provider) : IDbContextOptionsExtension
    {
        public IDatabaseProvider Provider => provider;

        public DbContextOptionsExtensionInfo Info => field ??= new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services)
        {
        }

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class ExtensionInfo(DatabaseProviderExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            private Type ProviderType => extension.Provider.GetType();
            public override bool IsDatabaseProvider => false;
            public override string LogFragment => $"MutuaProvider={ProviderType.Name} ";
            // One EF service provider (and model cache) per kind of provider, as EF keeps one per database provider.
            public override int GetServiceProviderHashCode() => ProviderType.GetHashCode();
            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
                other is ExtensionInfo o && o.ProviderType == ProviderType;
            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Mutua:Provider"] = ProviderType.Name;
        }
    }
}
