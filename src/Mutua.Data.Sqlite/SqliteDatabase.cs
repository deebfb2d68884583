using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mutua.Core;

namespace Mutua.Data.Sqlite;

public static class SqliteDatabase
{
    public static DbContextOptionsBuilder UseMutuaSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .AddInterceptors(DurablePragmas.Instance);

    /// <summary>
    /// WAL lets readers and the writer work at once; synchronous=FULL makes every acknowledged
    /// write survive a power cut (DESIGN §6).
    /// </summary>
    private sealed class DurablePragmas : DbConnectionInterceptor
    {
        public static readonly DurablePragmas Instance = new();
        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>For `dotnet ef migrations add`: the model, on SQLite.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MutuaDbContext>
{
    public MutuaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MutuaDbContext>();
        options.UseMutuaSqlite("Data Source=design.db");
        return new MutuaDbContext(options.Options);
    }
}
