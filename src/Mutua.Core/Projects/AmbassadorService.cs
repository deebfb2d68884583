using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Communities;

namespace Mutua.Core.Projects;

/// <summary>
/// Ambassadors spread public projects through links that carry their code (/p/{slug}?via={code});
/// visits, sign-ups and pledges that came through them are counted for them and for the owner.
/// </summary>
public sealed class AmbassadorService(MutuaDbContext db, TimeProvider clock)
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>Holds the ambassador role somewhere, within its committed period.</summary>
    internal static async Task<bool> IsActiveAsync(MutuaDbContext db, Guid personId, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await db.CommunityRoles.AnyAsync(r => r.PersonId == personId && r.Role == Role.Ambassador && (r.Until == null || r.Until >= today), ct);
    }

    internal static async Task<string> CodeForAsync(MutuaDbContext db, Guid personId, TimeProvider clock, CancellationToken ct)
    {
        var code = await db.AmbassadorCodes.Where(a => a.PersonId == personId).Select(a => a.Code).FirstOrDefaultAsync(ct);
        if (code is not null) return code;
        var row = new AmbassadorCode { PersonId = personId, Code = RandomNumberGenerator.GetString(Alphabet, AmbassadorCode.Length), CreatedAt = clock.GetUtcNow() };
        db.AmbassadorCodes.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return row.Code;
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return await db.AmbassadorCodes.Where(a => a.PersonId == personId).Select(a => a.Code).FirstAsync(ct);
        }
    }

    /// <summary>The active ambassador a <c>via</c> code belongs to, or null.</summary>
    internal static async Task<Guid?> AmbassadorOfCodeAsync(MutuaDbContext db, string? code, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length != AmbassadorCode.Length) return null;
        var normal = code.Trim().ToLowerInvariant();
        var person = await db.AmbassadorCodes.Where(a => a.Code == normal).Select(a => (Guid?)a.PersonId).FirstOrDefaultAsync(ct);
        return person is { } p && await IsActiveAsync(db, p, clock, ct) ? p : null;
    }

    /// <summary>Someone opened a public project through an ambassador's link. Returns the ambassador, or null when the code means nothing here.</summary>
    public async Task<Guid?> RecordVisitAsync(Guid projectId, string? code, CancellationToken ct = default) =>
        await RecordAsync(projectId, code, ShareEventKind.Visit, ct);

    /// <summary>Someone who came through an ambassador's link created an account.</summary>
    public async Task<Guid?> RecordSignUpAsync(Guid projectId, string? code, CancellationToken ct = default) =>
        await RecordAsync(projectId, code, ShareEventKind.SignUp, ct);

    private async Task<Guid?> RecordAsync(Guid projectId, string? code, ShareEventKind kind, CancellationToken ct)
    {
        var ambassador = await AmbassadorOfCodeAsync(db, code, clock, ct);
        if (ambassador is null) return null;
        var shareable = await db.Projects.AnyAsync(p => p.Id == projectId && p.IsPublic && p.Status != ProjectStatus.Draft, ct);
        if (!shareable) return null;
        db.ShareEvents.Add(new ShareEvent { AmbassadorId = ambassador.Value, ProjectId = projectId, Kind = kind, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return ambassador;
    }

    public async Task<Outcome<AmbassadorDashboard>> DashboardAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return Failure.Forbidden;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var roles = await db.CommunityRoles.AsNoTracking()
            .Where(r => r.PersonId == viewer.PersonId && r.Role == Role.Ambassador && (r.Until == null || r.Until >= today))
            .Select(r => new { r.CommunityId, r.Until }).ToListAsync(ct);
        if (roles.Count == 0) return Failure.NotAmbassador;
        var code = await CodeForAsync(db, viewer.PersonId, clock, ct);
        var counts = await db.ShareEvents.AsNoTracking().Where(e => e.AmbassadorId == viewer.PersonId)
            .GroupBy(e => new { e.ProjectId, e.Kind }).Select(g => new { g.Key.ProjectId, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var projectIds = counts.Select(c => c.ProjectId).Distinct().ToList();
        var communities = roles.Select(r => r.CommunityId).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Slug, p.Title, p.CommunityId, p.Category }).ToListAsync(ct);
        var toShare = await db.Projects.AsNoTracking()
            .Where(p => p.IsPublic && p.Status == ProjectStatus.Published && communities.Contains(p.CommunityId))
            .OrderByDescending(p => p.PublishedAt).Take(10).Select(p => new { p.Id, p.Slug, p.Title, p.CommunityId, p.Category }).ToListAsync(ct);
        var communityIds = projects.Select(p => p.CommunityId).Concat(toShare.Select(p => p.CommunityId)).Distinct().ToList();
        var names = await db.Communities.Where(c => communityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Name, Language: c.DefaultLanguage), ct);
        // In its community's language: a project does not say which language its title is in.
        ProjectLink Link(Guid id, string slug, string title, Guid community, ProjectCategory category) => names.TryGetValue(community, out var c)
            ? new ProjectLink(id, slug, title, c.Name, category, c.Language) : new ProjectLink(id, slug, title, "", category, Accounts.Languages.Default);
        int Count(Guid? project, ShareEventKind kind) => counts.Where(c => (project is null || c.ProjectId == project) && c.Kind == kind).Sum(c => c.Count);
        var rows = projects.Select(p => new AmbassadorProjectRow(Link(p.Id, p.Slug, p.Title, p.CommunityId, p.Category),
                Count(p.Id, ShareEventKind.Visit), Count(p.Id, ShareEventKind.SignUp), Count(p.Id, ShareEventKind.Pledge)))
            .OrderByDescending(r => r.Visits).ToList();
        return new AmbassadorDashboard(code, roles.Max(r => r.Until), rows,
            toShare.Select(p => Link(p.Id, p.Slug, p.Title, p.CommunityId, p.Category)).ToList(),
            Count(null, ShareEventKind.Visit), Count(null, ShareEventKind.SignUp), Count(null, ShareEventKind.Pledge));
    }
}
