using Microsoft.EntityFrameworkCore;
using Mutua.Core.Communities;

namespace Mutua.Web.Tests.Infrastructure;

/// <summary>
/// Who acts in the authorisation matrix, relative to the resources under test: Dudley Neighbors
/// Together, its group Warren Street Circle and the household "Jamal &amp; Rosa" in it.
/// </summary>
public static class Actors
{
    public const string Anonymous = "anonymous";
    public const string SameHousehold = "member of the same household";
    public const string OtherHousehold = "member of another household";
    public const string Coordinator = "coordinator";
    public const string Sponsor = "sponsor";
    public const string Admin = "admin";
    public const string OtherCommunity = "member of another community";
    public const string OtherCoordinator = "coordinator of another community";

    public static readonly string[] All =
        [Anonymous, SameHousehold, OtherHousehold, Coordinator, Sponsor, Admin, OtherCommunity, OtherCoordinator];

    public static readonly string[] SignedIn = All.Where(a => a != Anonymous).ToArray();

    public static string? Login(string actor) => actor switch
    {
        Anonymous => null,
        SameHousehold => DemoPeople.JamalLogin,
        OtherHousehold => DemoPeople.KeishaLogin,
        Coordinator => DemoPeople.DeniseLogin,
        Sponsor => DemoPeople.SponsorLogin,
        Admin => DemoPeople.AdminLogin,
        OtherCommunity => DemoPeople.RosarioLogin,
        OtherCoordinator => DemoPeople.EsperanzaLogin,
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, null),
    };
}

/// <summary>Puts the resources the matrix acts on back as the demo made them, so each cell starts the same.</summary>
public static class MatrixState
{
    public const string WarrenStreetCircle = "Warren Street Circle";
    public const string JamalHouseholdName = "Jamal & Rosa";

