using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mutua.Data.Sqlite;

/// <summary>
/// EF's SQLite connection without the SQL functions EF adds for decimal arithmetic and regular
/// expressions (ef_add, ef_compare, regexp …), which the model never needs: it has no decimal column
/// and no query matches a pattern. Microsoft.Data.Sqlite registers a connection's functions on every
/// open and removes them on every close, so the pooled native connection is clean for the next
/// user; with a dozen of them that was a tenth of a check-in save's CPU. A query that would need one
/// fails on SQLite with "no such function", which the tests run into before anyone else does.
/// </summary>
#pragma warning disable EF1001 // The provider's connection is internal API: this is the one place that leans on it.
internal sealed class PlainSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<Microsoft.EntityFrameworkCore.DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}
#pragma warning restore EF1001
