using Microsoft.EntityFrameworkCore;
using Mutua.Core.Auditing;

namespace Mutua.Core.Accounts;

/// <summary>One line of "signed in on these devices".</summary>
public sealed record SessionView(Guid Id, SessionKind Kind, string? Device, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt, bool ThisDevice);

/// <summary>
/// Sign-ins kept on the server (issue 11, finding 5). Every node reads the same rows, so a session
/// ended on one node is refused by all of them on the next request; nothing lives in process memory.
/// </summary>
/// <summary>
/// A person as a viewer, with their session's last-seen time, in the one query every signed-in request
/// makes. Communities loads viewers (their roles and households live there) and answers this for
/// Accounts, which owns the sessions and may not use Communities.
/// </summary>
public interface ISessionViewers
{
    /// <summary>The viewer, and when the session was last seen (null when it does not exist or has ended).</summary>
    Task<(Viewer Viewer, DateTimeOffset? SessionLastSeen)> LoadInSessionAsync(Guid personId, Guid sessionId, CancellationToken ct);
}

public sealed class SessionService(MutuaDbContext db, ISessionViewers viewers, TimeProvider clock)
{
    /// <summary>
    /// How stale "last seen" may be. Writing it on every request would turn every signed-in read into
    /// a write; a few minutes is as precise as "last seen" needs to be.
    /// </summary>
    public static readonly TimeSpan LastSeenStep = TimeSpan.FromMinutes(5);

    /// <summary>A session nobody used for this long is over, as its cookie or refresh token would be.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromDays(30);

    public async Task<Guid> StartAsync(Guid personId, SessionKind kind, string? userAgent, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var session = new SignInSession
        {
            Id = Guid.NewGuid(), PersonId = personId, Kind = kind, CreatedAt = now, LastSeenAt = now,
            Device = DeviceNames.Describe(userAgent),
        };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>
    /// The check every signed-in request makes, folded into the viewer's own query: the viewer when
    /// the session is live, null when it was ended or went idle. Moves "last seen" on, at most once
    /// every <see cref="LastSeenStep"/>.
    /// </summary>
    public async Task<Viewer?> ViewerInSessionAsync(Guid sessionId, Guid personId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (viewer, lastSeen) = await viewers.LoadInSessionAsync(personId, sessionId, ct);
        if (lastSeen is not { } seen || now - seen > IdleLimit || !viewer.IsSignedIn) return null;
        if (now - seen >= LastSeenStep)
        {
            await db.SignInSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        }
        return viewer;
    }

    /// <summary>Whether a session is live, for a refresh token: one lookup by primary key.</summary>
    public async Task<bool> IsLiveAsync(Guid sessionId, Guid personId, CancellationToken ct = default) =>
        await ViewerInSessionAsync(sessionId, personId, ct) is not null;

    /// <summary>
    /// Uses up refresh token number <paramref name="generation"/> of a live session and returns the next number, or
    /// null. A refresh token used a second time means two holders (a stolen copy): the session ends for both.
    /// </summary>
    public async Task<int?> RotateRefreshAsync(Guid sessionId, Guid personId, int generation, CancellationToken ct = default)
    {
        var moved = await db.SignInSessions
            .Where(s => s.Id == sessionId && s.PersonId == personId && s.EndedAt == null && s.RefreshGeneration == generation)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RefreshGeneration, generation + 1), ct);
        if (moved == 1) return generation + 1;
        var now = clock.GetUtcNow();
        await db.SignInSessions.Where(s => s.Id == sessionId && s.PersonId == personId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
        return null;
    }

    /// <summary>The person's live sessions, the most recently used first.</summary>
    public async Task<IReadOnlyList<SessionView>> ListAsync(Viewer viewer, Guid? current, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return [];
        var since = clock.GetUtcNow() - IdleLimit;
        var rows = await db.SignInSessions.AsNoTracking()
            .Where(s => s.PersonId == viewer.PersonId && s.EndedAt == null && s.LastSeenAt > since)
            .ToListAsync(ct);
        return rows.OrderByDescending(s => s.Id == current).ThenByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt)
            .Select(s => new SessionView(s.Id, s.Kind, s.Device, s.CreatedAt, s.LastSeenAt, s.Id == current))
            .ToList();
    }

    /// <summary>Signs one session out. Someone else's session answers like one that does not exist.</summary>
    public async Task<Outcome<bool>> EndAsync(Viewer viewer, Guid sessionId, CancellationToken ct = default) =>
        viewer.IsSignedIn && await SignOutAsync(viewer.PersonId, sessionId, ct) ? true : Failure.NotFound;

    /// <summary>Ends a person's session: signing out on the device itself, or from another one.</summary>
    public async Task<bool> SignOutAsync(Guid personId, Guid sessionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var ended = await db.SignInSessions.Where(s => s.Id == sessionId && s.PersonId == personId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
        if (ended == 0) return false;
        db.Record(now, personId, AuditActions.SignedOut, subject: personId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>"Sign out everywhere else": every session of the person but <paramref name="keep"/>.</summary>
    public async Task<int> EndOthersAsync(Viewer viewer, Guid? keep, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return 0;
        var ended = await EndAllOfAsync(viewer.PersonId, keep, ct);
        db.Record(clock.GetUtcNow(), viewer.PersonId, AuditActions.SignedOutElsewhere, subject: viewer.PersonId, detail: ended.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return ended;
    }

    /// <summary>Ends every live session of a person but <paramref name="keep"/> (a password change, a closed account).</summary>
    public Task<int> EndAllOfAsync(Guid personId, Guid? keep, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.SignInSessions.Where(s => s.PersonId == personId && s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }
}
