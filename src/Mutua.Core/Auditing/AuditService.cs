using Microsoft.EntityFrameworkCore;
using Mutua.Core.Communities;

namespace Mutua.Core.Auditing;

public sealed record AuditRow(DateTimeOffset At, string? ActorFirstName, string Action, string? CommunityName, string? Subject, string? Detail);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, bool HasMore);

/// <summary>Admins read the audit log, newest first, a page at a time.</summary>
public sealed class AuditService(MutuaDbContext db)
{
    public const int PageSize = 50;

    public async Task<Outcome<AuditPage>> ListAsync(Viewer viewer, int page, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin) return Failure.Forbidden;
        page = Math.Max(1, page);
        var rows = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new AuditRow(a.At,
                db.Users.Where(p => p.Id == a.ActorId).Select(p => p.FirstName).FirstOrDefault(),
                a.Action,
                db.Communities.Where(c => c.Id == a.CommunityId).Select(c => c.Name).FirstOrDefault(),
                a.Subject, a.Detail))
            .ToListAsync(ct);
        return new AuditPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }
}
