namespace Mutua.Core.Auditing;

public static class AuditLog
{
    /// <summary>Adds an entry to the context; it is saved with the change it records.</summary>
    public static void Record(this MutuaDbContext db, DateTimeOffset at, Guid? actorId, string action,
        Guid? communityId = null, object? subject = null, string? detail = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            ActorId = actorId,
            Action = action,
            CommunityId = communityId,
            Subject = subject?.ToString(),
            Detail = detail is { Length: > 400 } ? detail[..400] : detail,
        });
    }
}
