using Microsoft.EntityFrameworkCore;
using Mutua.Core.Communities;
using Mutua.Core.Tests.Support;
using Mutua.Data.Sqlite;

namespace Mutua.Core.Tests.Data;

public sealed class GroupCommitTests : HostTests
{
    private Community NewCommunity(string name, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(), Name = name, Place = name, Country = "RW", DefaultLanguage = "rw", Currency = "RWF",
        TimeZone = "Africa/Kigali", CreatedAt = Host.Clock.GetUtcNow(),
    };

    [Fact]
    public async Task Saves_that_arrive_together_share_one_commit_and_one_that_fails_fails_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        var commits = SqliteGroupCommit.For(Host.ConnectionString);
        var contexts = Enumerable.Range(0, 10).Select(_ => new MutuaDbContext(TestHost.OptionsFor(Host.ConnectionString))).ToList();
        try
        {
            var added = contexts.Select((db, i) => db.Communities.Add(NewCommunity($"Batch {i}")).Entity).ToList();
            // The last save repeats the key of the fourth: it must fail without taking the others with it.
            contexts[9].ChangeTracker.Clear();
            added[9] = contexts[9].Communities.Add(NewCommunity("Duplicate", added[3].Id)).Entity;

            // A write is under way: the ten saves queue behind it and are then written as one batch.
            await commits.Gate.WaitAsync(ct);
            var before = commits.Commits;
            var saves = contexts.Select(db => db.SaveChangesAsync(ct)).ToList();
            commits.Gate.Release();
            var outcomes = await Task.WhenAll(saves.Select(async s =>
            {
                try { return (Saved: await s, Error: (Exception?)null); }
                catch (DbUpdateException e) { return (Saved: 0, Error: e); }
            }));

            Assert.Equal(1, commits.Commits - before);
            Assert.All(outcomes.Take(9), o => Assert.Equal((1, (Exception?)null), o));
            Assert.IsType<DbUpdateException>(outcomes[9].Error);
            // Saved entities are accepted only once their commit is on disk; the failed one still waits to be added.
            Assert.All(Enumerable.Range(0, 9), i => Assert.Equal(EntityState.Unchanged, contexts[i].Entry(added[i]).State));
            Assert.Equal(EntityState.Added, contexts[9].Entry(added[9]).State);

            var names = await Host.Db(db => db.Communities.Where(c => c.Name.StartsWith("Batch ") || c.Name == "Duplicate")
                .Select(c => c.Name).OrderBy(n => n).ToListAsync(ct));
            Assert.Equal(Enumerable.Range(0, 9).Select(i => $"Batch {i}"), names);

            // A context that lent its save to the batch goes on working on its own connection.
            Assert.Equal("Batch 5", await contexts[5].Communities.Where(c => c.Id == added[5].Id).Select(c => c.Name).SingleAsync(ct));
            added[5].Name = "Batch 5, renamed";
            Assert.Equal(1, await contexts[5].SaveChangesAsync(ct));
            Assert.Equal("Batch 5, renamed", await Host.Db(db => db.Communities.Where(c => c.Id == added[5].Id).Select(c => c.Name).SingleAsync(ct)));
        }
        finally
        {
            foreach (var db in contexts) await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Many_saves_at_once_all_land()
    {
        var ct = TestContext.Current.CancellationToken;
        var commits = SqliteGroupCommit.For(Host.ConnectionString);
        var before = commits.Commits;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await using var db = new MutuaDbContext(TestHost.OptionsFor(Host.ConnectionString));
            db.Communities.Add(NewCommunity($"Many {i:D3}"));
            Assert.Equal(1, await db.SaveChangesAsync(ct));
        }, ct)));

        var names = await Host.Db(db => db.Communities.Where(c => c.Name.StartsWith("Many ")).Select(c => c.Name).ToListAsync(ct));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"Many {i:D3}"), names.Order());
        Assert.InRange(commits.Commits - before, 1, 200);
    }

    [Fact]
    public async Task A_save_cancelled_while_it_waits_is_not_written()
    {
        var ct = TestContext.Current.CancellationToken;
        var commits = SqliteGroupCommit.For(Host.ConnectionString);
        await using var db = new MutuaDbContext(TestHost.OptionsFor(Host.ConnectionString));
        db.Communities.Add(NewCommunity("Cancelled"));
        using var cancel = new CancellationTokenSource();

        await commits.Gate.WaitAsync(ct);
        var save = db.SaveChangesAsync(cancel.Token);
        await cancel.CancelAsync();
        commits.Gate.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => save);
        Assert.False(await Host.Db(d => d.Communities.AnyAsync(c => c.Name == "Cancelled", ct)));
    }
}
