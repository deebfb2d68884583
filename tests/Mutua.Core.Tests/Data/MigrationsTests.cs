using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Tests.Support;
using Mutua.Data.Postgres;
using Mutua.Data.Sqlite;

namespace Mutua.Core.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public async Task The_migrations_build_an_empty_database_that_matches_the_model()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var db = new MutuaDbContext(TestHost.OptionsFor("Data Source=:memory:"));
        db.Database.SetDbConnection(connection);

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration captures: add a migration");
        Assert.Equal(0, await db.Communities.CountAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// A model change needs a migration for each database (scripts/add-migration.sh adds both). Each
    /// provider's design-time model is compared with its migrations' snapshot, as `dotnet ef migrations
    /// has-pending-model-changes` does; PostgreSQL's model is built without a server.
    /// </summary>
    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public void Each_databases_migrations_snapshot_holds_the_whole_model(string provider)
    {
        var options = new DbContextOptionsBuilder<MutuaDbContext>();
        if (provider == "SQLite") options.UseMutuaSqlite("Data Source=:memory:");
        else options.UseMutuaPostgres("Host=none;Database=none");
        using var db = new MutuaDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"the model has changes {provider}'s migrations do not capture: run scripts/add-migration.sh NAME");
    }

    [Fact]
    public async Task The_sqlite_database_runs_in_WAL_mode_with_foreign_keys()
    {
        await using var host = await TestHost.StartAsync();
        var (journal, foreignKeys) = await host.Db(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            var j = (string?)await cmd.ExecuteScalarAsync();
            cmd.CommandText = "PRAGMA foreign_keys";
            var fk = Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return (j, fk);
        });
        Assert.Equal("wal", journal);
        Assert.Equal(1, foreignKeys);
    }
}
