using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mutua.Data.Sqlite;

/// <summary>
/// SQLite commits one transaction at a time, and with synchronous=FULL each commit waits for its own
/// fsync: saves queue behind each other's disk flushes. Here the saves that arrive while one is being
/// written wait together and are then written in one transaction, each in its own savepoint (a save
/// that fails is rolled back alone), and committed with one fsync. Nobody is answered before the
/// commit that holds their save is on disk, so group commit changes how many flushes there are, not
/// what an answer promises. A save must not start another save from inside itself (a SaveChanges
/// interceptor or event that saves): it would wait behind its own batch.
/// </summary>
internal sealed class SqliteGroupCommit
{
    private static readonly ConcurrentDictionary<string, SqliteGroupCommit> ByDatabase = new(StringComparer.Ordinal);

    /// <summary>Enough to share one flush among many, small enough that one batch stays short.</summary>
    private const int MaxBatch = 64;

    private readonly Lock sync = new();
    private List<Waiting> queue = [];
    private bool writing;

    /// <summary>Synchronous saves and batches take turns here.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public static SqliteGroupCommit For(string connectionString) => ByDatabase.GetOrAdd(connectionString, _ => new SqliteGroupCommit());

    /// <param name="save">The context's own save, run in the batch's transaction on the batch's connection.</param>
    public Task<int> SaveAsync(DbContext db, bool acceptAllChangesOnSuccess, Func<bool, CancellationToken, Task<int>> save, CancellationToken ct)
    {
        var waiting = new Waiting(db, acceptAllChangesOnSuccess, save, ct);
        bool start;
        lock (sync)
        {
            queue.Add(waiting);
            start = !writing;
            writing = true;
        }
        if (start) _ = Task.Run(WriteAllAsync, CancellationToken.None);
        return waiting.Done.Task;
    }

    private async Task WriteAllAsync()
    {
        while (true)
        {
            // The batch is taken once the writer's turn has come: everything that queued while it waited goes in.
            await Gate.WaitAsync();
            List<Waiting> batch;
            try
            {
                lock (sync)
                {
                    if (queue.Count == 0)
                    {
                        writing = false;
                        return;
                    }
                    if (queue.Count <= MaxBatch)
                    {
                        batch = queue;
                        queue = [];
                    }
                    else
                    {
                        batch = queue[..MaxBatch];
                        queue.RemoveRange(0, MaxBatch);
                    }
                }
                try
                {
                    await WriteAsync(batch);
                }
                catch (Exception e)
                {
                    foreach (var w in batch) w.Done.TrySetException(e);
                }
            }
            finally
            {
                Gate.Release();
            }
        }
    }

    /// <summary>How many commits this database has had from here: for tests and the bench.</summary>
    public long Commits => Interlocked.Read(ref commits);
    private long commits;

    private async Task WriteAsync(List<Waiting> batch)
    {
        var live = new List<Waiting>(batch.Count);
        foreach (var w in batch)
        {
            if (w.Cancellation.IsCancellationRequested) w.Done.TrySetCanceled(w.Cancellation);
            // A context that holds its connection open cannot lend it to another save.
            else if (w.Db.Database.GetDbConnection().State != System.Data.ConnectionState.Closed) await SaveAloneAsync(w);
            else live.Add(w);
        }
        if (live.Count == 0) return;
        if (live.Count == 1)
        {
            await SaveAloneAsync(live[0]);
            return;
        }

        var first = live[0].Db;
        var saved = new int?[live.Count];
        var failed = new Exception?[live.Count];
        await first.Database.OpenConnectionAsync();
        try
        {
            await using var transaction = await first.Database.BeginTransactionAsync();
            var connection = first.Database.GetDbConnection();
            for (var i = 0; i < live.Count; i++)
            {
                try
                {
                    saved[i] = await SaveOnAsync(live[i], first, connection, transaction);
                }
                catch (Exception e)
                {
                    // EF rolled this save back to its savepoint; the others go on.
                    failed[i] = e;
                }
            }
            await transaction.CommitAsync();
            Interlocked.Increment(ref commits);
        }
        catch (Exception e)
        {
            // The commit (or the transaction around it) failed: no save of this batch was written.
            for (var i = 0; i < live.Count; i++) failed[i] ??= e;
            Array.Clear(saved);
        }
        finally
        {
            await first.Database.CloseConnectionAsync();
        }

        for (var i = 0; i < live.Count; i++)
        {
            var w = live[i];
            if (saved[i] is { } count)
            {
                if (w.AcceptAllChangesOnSuccess) w.Db.ChangeTracker.AcceptAllChanges();
                w.Done.TrySetResult(count);
            }
            else
            {
                w.Done.TrySetException(failed[i]!);
            }
        }
    }

    /// <summary>One context's save inside the batch's transaction, on the first context's connection.</summary>
    private static async Task<int> SaveOnAsync(Waiting w, DbContext first, System.Data.Common.DbConnection connection,
        IDbContextTransaction transaction)
    {
        var db = w.Db;
        if (ReferenceEquals(db, first)) return await w.Save(false, CancellationToken.None);
        var connectionString = db.Database.GetConnectionString();
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        try
        {
            await db.Database.UseTransactionAsync(transaction.GetDbTransaction());
            try
            {
                return await w.Save(false, CancellationToken.None);
            }
            finally
            {
                await db.Database.UseTransactionAsync(null);
            }
        }
        finally
        {
            // The context goes back to opening its own connections for whatever its request does next.
            db.Database.SetDbConnection(null);
            db.Database.SetConnectionString(connectionString);
        }
    }

    private async Task SaveAloneAsync(Waiting w)
    {
        try
        {
            var count = await w.Save(w.AcceptAllChangesOnSuccess, CancellationToken.None);
            Interlocked.Increment(ref commits);
            w.Done.TrySetResult(count);
        }
        catch (Exception e)
        {
            w.Done.TrySetException(e);
        }
    }

    private sealed class Waiting(DbContext db, bool acceptAllChangesOnSuccess, Func<bool, CancellationToken, Task<int>> save,
        CancellationToken cancellation)
    {
        public DbContext Db { get; } = db;
        public Func<bool, CancellationToken, Task<int>> Save { get; } = save;
        public bool AcceptAllChangesOnSuccess { get; } = acceptAllChangesOnSuccess;
        public CancellationToken Cancellation { get; } = cancellation;
        // Answers continue on their own threads, not on the writer's.
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
