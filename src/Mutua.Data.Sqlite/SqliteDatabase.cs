using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mutua.Core;

namespace Mutua.Data.Sqlite;

public static class SqliteDatabase
{
#pragma warning disable EF1001 // see PlainSqliteConnection
    public static DbContextOptionsBuilder UseMutuaSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .UseMutuaProvider(SqliteProvider.Instance)
            .AddInterceptors(DurablePragmas.Instance)
            .ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, PlainSqliteConnection>();
#pragma warning restore EF1001

    /// <summary>
    /// WAL lets readers and the writer work at once; synchronous=FULL makes every acknowledged
    /// write survive a power cut (DESIGN §6). The settings belong to the native connection, which the
    /// pool hands out again and again: they are set the first time it is opened only.
    /// </summary>
    private sealed class DurablePragmas : DbConnectionInterceptor
    {
        public static readonly DurablePragmas Instance = new();
        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
        private static readonly ConditionalWeakTable<object, object> Prepared = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (!FirstOpen(connection)) return;
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (!FirstOpen(connection)) return;
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private static bool FirstOpen(DbConnection connection) =>
            connection is not SqliteConnection { Handle: { } handle } || Prepared.TryAdd(handle, Prepared);
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
