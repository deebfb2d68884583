using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Data.Postgres;
using Mutua.Data.Sqlite;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// Picks the database: SQLite under data/ by default, PostgreSQL when
/// Mutua__Database__Provider=Postgres and ConnectionStrings__Mutua are set.
/// </summary>
public static class Database
{
    public static bool IsPostgres(IConfiguration config) =>
        string.Equals(config["Mutua:Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(config["Mutua:Database:Provider"], "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <remarks>
    /// Contexts are pooled: every request uses one, and building a fresh one (its services, options
    /// and change tracker) cost more than the queries of a check-in save.
    /// </remarks>
    public static IServiceCollection AddMutuaDatabase(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        var connectionString = config.GetConnectionString("Mutua");
        if (IsPostgres(config))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Mutua__Database__Provider is Postgres but ConnectionStrings__Mutua is not set.");
            services.AddDbContextPool<MutuaDbContext>(o => o.UseMutuaPostgres(connectionString));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var folder = Path.Combine(env.ContentRootPath, "data");
                Directory.CreateDirectory(folder);
                connectionString = $"Data Source={Path.Combine(folder, "mutua.db")}";
            }
            services.AddDbContextPool<MutuaDbContext>(o => o.UseMutuaSqlite(connectionString));
        }
        return services;
    }

    /// <summary>Applies migrations at start; with several nodes on one PostgreSQL, EF's migration lock serialises them.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutuaDbContext>();
        await db.Database.MigrateAsync();
    }
}
