using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;

namespace Mutua.Core.Communities;

/// <summary>What Communities answers for the features beneath it, which may not use it: viewers, where its communities are, and names.</summary>
internal sealed class CommunityLookups(MutuaDbContext db) : IPhoneRegions, IAuditNames, ISessionViewers
{
    public Task<(Viewer Viewer, DateTimeOffset? SessionLastSeen)> LoadInSessionAsync(Guid personId, Guid sessionId, CancellationToken ct) =>
        Viewers.LoadInSessionAsync(db, personId, sessionId, ct);

    public async Task<IReadOnlyList<string>> CountriesAsync(CancellationToken ct) =>
        await db.Communities.AsNoTracking().Select(c => c.Country).Distinct().ToListAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, string>> FirstNamesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct) =>
        personIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FirstName, ct);

    public async Task<IReadOnlyDictionary<Guid, string>> CommunityNamesAsync(IReadOnlyCollection<Guid> communityIds, CancellationToken ct) =>
        communityIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
}
