using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Mutua.Core.Communities;

namespace Mutua.Core.Projects;

/// <summary>
/// The discovery page: full-text search (SQLite FTS5 table ProjectsFts, PostgreSQL tsvector column
/// "SearchVector" with the 'simple' configuration, since titles come in five languages), filters,
/// three orders and paging. Shows what the viewer may see: public projects, and published ones of
/// their own communities.
/// </summary>
public sealed class ProjectSearch(MutuaDbContext db, IMemoryCache cache)
{
    public const int PageSize = 20;
    /// <summary>"Near its goal": at least three quarters there, not yet all the way.</summary>
    public const int NearGoalFrom = 750;

    /// <summary>Ids of projects whose title or story has the words (all of them, or any with <paramref name="any"/>).</summary>
    public static IQueryable<Guid> Matching(MutuaDbContext db, string text, bool any = false)
    {
        if (db.Dialect == SqlDialect.PostgreSql)
        {
            var ts = ProjectText.TsQuery(text, any) ?? "";
            return db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM \"Projects\" WHERE \"SearchVector\" @@ to_tsquery('simple', {ts})");
        }
        var fts = ProjectText.Fts5Query(text, any) ?? "\"\"";
        return db.Database.SqlQuery<Guid>($"SELECT ProjectId AS Value FROM ProjectsFts WHERE ProjectsFts MATCH {fts}");
    }

    /// <summary>The communities discovery filters by, by name: every community's name is public (its projects may not be).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CommunitiesAsync(CancellationToken ct = default) =>
        (await db.Communities.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();

    /// <summary>How long one search's page of cards is reused for everyone who sees the same projects.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A page of cards. The same search by people who may see the same projects within <see cref="Fresh"/> reuses
    /// the answer (per node, rebuilt on each): a busy discovery page then costs the database once every few seconds.
    /// Project pages themselves always read the pledges afresh.
    /// </summary>
    public async Task<ProjectList> SearchAsync(Viewer viewer, ProjectQuery query, CancellationToken ct = default)
    {
        var visibility = viewer.IsAdmin ? "admin" : string.Join(',', viewer.Roles.Select(r => r.CommunityId).Distinct().Order());
        var key = $"search:{visibility}:{query}";
        if (cache.TryGetValue(key, out ProjectList? cached) && cached is not null) return cached;
        var list = await SearchUncachedAsync(viewer, query, ct);
        cache.Set(key, list, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Fresh, Size = 1 });
        return list;
    }

    private async Task<ProjectList> SearchUncachedAsync(Viewer viewer, ProjectQuery query, CancellationToken ct)
    {
        var page = Math.Clamp(query.Page, 1, 500);
        var communities = viewer.IsAdmin ? null : viewer.Roles.Select(r => r.CommunityId).Distinct().ToList();
        var q = db.Projects.AsNoTracking().Where(p => p.Status != ProjectStatus.Draft);
        q = communities is null ? q : q.Where(p => p.IsPublic || communities.Contains(p.CommunityId));
        if (query.CommunityId is { } community) q = q.Where(p => p.CommunityId == community);
        if (query.Category is { } category) q = q.Where(p => p.Category == category);
        if (query.Need is { } kind) q = q.Where(p => db.Needs.Any(n => n.ProjectId == p.Id && n.Kind == kind));
        if (query.VerifiedOnly) q = q.Where(p => p.VerifiedAt != null);
        if (query.NearGoal) q = q.Where(p => p.RankProgress >= NearGoalFrom && p.RankProgress < 1000);
        if (ProjectText.QueryWords(query.Q).Count > 0)
        {
            var matching = Matching(db, query.Q!);
            q = q.Where(p => matching.Contains(p.Id));
        }
        q = query.Sort switch
        {
            ProjectSort.ClosestToGoal => q.Where(p => p.RankProgress < 1000).OrderByDescending(p => p.RankProgress).ThenByDescending(p => p.PublishedAt),
            ProjectSort.MostSupported => q.OrderByDescending(p => p.RankSupporters).ThenByDescending(p => p.PublishedAt),
            _ => q.OrderByDescending(p => p.PublishedAt),
        };
        var ids = await q.Skip((page - 1) * PageSize).Take(PageSize + 1).Select(p => p.Id).ToListAsync(ct);
        var cards = await CardsAsync(db, ids.Take(PageSize).ToList(), ct);
        return new ProjectList(cards, page, PageSize, ids.Count > PageSize);
    }

    /// <summary>Cards for the ids, in their order. Money figures are summed from the pledges.</summary>
    internal static async Task<IReadOnlyList<ProjectCard>> CardsAsync(MutuaDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Slug, p.Title, Excerpt = p.Story.Substring(0, 180), p.Category, p.Status, p.CommunityId, p.VerifiedAt,
                p.RankSupporters, p.RankProgress, p.PublishedAt,
                Photo = db.ProjectPhotos.Where(x => x.ProjectId == p.Id && x.UpdateId == null).OrderBy(x => x.CreatedAt).Select(x => (Guid?)x.Id).FirstOrDefault(),
            }).ToListAsync(ct);
        // The first money need of each, read on its own: a "first per project" inside the query above becomes a window over every need.
        var moneyRows = await db.Needs.AsNoTracking().Where(n => ids.Contains(n.ProjectId) && n.Kind == NeedKind.Money)
            .Select(n => new { n.ProjectId, n.Id, n.Target, n.Order }).ToListAsync(ct);
        var money = moneyRows.GroupBy(n => n.ProjectId).ToDictionary(g => g.Key, g => g.OrderBy(n => n.Order).First());
        var moneyNeeds = money.Values.Select(n => n.Id).ToList();
        var confirmed = await db.Pledges.AsNoTracking().Where(p => moneyNeeds.Contains(p.NeedId) && p.Status == PledgeStatus.Confirmed)
            .GroupBy(p => p.NeedId).Select(g => new { NeedId = g.Key, Total = g.Sum(p => p.Amount) })
            .ToDictionaryAsync(x => x.NeedId, x => x.Total, ct);
        var communityIds = rows.Select(r => r.CommunityId).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { c.Name, c.Currency, c.DefaultLanguage }, ct);
        return ids.Select(id => rows.FirstOrDefault(r => r.Id == id)).Where(r => r is not null).Select(r => new ProjectCard(
            r!.Id, r.Slug, r.Title, r.Excerpt, r.Category, r.Status, r.CommunityId, communities[r.CommunityId].Name, communities[r.CommunityId].Currency,
            r.VerifiedAt is not null, money.GetValueOrDefault(r.Id)?.Target,
            money.GetValueOrDefault(r.Id) is { } m ? confirmed.GetValueOrDefault(m.Id) : null, r.RankSupporters,
            r.RankProgress, r.Photo, r.PublishedAt, communities[r.CommunityId].DefaultLanguage)).ToList();
    }
}
