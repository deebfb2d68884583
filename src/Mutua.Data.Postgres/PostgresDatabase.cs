using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Mutua.Core;

namespace Mutua.Data.Postgres;

public static class PostgresDatabase
{
    public static DbContextOptionsBuilder UseMutuaPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name))
            .UseMutuaProvider(PostgresProvider.Instance);
}

/// <summary>For `dotnet ef migrations add`: the model, on PostgreSQL (no server needed to add one).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MutuaDbContext>
{
    public MutuaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MutuaDbContext>();
        options.UseMutuaPostgres("Host=localhost;Database=mutua_design");
        return new MutuaDbContext(options.Options);
    }
}
