using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.Network;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Network;

/// <summary>The pseudonym key is made once, on first use, even when several web nodes ask for it at the same moment.</summary>
public sealed class PseudonymKeyTests : HostTests
{
    [Fact]
    public async Task Nodes_that_ask_at_once_agree_on_one_key()
    {
        Guid community = Guid.NewGuid(), household = Guid.NewGuid();
        // Each "node" has its own Pseudonyms (its own memory), all over the same database.
        var nodes = Enumerable.Range(0, 6).Select(_ => new Pseudonyms(Host.Clock)).ToList();
        var made = await Task.WhenAll(nodes.Select(async node =>
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MutuaDbContext>();
            return (await node.ForAsync(db, TestContext.Current.CancellationToken))(community, household);
        }));

        Assert.Single(made.Distinct());
        var key = Assert.Single(await Host.Db(db => db.PseudonymKeys.AsNoTracking().ToListAsync()));
        Assert.Equal(PseudonymKey.Bytes, key.Key.Length);
        Assert.Equal(Pseudonyms.Of(key.Key, community, household), made[0]);
        // A node started later reads the same key rather than making another.
        await using var later = Host.Services.CreateAsyncScope();
        var again = await new Pseudonyms(Host.Clock).ForAsync(later.ServiceProvider.GetRequiredService<MutuaDbContext>(), TestContext.Current.CancellationToken);
        Assert.Equal(made[0], again(community, household));
    }
}
