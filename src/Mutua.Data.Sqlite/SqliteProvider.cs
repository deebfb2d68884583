using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mutua.Core;

namespace Mutua.Data.Sqlite;

/// <summary>SQLite's side of Core's database seam.</summary>
internal sealed class SqliteProvider : IDatabaseProvider
{
    public static readonly SqliteProvider Instance = new();

    public SqlDialect Dialect => SqlDialect.Sqlite;

    /// <summary>SQLite has no date type it can compare or sort; instants are stored as UTC ticks there.</summary>
    public void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

    /// <summary>
    /// SQLite lets one writer in at a time and makes the others sleep and retry, for longer and longer
    /// under load. The saves of this process are written by one writer instead, together where they
    /// arrive together (see <see cref="SqliteGroupCommit"/>). Inside a transaction the caller already
    /// holds the database's write lock (or will): no queueing there, which could deadlock.
    /// </summary>
    public int SaveChanges(DbContext db, bool acceptAllChangesOnSuccess, Func<bool, int> save)
    {
        if (db.Database.CurrentTransaction is not null) return save(acceptAllChangesOnSuccess);
        var commits = GroupCommitOf(db);
        commits.Gate.Wait();
        try
        {
            return save(acceptAllChangesOnSuccess);
        }
        finally
        {
            commits.Gate.Release();
        }
    }

    /// <inheritdoc cref="SaveChanges"/>
    public Task<int> SaveChangesAsync(DbContext db, bool acceptAllChangesOnSuccess, Func<bool, CancellationToken, Task<int>> save,
        CancellationToken ct) =>
        db.Database.CurrentTransaction is null
            ? GroupCommitOf(db).SaveAsync(db, acceptAllChangesOnSuccess, save, ct)
            : save(acceptAllChangesOnSuccess, ct);

    private static SqliteGroupCommit GroupCommitOf(DbContext db) => SqliteGroupCommit.For(db.Database.GetConnectionString() ?? "");
}
