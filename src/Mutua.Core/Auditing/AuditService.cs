using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Auditing;

public sealed record AuditRow(DateTimeOffset At, string? ActorFirstName, string Action, string? CommunityName, string? Subject, string? Detail);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, bool HasMore);

/// <summary>
/// The names the audit page shows beside ids. The features that own people and communities give them;
/// Auditing, which every feature records into, uses none of them.
/// </summary>
public interface IAuditNames
{
    Task<IReadOnlyDictionary<Guid, string>> FirstNamesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct);

    Task<IReadOnlyDictionary<Guid, string>> CommunityNamesAsync(IReadOnlyCollection<Guid> communityIds, CancellationToken ct);
}

/// <summary>Admins read the audit log, newest first, a page at a time.</summary>
public sealed class AuditService(MutuaDbContext db, IAuditNames names)
{
    public const int PageSize = 50;

    public async Task<Outcome<AuditPage>> ListAsync(Viewer viewer, int page, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin) return Failure.Forbidden;
        page = Math.Max(1, page);
        var entries = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new { a.At, a.ActorId, a.Action, a.CommunityId, a.Subject, a.Detail })
            .ToListAsync(ct);
        var people = await names.FirstNamesAsync(entries.Where(a => a.ActorId is not null).Select(a => a.ActorId!.Value).ToHashSet(), ct);
        var communities = await names.CommunityNamesAsync(entries.Where(a => a.CommunityId is not null).Select(a => a.CommunityId!.Value).ToHashSet(), ct);
        var rows = entries.Select(a => new AuditRow(a.At,
            a.ActorId is { } actor ? people.GetValueOrDefault(actor) : null,
            a.Action,
            a.CommunityId is { } community ? communities.GetValueOrDefault(community) : null,
            a.Subject, a.Detail)).ToList();
        return new AuditPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }
}
