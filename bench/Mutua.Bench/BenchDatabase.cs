using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mutua.Core;
using Mutua.Data.Postgres;
using Mutua.Data.Sqlite;
using Npgsql;

namespace Mutua.Bench;

/// <summary>The database a bench command works on: a SQLite file (--db PATH) or PostgreSQL (--pg "Host=…;Database=…bench…").</summary>
internal sealed record BenchDatabase(bool IsPostgres, string ConnectionString, string Label)
{
    private static readonly DateTimeOffsetToBinaryConverter Ticks = new();

    public static BenchDatabase From(IReadOnlyDictionary<string, string> options)
    {
        if (options.TryGetValue("pg", out var pg))
        {
            var database = new NpgsqlConnectionStringBuilder(pg).Database ?? "";
            // The generator starts by dropping everything in the database: never one that is not meant for it.
            if (!database.Contains("bench", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"--pg must name a database whose name contains 'bench' (got '{database}').");
            return new BenchDatabase(true, pg, $"PostgreSQL {database}");
        }
        if (options.TryGetValue("db", out var path)) return new BenchDatabase(false, $"Data Source={path}", path);
        throw new ArgumentException("--db PATH (SQLite) or --pg CONNECTION (PostgreSQL) is required.");
    }

    public string? SqlitePath => IsPostgres ? null : new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public DbContextOptions<MutuaDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<MutuaDbContext>();
        if (IsPostgres) builder.UseMutuaPostgres(ConnectionString);
        else builder.UseMutuaSqlite(ConnectionString);
        return builder.Options;
    }

    public DbConnection Connection() => IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    /// <summary>An instant as the provider stores it: UTC ticks on SQLite (as MutuaDbContext maps it), timestamptz on PostgreSQL.</summary>
    public object Instant(DateTimeOffset at) => IsPostgres ? at.ToUniversalTime() : Ticks.ConvertToProvider(at)!;
}
