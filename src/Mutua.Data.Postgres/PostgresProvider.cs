using Microsoft.EntityFrameworkCore;
using Mutua.Core;

namespace Mutua.Data.Postgres;

/// <summary>PostgreSQL's side of Core's database seam: it takes concurrent writers itself, so saves go straight through.</summary>
internal sealed class PostgresProvider : IDatabaseProvider
{
    public static readonly PostgresProvider Instance = new();

    public SqlDialect Dialect => SqlDialect.PostgreSql;

    /// <summary>Instants stay timestamptz: nothing to convert.</summary>
    public void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
    }

    public int SaveChanges(DbContext db, bool acceptAllChangesOnSuccess, Func<bool, int> save) => save(acceptAllChangesOnSuccess);

    public Task<int> SaveChangesAsync(DbContext db, bool acceptAllChangesOnSuccess, Func<bool, CancellationToken, Task<int>> save,
        CancellationToken ct) =>
        save(acceptAllChangesOnSuccess, ct);
}
