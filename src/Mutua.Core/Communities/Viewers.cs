using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Communities;

/// <summary>Loads the <see cref="Viewer"/>: the person, their roles and their households in one round trip.</summary>
public static class Viewers
{
    public static async Task<Viewer> LoadAsync(MutuaDbContext db, Guid personId, CancellationToken ct = default)
    {
        var rows = new List<ViewerRow>();
        await foreach (var row in Rows(db, personId).WithCancellation(ct)) rows.Add(row);
        return FromRows(personId, rows);
    }

    /// <summary>
    /// The viewer and, in the same round trip, when their sign-in session was last seen: null when the
    /// session was ended (or is not theirs). The session check then costs a signed-in request nothing
    /// beyond the viewer it loads anyway (issue 11, finding 5; issue 15).
    /// </summary>
    public static async Task<(Viewer Viewer, DateTimeOffset? SessionLastSeen)> LoadInSessionAsync(MutuaDbContext db, Guid personId, Guid sessionId,
        CancellationToken ct = default)
    {
        var rows = new List<ViewerRow>();
        await foreach (var row in RowsInSession(db, personId, sessionId).WithCancellation(ct)) rows.Add(row);
        var session = rows.FirstOrDefault(r => r.Kind == ViewerRow.SessionRow);
        return (FromRows(personId, rows), session is null ? null : session.LastSeenAt);
    }

    private static Viewer FromRows(Guid personId, List<ViewerRow> rows)
    {
        var person = rows.FirstOrDefault(r => r.Kind == ViewerRow.Person);
        if (person is null) return Viewer.Anonymous;
        return new Viewer(personId, person.IsAdmin,
            rows.Where(r => r.Kind == ViewerRow.RoleRow).Select(r => (r.CommunityId, r.Role)).ToList(),
            rows.Where(r => r.Kind == ViewerRow.HouseholdRow).Select(r => new HouseholdPlace(r.HouseholdId!.Value, r.CommunityId, r.GroupId)).ToList());
    }

    // Stryker disable all : the two queries below are compiled once per process, and EF folds a mutant's switch into
    // the SQL it caches then; in mutation testing's reused test host a mutant here is never what a test runs. What they
    // return is pinned by ViewerLoadTests (people, roles, households, live, ended and foreign sessions) instead.
    private static readonly Func<MutuaDbContext, Guid, Guid, IAsyncEnumerable<ViewerRow>> RowsInSession = EF.CompileAsyncQuery(
        (MutuaDbContext db, Guid personId, Guid sessionId) =>
        db.Users.Where(p => p.Id == personId)
            .Select(p => new ViewerRow
            {
                Kind = ViewerRow.Person, IsAdmin = p.IsAdmin, CommunityId = Guid.Empty, Role = Role.Member, HouseholdId = null, GroupId = null,
                // Unused outside the session row; a column of the same type, since a bare null loses SQLite's instant conversion in a UNION.
                LastSeenAt = p.CreatedAt,
            })
            .Concat(db.CommunityRoles.Where(r => r.PersonId == personId)
                .Select(r => new ViewerRow
                {
                    Kind = ViewerRow.RoleRow, IsAdmin = false, CommunityId = r.CommunityId, Role = r.Role, HouseholdId = null, GroupId = null,
                    LastSeenAt = r.GrantedAt,
                }))
            .Concat(db.HouseholdMembers.Where(m => m.PersonId == personId)
                .Select(m => new ViewerRow
                {
                    Kind = ViewerRow.HouseholdRow, IsAdmin = false, CommunityId = m.Household!.CommunityId, Role = Role.Member,
                    HouseholdId = m.HouseholdId, GroupId = m.Household.GroupId, LastSeenAt = m.JoinedAt,
                }))
            .Concat(db.SignInSessions.Where(s => s.Id == sessionId && s.PersonId == personId && s.EndedAt == null)
                .Select(s => new ViewerRow
                {
                    Kind = ViewerRow.SessionRow, IsAdmin = false, CommunityId = Guid.Empty, Role = Role.Member, HouseholdId = null, GroupId = null,
                    LastSeenAt = s.LastSeenAt,
                }))
            .AsNoTracking());

    /// <summary>
    /// Every signed-in request starts here: the person, their roles and their households in one round
    /// trip. Compiled once: hashing and comparing this tree to find its cached plan cost more than running it.
    /// </summary>
    // Stryker disable all : compiled once per process, as above (a disable before the first query does not reach this one).
    private static readonly Func<MutuaDbContext, Guid, IAsyncEnumerable<ViewerRow>> Rows = EF.CompileAsyncQuery((MutuaDbContext db, Guid personId) =>
        db.Users.Where(p => p.Id == personId)
            .Select(p => new ViewerRow { Kind = ViewerRow.Person, IsAdmin = p.IsAdmin, CommunityId = Guid.Empty, Role = Role.Member, HouseholdId = null, GroupId = null })
            .Concat(db.CommunityRoles.Where(r => r.PersonId == personId)
                .Select(r => new ViewerRow { Kind = ViewerRow.RoleRow, IsAdmin = false, CommunityId = r.CommunityId, Role = r.Role, HouseholdId = null, GroupId = null }))
            .Concat(db.HouseholdMembers.Where(m => m.PersonId == personId)
                .Select(m => new ViewerRow
                {
                    Kind = ViewerRow.HouseholdRow, IsAdmin = false, CommunityId = m.Household!.CommunityId, Role = Role.Member,
                    HouseholdId = m.HouseholdId, GroupId = m.Household.GroupId,
                }))
            .AsNoTracking());

    // Stryker restore all

    private sealed class ViewerRow
    {
        public const int Person = 0, RoleRow = 1, HouseholdRow = 2, SessionRow = 3;
        public int Kind { get; init; }
        public bool IsAdmin { get; init; }
        public Guid CommunityId { get; init; }
        public Role Role { get; init; }
        public Guid? HouseholdId { get; init; }
        public Guid? GroupId { get; init; }
        public DateTimeOffset LastSeenAt { get; init; }
    }
}