    public static Task ResetAsync(MutuaFactory app) => app.WithDbAsync(async db =>
    {
        var d = app.Demo;
        await db.CommunityRoles.Where(r => r.PersonId == d.Andre && r.Role != Role.Member).ExecuteDeleteAsync();
        // Nobody shares a phone with newcomers, so that sharing one is a change.
        await db.Users.Where(u => u.BuddyPhone != null || u.BuddyAtGroupMeeting)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.BuddyPhone, (string?)null).SetProperty(u => u.BuddyAtGroupMeeting, false));
        await db.Groups.Where(g => g.Id == d.WarrenStreetCircle).ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, WarrenStreetCircle));
        await db.Households.Where(h => h.Id == d.JamalHousehold).ExecuteUpdateAsync(s => s
            .SetProperty(h => h.Name, JamalHouseholdName).SetProperty(h => h.GroupId, d.WarrenStreetCircle)
            .SetProperty(h => h.NameOnMap, NameOnMap.Community));
        // Jamal & Rosa's two projects, as the demo made them.
        Guid[] projects = [d.ToolLibrary, d.FoodCart];
        await db.Pledges.Where(p => projects.Contains(p.ProjectId)).ExecuteDeleteAsync();
        await db.ShareEvents.Where(e => projects.Contains(e.ProjectId)).ExecuteDeleteAsync();
        await db.ProjectFollowers.Where(f => projects.Contains(f.ProjectId)).ExecuteDeleteAsync();
        await db.ProjectPhotos.Where(p => projects.Contains(p.ProjectId) && (p.UpdateId != null
            || p.CreatedAt > db.ProjectPhotos.Where(x => x.ProjectId == p.ProjectId).Min(x => x.CreatedAt))).ExecuteDeleteAsync();
        await db.ProjectUpdates.Where(u => projects.Contains(u.ProjectId) && u.Text != DemoUpdateText).ExecuteDeleteAsync();
        await db.Projects.Where(p => projects.Contains(p.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Status, Mutua.Core.Projects.ProjectStatus.Published)
            .SetProperty(p => p.VerifiedAt, (DateTimeOffset?)null).SetProperty(p => p.VerifiedById, (Guid?)null)
            .SetProperty(p => p.VerificationNote, (string?)null));
        await db.Projects.Where(p => p.Id == d.ToolLibrary).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, ToolLibraryTitle).SetProperty(p => p.IsPublic, false));
        await db.Projects.Where(p => p.Id == d.FoodCart).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, FoodCartTitle).SetProperty(p => p.IsPublic, true));
    });

    public const string ToolLibraryTitle = "Tool library in the basement";
    public const string FoodCartTitle = "Warren Street food cart";
    private const string DemoUpdateText = "Thank you! We have started and will post how it goes.";

    /// <summary>Everything a request could change, except the audit log and sign-in bookkeeping.</summary>
    public static Task<string> FingerprintAsync(MutuaFactory app) => app.WithDbAsync(async db =>
    {
        static string Join<T>(IEnumerable<T> rows) => string.Join(";", rows.Select(r => r!.ToString()).Order(StringComparer.Ordinal));
        var communities = await db.Communities.Select(c => new { c.Id, c.Name, c.Place, c.AgencyName, c.AgencyAbout, c.AgencyContact }).ToListAsync();
        var groups = await db.Groups.Select(g => new { g.Id, g.CommunityId, g.Name }).ToListAsync();
        var households = await db.Households.Select(h => new { h.Id, h.CommunityId, h.GroupId, h.Name, h.NameOnMap }).ToListAsync();
        var members = await db.HouseholdMembers.Select(m => new { m.HouseholdId, m.PersonId }).ToListAsync();
        var roles = await db.CommunityRoles.Select(r => new { r.CommunityId, r.PersonId, r.Role }).ToListAsync();
        var invitations = await db.Invitations.Select(i => new { i.Id, i.RevokedAt, i.RedeemedAt, i.ExpiresAt }).ToListAsync();
        var people = await db.Users.Select(u => new { u.Id, u.FirstName, u.FullName, u.PreferredLanguage, u.BuddyPhone, u.BuddyAtGroupMeeting }).ToListAsync();
        var checkIns = await db.CheckIns.Select(c => new { c.Id, c.UpdatedAt, c.Corrections }).ToListAsync();
        var projects = await db.Projects.Select(p => new { p.Id, p.Title, p.Story, p.Status, p.IsPublic, p.VerifiedAt, p.UpdatedAt }).ToListAsync();
        var needs = await db.Needs.Select(n => new { n.Id, n.Kind, n.Target, n.Description }).ToListAsync();
        var pledges = await db.Pledges.Select(p => new { p.Id, p.Status, p.Amount, p.Reference }).ToListAsync();
        var updates = await db.ProjectUpdates.Select(u => new { u.Id }).ToListAsync();
        var photos = await db.ProjectPhotos.Select(p => new { p.Id }).ToListAsync();
        var followers = await db.ProjectFollowers.Select(f => new { f.ProjectId, f.PersonId }).ToListAsync();
        // Which sessions were signed out; signing in (a new session) and "last seen" are bookkeeping.
        var sessions = await db.SignInSessions.Where(s => s.EndedAt != null).Select(s => s.Id).ToListAsync();
        var savings = await db.SavingsGroups.Select(g => new { g.Id, g.Name }).ToListAsync();
        var cycles = await db.SavingsCycles.Select(c => new { c.Id, c.ClosedAt }).ToListAsync();
        var meetings = await db.SavingsMeetings.Select(m => new { m.Id }).ToListAsync();
        var entries = await db.SavingsEntries.Select(e => new { e.Id }).ToListAsync();
        return string.Join("\n", Join(communities), Join(groups), Join(households), Join(members), Join(roles),
            Join(invitations), Join(people), Join(checkIns), Join(projects), Join(needs), Join(pledges), Join(updates), Join(photos), Join(followers),
            Join(sessions), Join(savings), Join(cycles), Join(meetings), Join(entries));
    });

    /// <summary>A live session of the person on some other device, as signing in there would make it.</summary>
    public static Task<Guid> OtherSessionAsync(MutuaFactory app, Guid person) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var session = new Mutua.Core.Accounts.SignInSession
        {
            Id = Guid.NewGuid(), PersonId = person, Kind = Mutua.Core.Accounts.SessionKind.Browser, CreatedAt = now, LastSeenAt = now,
            Device = "Firefox · Linux",
        };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    /// <summary>Another live session for every demo person the matrix acts as, so "sign out everywhere else" has something to end.</summary>
    public static async Task OtherSessionsForEveryoneAsync(MutuaFactory app)
    {
        var d = app.Demo;
        foreach (var person in new[] { d.Jamal, d.Keisha, d.Denise, d.Sponsor, d.Admin, d.Rosario, d.Esperanza }) await OtherSessionAsync(app, person);
    }
}
