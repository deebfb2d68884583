using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.Communities;

namespace Mutua.Core.Projects;

/// <summary>
/// Projects: posting, editing, publishing, updates, followers, verification by the community's
/// sponsor, "inspired by" links and photos. Who may do what is decided here, on the project itself.
/// </summary>
public sealed class ProjectService(MutuaDbContext db, Events events, TimeProvider clock, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
{
    public const int MaxNeeds = 12;
    public const int MaxPhotos = 12;
    public const int MaxInspirations = 5;
    public const int VerificationNoteMaxLength = 400;

    // ---------------------------------------------------------------- who may

    internal static bool IsOwner(Viewer v, Guid? householdId, Guid? groupId) =>
        householdId is { } h ? v.IsMemberOf(h) : groupId is { } g && v.Households.Any(x => x.GroupId == g);

    internal static bool CanSee(Viewer v, Project p) =>
        IsOwner(v, p.HouseholdId, p.GroupId) || (p.Status != ProjectStatus.Draft && (p.IsPublic || v.InCommunity(p.CommunityId)));

    private async Task<Project?> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var q = db.Projects.Include(p => p.Needs).Where(p => p.Id == id);
        return await (tracked ? q : q.AsNoTracking()).AsSplitQuery().FirstOrDefaultAsync(ct);
    }

    /// <summary>The project if the viewer may see it; NotFound otherwise (a draft's existence is nobody else's business).</summary>
    private async Task<Outcome<Project>> VisibleAsync(Viewer viewer, Guid id, bool tracked, CancellationToken ct)
    {
        var project = await FindAsync(id, tracked, ct);
        if (project is null || !CanSee(viewer, project)) return Failure.NotFound;
        return project;
    }

    public async Task<Guid?> IdOfSlugAsync(string slug, CancellationToken ct = default) =>
        await db.Projects.Where(p => p.Slug == slug).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    // ---------------------------------------------------------------- posting and editing

    public async Task<Outcome<ProjectView>> CreateAsync(Viewer viewer, NewProject input, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return Failure.Forbidden;
        Guid communityId;
        if (input.HouseholdId is { } householdId && input.GroupId is null)
        {
            var place = viewer.Households.FirstOrDefault(h => h.HouseholdId == householdId);
            if (place is null)
            {
                var other = await db.Households.Where(h => h.Id == householdId).Select(h => (Guid?)h.CommunityId).FirstOrDefaultAsync(ct);
                return other is { } c ? viewer.Refusal(c) : Failure.NotFound;
            }
            communityId = place.CommunityId;
        }
        else if (input.GroupId is { } groupId && input.HouseholdId is null)
        {
            var place = viewer.Households.FirstOrDefault(h => h.GroupId == groupId);
            if (place is null)
            {
                var other = await db.Groups.Where(g => g.Id == groupId).Select(g => (Guid?)g.CommunityId).FirstOrDefaultAsync(ct);
                return other is { } c ? viewer.Refusal(c) : Failure.NotFound;
            }
            communityId = place.CommunityId;
        }
        else return Failure.InvalidOwner;

        var problem = Validate(input.Title, input.Story, input.Category, input.Needs, required: true);
        if (problem is not null) return problem.Value;
        var now = clock.GetUtcNow();
        var project = new Project
        {
            CommunityId = communityId, HouseholdId = input.HouseholdId, GroupId = input.GroupId, CreatedById = viewer.PersonId,
            Title = input.Title!.Trim(), Story = (input.Story ?? "").Trim(), Category = input.Category!.Value,
            Status = input.Publish ? ProjectStatus.Published : ProjectStatus.Draft, IsPublic = input.IsPublic,
            CreatedAt = now, UpdatedAt = now, PublishedAt = input.Publish ? now : null,
        };
        project.Slug = await NewSlugAsync(project.Title, ct);
        db.Projects.Add(project);
        var order = 0;
        foreach (var n in input.Needs ?? [])
        {
            db.Needs.Add(new Need { ProjectId = project.Id, Kind = n.Kind, Description = (n.Description ?? "").Trim(), Target = n.Target, Order = order++ });
        }
        var inspirations = await SetInspirationsAsync(viewer, project, input.InspiredBy, now, ct);
        if (inspirations is not null) return inspirations.Value;
        if (input.Publish) await events.PublishAsync(Published(project, viewer, now), ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(viewer, project.Id, ct: ct);
    }

    private static ProjectPublished Published(Project p, Viewer viewer, DateTimeOffset now) =>
        new(p.Id, p.CommunityId, p.HouseholdId, p.GroupId, viewer.PersonId, now);

    public async Task<Outcome<ProjectView>> UpdateAsync(Viewer viewer, Guid id, ProjectPatch patch, CancellationToken ct = default)
    {
        var found = await VisibleAsync(viewer, id, tracked: true, ct);
        if (!found.Succeeded) return found.Failure!.Value;
        var project = found.Value!;
        if (!IsOwner(viewer, project.HouseholdId, project.GroupId)) return Failure.Forbidden;
        var problem = Validate(patch.Title, patch.Story, patch.Category, patch.Needs, required: false);
        if (problem is not null) return problem.Value;
        var now = clock.GetUtcNow();
        var firstPublished = false;

        if (patch.Title is not null) project.Title = patch.Title.Trim();
        if (patch.Story is not null) project.Story = patch.Story.Trim();
        if (patch.HowToSend is not null)
        {
            if (patch.HowToSend.Trim().Length > Project.HowToSendMaxLength) return Failure.TextTooLong;
            project.HowToSend = patch.HowToSend.Trim().Length == 0 ? null : patch.HowToSend.Trim();
        }
        if (patch.Category is { } category) project.Category = category;
        if (patch.IsPublic is { } isPublic) project.IsPublic = isPublic;
        if (patch.ShowsSavingsBacking is { } showsBacking) project.ShowsSavingsBacking = showsBacking;
        if (patch.Status is { } status && status != project.Status)
        {
            var allowed = (project.Status, status) switch
            {
                (ProjectStatus.Draft, ProjectStatus.Published) => true,
                (ProjectStatus.Published, ProjectStatus.Paused or ProjectStatus.Completed) => true,
                (ProjectStatus.Paused, ProjectStatus.Published or ProjectStatus.Completed) => true,
                (ProjectStatus.Completed, ProjectStatus.Published) => true,
                _ => false,
            };
            if (!allowed) return Failure.InvalidStatus;
            project.Status = status;
            firstPublished = project.PublishedAt is null && status == ProjectStatus.Published;
            project.PublishedAt ??= status == ProjectStatus.Published ? now : null;
        }
        if (patch.Needs is not null)
        {
            var pledged = await db.Pledges.Where(p => p.ProjectId == id).Select(p => p.NeedId).Distinct().ToListAsync(ct);
            var order = 0;
            var kept = new HashSet<Guid>();
            foreach (var n in patch.Needs)
            {
                var existing = n.Id is { } needId ? project.Needs.FirstOrDefault(x => x.Id == needId) : null;
                if (n.Id is not null && existing is null) return Failure.InvalidNeed;
                if (existing is not null)
                {
                    // A need with pledges keeps its kind: an amount of money must not turn into hours.
                    if (existing.Kind != n.Kind && pledged.Contains(existing.Id)) return Failure.InvalidNeed;
                    existing.Kind = n.Kind;
                    existing.Description = (n.Description ?? "").Trim();
                    existing.Target = n.Target;
                    existing.Order = order++;
                    kept.Add(existing.Id);
                }
                else
                {
                    db.Needs.Add(new Need { ProjectId = id, Kind = n.Kind, Description = (n.Description ?? "").Trim(), Target = n.Target, Order = order++ });
                }
            }
            foreach (var gone in project.Needs.Where(x => !kept.Contains(x.Id)).ToList())
            {
                if (pledged.Contains(gone.Id)) return Failure.InvalidNeed;
                db.Needs.Remove(gone);
            }
        }
        if (patch.InspiredBy is not null)
        {
            await db.ProjectInspirations.Where(i => i.ProjectId == id).ExecuteDeleteAsync(ct);
            var inspirations = await SetInspirationsAsync(viewer, project, patch.InspiredBy, now, ct);
            if (inspirations is not null) return inspirations.Value;
        }
        project.UpdatedAt = now;
        if (firstPublished) await events.PublishAsync(Published(project, viewer, now), ct);
        await db.SaveChangesAsync(ct);
        await RankingOf(db).RecomputeAsync(id, ct);
        return await GetAsync(viewer, id, ct: ct);
    }

    private static Failure? Validate(string? title, string? story, ProjectCategory? category, IReadOnlyList<NeedInput>? needs, bool required)
    {
        if (required || title is not null)
        {
            if (string.IsNullOrWhiteSpace(title)) return Failure.TitleRequired;
            if (title.Trim().Length > Project.TitleMaxLength) return Failure.TextTooLong;
        }
        if (story is not null && story.Trim().Length > Project.StoryMaxLength) return Failure.TextTooLong;
        if ((required || category is not null) && (category is null || !Enum.IsDefined(category.Value))) return Failure.InvalidCategory;
        if (needs is not null)
        {
            if (needs.Count > MaxNeeds) return Failure.InvalidNeed;
            foreach (var n in needs)
            {
                if (!Enum.IsDefined(n.Kind) || n.Target <= 0 || n.Target > Need.MaxTarget) return Failure.InvalidNeed;
                if ((n.Description ?? "").Trim().Length > Need.DescriptionMaxLength) return Failure.TextTooLong;
                if (n.Kind != NeedKind.Money && string.IsNullOrWhiteSpace(n.Description)) return Failure.InvalidNeed;
            }
        }
        return null;
    }

    private async Task<Failure?> SetInspirationsAsync(Viewer viewer, Project project, IReadOnlyList<Guid>? inspiredBy, DateTimeOffset now, CancellationToken ct)
    {
        var ids = (inspiredBy ?? []).Distinct().ToList();
        if (ids.Count == 0) return null;
        if (ids.Count > MaxInspirations || ids.Contains(project.Id)) return Failure.InvalidInspiration;
        var sources = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        // A family may only name what it can see; naming it reveals nothing new.
        if (sources.Count != ids.Count || sources.Any(s => !CanSee(viewer, s))) return Failure.InvalidInspiration;
        // No loops: the new source must not itself grow from this project.
        var descendants = await DescendantsAsync(project.Id, ct);
        if (ids.Any(descendants.Contains)) return Failure.InvalidInspiration;
        foreach (var source in ids)
        {
            db.ProjectInspirations.Add(new ProjectInspiration { ProjectId = project.Id, InspiredById = source, CreatedAt = now });
        }
        return null;
    }

    private async Task<HashSet<Guid>> DescendantsAsync(Guid root, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        var frontier = new List<Guid> { root };
        for (var depth = 0; depth < 20 && frontier.Count > 0; depth++)
        {
            var next = await db.ProjectInspirations.Where(i => frontier.Contains(i.InspiredById)).Select(i => i.ProjectId).ToListAsync(ct);
            frontier = next.Where(seen.Add).ToList();
        }
        return seen;
    }

    private async Task<string> NewSlugAsync(string title, CancellationToken ct)
    {
        var words = new string(ProjectText.Fold(title).Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = new StringBuilder();
        foreach (var w in words)
        {
            if (b.Length + w.Length + 1 > 40) break;
            if (b.Length > 0) b.Append('-');
            b.Append(w);
        }
        for (var attempt = 0; ; attempt++)
        {
            var suffix = RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 5);
            var slug = b.Length == 0 ? suffix : $"{b}-{suffix}";
            if (attempt > 5 || !await db.Projects.AnyAsync(p => p.Slug == slug, ct)) return slug;
        }
    }

    // ---------------------------------------------------------------- reading

    public async Task<Outcome<ProjectView>> GetAsync(Viewer viewer, Guid id, bool withSimilar = false, CancellationToken ct = default)
    {
        var found = await VisibleAsync(viewer, id, tracked: false, ct);
        if (!found.Succeeded) return found.Failure!.Value;
        var p = found.Value!;
        var isOwner = IsOwner(viewer, p.HouseholdId, p.GroupId);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == p.CommunityId)
            .Select(c => new { c.Name, c.Currency, c.DefaultLanguage, c.AgencyName }).FirstAsync(ct);
        var owner = await OwnerAsync(viewer, p, ct);

        var sums = await db.Pledges.AsNoTracking().Where(x => x.ProjectId == id && x.Status != PledgeStatus.Withdrawn)
            .GroupBy(x => new { x.NeedId, x.Status }).Select(g => new { g.Key.NeedId, g.Key.Status, Total = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        var needs = p.Needs.OrderBy(n => n.Order).Select(n => new NeedView(n.Id, n.Kind, n.Description, n.Target,
            sums.Where(s => s.NeedId == n.Id).Sum(s => s.Total),
            sums.Where(s => s.NeedId == n.Id && s.Status == PledgeStatus.Confirmed).Sum(s => s.Total),
            n.Kind == NeedKind.Money ? community.Currency : null)).ToList();

        VerificationView? verification = null;
        if (p.VerifiedAt is { } verifiedAt)
        {
            var by = await db.Users.Where(u => u.Id == p.VerifiedById).Select(u => u.FirstName).FirstOrDefaultAsync(ct) ?? "—";
            verification = new VerificationView(by, verifiedAt, p.VerificationNote);
        }
        // Who will verify it: the community's sponsors, by first name for its own people only (first names are theirs).
        IReadOnlyList<string>? sponsors = null;
        if (p.VerifiedAt is null && p.Status == ProjectStatus.Published && viewer.CanSeePeopleOf(p.CommunityId))
        {
            sponsors = await db.CommunityRoles.Where(r => r.CommunityId == p.CommunityId && r.Role == Role.Sponsor)
                .Join(db.Users, r => r.PersonId, u => u.Id, (r, u) => u.FirstName).OrderBy(n => n).ToListAsync(ct);
        }

        var photos = await db.ProjectPhotos.AsNoTracking().Where(x => x.ProjectId == id)
            .OrderBy(x => x.CreatedAt).Select(x => new { x.Id, x.UpdateId }).ToListAsync(ct);
        var updates = await db.ProjectUpdates.AsNoTracking().Where(u => u.ProjectId == id).OrderByDescending(u => u.CreatedAt).Take(50)
            .Select(u => new { u.Id, u.Text, u.CreatedAt, Author = db.Users.Where(x => x.Id == u.AuthorId).Select(x => x.FirstName).FirstOrDefault() })
            .ToListAsync(ct);

        var inspiredBy = await LinksAsync(viewer, db.ProjectInspirations.Where(i => i.ProjectId == id).Select(i => i.InspiredById), ct);
        var inspired = await LinksAsync(viewer, db.ProjectInspirations.Where(i => i.InspiredById == id).Select(i => i.ProjectId), ct);
        var similar = withSimilar ? await SimilarAsync(viewer, p, ct) : [];

        var followers = await db.ProjectFollowers.CountAsync(f => f.ProjectId == id, ct);
        var following = viewer.IsSignedIn && await db.ProjectFollowers.AnyAsync(f => f.ProjectId == id && f.PersonId == viewer.PersonId, ct);

        // The owner sees every pledge; a supporter sees their own; others see only the totals.
        var pledgeRows = !viewer.IsSignedIn ? [] : await db.Pledges.AsNoTracking()
            .Where(x => x.ProjectId == id && (isOwner || x.PersonId == viewer.PersonId))
            .OrderByDescending(x => x.CreatedAt).Take(200)
            .Select(x => new
            {
                x.Id, x.NeedId, x.Amount, x.Status, x.CreatedAt, x.ConfirmedAt, x.Reference, x.PersonId,
                Supporter = db.Users.Where(u => u.Id == x.PersonId).Select(u => u.FirstName).FirstOrDefault(),
                Via = db.Users.Where(u => u.Id == x.ViaAmbassadorId).Select(u => u.FirstName).FirstOrDefault(),
            }).ToListAsync(ct);
        var pledges = pledgeRows.Select(x => new PledgeView(x.Id, id, x.NeedId, p.Needs.FirstOrDefault(n => n.Id == x.NeedId)?.Kind ?? NeedKind.Money,
            x.Amount, x.Status, x.Supporter ?? "—", x.CreatedAt, x.ConfirmedAt, x.Reference, x.PersonId == viewer.PersonId, x.Via)).ToList();

        IReadOnlyList<AmbassadorCount>? ambassadors = null;
        if (isOwner)
        {
            var counts = await db.ShareEvents.AsNoTracking().Where(e => e.ProjectId == id)
                .GroupBy(e => new { e.AmbassadorId, e.Kind }).Select(g => new { g.Key.AmbassadorId, g.Key.Kind, Count = g.Count() })
                .ToListAsync(ct);
            var ids = counts.Select(c => c.AmbassadorId).Distinct().ToList();
            var names = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FirstName }).ToDictionaryAsync(u => u.Id, u => u.FirstName, ct);
            ambassadors = ids.Select(a => new AmbassadorCount(names.GetValueOrDefault(a, "—"),
                    counts.Where(c => c.AmbassadorId == a && c.Kind == ShareEventKind.Visit).Sum(c => c.Count),
                    counts.Where(c => c.AmbassadorId == a && c.Kind == ShareEventKind.SignUp).Sum(c => c.Count),
                    counts.Where(c => c.AmbassadorId == a && c.Kind == ShareEventKind.Pledge).Sum(c => c.Count)))
                .OrderByDescending(a => a.Visits).ToList();
        }

        string? shareCode = null;
        var canShare = p.IsPublic && p.Status != ProjectStatus.Draft && viewer.IsSignedIn
            && viewer.Roles.Any(r => r.Role == Role.Ambassador) && await AmbassadorService.IsActiveAsync(db, viewer.PersonId, clock, ct);
        if (canShare) shareCode = await AmbassadorService.CodeForAsync(db, viewer.PersonId, clock, ct);

        // "Backed by our savings group": the family sees what its group lent for it, everyone else only once the family shows it.
        SavingsBackingView? backing = null;
        if (isOwner || p.ShowsSavingsBacking)
        {
            var lent = await db.ProjectBackings.AsNoTracking().Where(x => x.ProjectId == id && x.Currency == community.Currency)
                .GroupBy(x => x.ProjectId).Select(g => new { Amount = g.Sum(x => x.Amount), Loans = g.Count() }).FirstOrDefaultAsync(ct);
            if (lent is not null) backing = new SavingsBackingView(lent.Amount, community.Currency, lent.Loans, p.ShowsSavingsBacking);
        }

        var can = new ProjectPermissions(
            Edit: isOwner,
            Verify: viewer.Has(p.CommunityId, Role.Sponsor) && p.Status != ProjectStatus.Draft && !await IsTooCloseToVerifyAsync(viewer, p, ct),
            Pledge: viewer.IsSignedIn && !isOwner && p.Status == ProjectStatus.Published,
            Follow: viewer.IsSignedIn && p.Status != ProjectStatus.Draft,
            Share: canShare);

        return new ProjectView(p.Id, p.Slug, p.Title, p.Story, p.Category, p.Status, p.IsPublic, p.CommunityId, community.Name,
            community.Currency, community.DefaultLanguage, owner, p.CreatedAt, p.PublishedAt,
            verification, needs, photos.Where(x => x.UpdateId is null).Select(x => x.Id).ToList(),
            updates.Select(u => new UpdateView(u.Id, u.Text, u.CreatedAt, u.Author ?? "—",
                photos.Where(x => x.UpdateId == u.Id).Select(x => x.Id).ToList())).ToList(),
            inspiredBy, inspired, similar, followers, following, can, pledges, ambassadors, shareCode,
            isOwner || pledges.Any(x => x.Mine && x.Status != PledgeStatus.Withdrawn) ? p.HowToSend : null, sponsors,
            // An agency is an organisation, not a person: who verifies a public project may be said to anyone who sees it.
            p.VerifiedAt is null && p.Status == ProjectStatus.Published ? community.AgencyName : null, backing);
    }

    /// <summary>A household's project by the first name of who posted it and the household's group; a group's by the group.</summary>
    private async Task<OwnerView> OwnerAsync(Viewer viewer, Project p, CancellationToken ct)
    {
        var peopleHere = viewer.CanSeePeopleOf(p.CommunityId);
        if (p.HouseholdId is { } h)
        {
            var household = await db.Households.AsNoTracking().Where(x => x.Id == h)
                .Select(x => new { x.GroupId, GroupName = x.Group != null ? x.Group.Name : null }).FirstOrDefaultAsync(ct);
            var firstName = await db.Users.Where(u => u.Id == p.CreatedById).Select(u => u.FirstName).FirstOrDefaultAsync(ct);
            var opens = viewer.IsMemberOf(h) || viewer.CanManage(p.CommunityId);
            return new OwnerView(opens ? h : null, peopleHere ? household?.GroupId : null, firstName ?? "—", household?.GroupName);
        }
        if (p.GroupId is null) return new OwnerView(null, null, "—", null, FormerMember: true);
        var group = await db.Groups.AsNoTracking().Where(x => x.Id == p.GroupId).Select(x => x.Name).FirstOrDefaultAsync(ct);
        return new OwnerView(null, peopleHere ? p.GroupId : null, group ?? "—", null);
    }

    private async Task<IReadOnlyList<ProjectLink>> LinksAsync(Viewer viewer, IQueryable<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var names = await CommunityLabelsAsync(rows.Select(r => r.CommunityId), ct);
        return rows.Where(r => CanSee(viewer, r)).OrderBy(r => r.CreatedAt).Select(r => LinkTo(r, names)).ToList();
    }

    /// <summary>A project's link, in its community's name and language: what people wrote is in the language they write at home.</summary>
    private static ProjectLink LinkTo(Project p, Dictionary<Guid, (string Name, string Language)> communities) =>
        communities.TryGetValue(p.CommunityId, out var c)
            ? new ProjectLink(p.Id, p.Slug, p.Title, c.Name, p.Category, c.Language)
            : new ProjectLink(p.Id, p.Slug, p.Title, "", p.Category, Languages.Default);

    private async Task<Dictionary<Guid, (string Name, string Language)>> CommunityLabelsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Communities.AsNoTracking().Where(c => list.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Name, c.DefaultLanguage), ct);
    }

    private async Task<Dictionary<Guid, string>> CommunityNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Communities.AsNoTracking().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    /// <summary>
    /// Up to five projects in other communities doing something alike (category and words, in any of the five languages).
    /// Kept for a few minutes per project and set of communities the viewer belongs to: a suggestion may be a little
    /// stale, and every node rebuilds its own.
    /// </summary>
    private async Task<IReadOnlyList<ProjectLink>> SimilarAsync(Viewer viewer, Project p, CancellationToken ct)
    {
        var key = $"similar:{p.Id}:{p.UpdatedAt.UtcTicks}:{string.Join(',', viewer.Roles.Select(r => r.CommunityId).Distinct().Order())}";
        if (cache.TryGetValue(key, out IReadOnlyList<ProjectLink>? cached) && cached is not null) return cached;
        var found = await FindSimilarAsync(viewer, p, ct);
        cache.Set(key, found, new Microsoft.Extensions.Caching.Memory.MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5), Size = 1,
        });
        return found;
    }

    private async Task<IReadOnlyList<ProjectLink>> FindSimilarAsync(Viewer viewer, Project p, CancellationToken ct)
    {
        var text = p.Title + " " + p.Story;
        var terms = ProjectText.SearchTerms(text);
        var communities = viewer.Roles.Select(r => r.CommunityId).Distinct().ToList();
        var visible = db.Projects.AsNoTracking().Where(x => x.CommunityId != p.CommunityId
            && (x.Status == ProjectStatus.Published || x.Status == ProjectStatus.Completed)
            && (x.IsPublic || communities.Contains(x.CommunityId)));
        var matching = ProjectSearch.Matching(db, string.Join(" ", terms), any: true);
        var byWords = terms.Count == 0 ? [] : await visible.Where(x => matching.Contains(x.Id))
            .OrderByDescending(x => x.PublishedAt).Take(150)
            .Select(x => new Candidate(x.Id, x.Slug, x.Title, x.Story.Substring(0, 600), x.Category, x.CommunityId)).ToListAsync(ct);
        var byCategory = await visible.Where(x => x.Category == p.Category).OrderByDescending(x => x.PublishedAt).Take(50)
            .Select(x => new Candidate(x.Id, x.Slug, x.Title, x.Story.Substring(0, 600), x.Category, x.CommunityId)).ToListAsync(ct);
        var mine = ProjectText.Features(text);
        var best = byWords.Concat(byCategory).DistinctBy(c => c.Id)
            .Select(c => (c, Score: ProjectText.Similarity(mine, ProjectText.Features(c.Title + " " + c.Story), c.Category == p.Category)))
            .Where(x => x.Score > 0.3).OrderByDescending(x => x.Score).Take(5).ToList();
        var names = await CommunityLabelsAsync(best.Select(b => b.c.CommunityId), ct);
        return best.Select(b => names.TryGetValue(b.c.CommunityId, out var c)
            ? new ProjectLink(b.c.Id, b.c.Slug, b.c.Title, c.Name, b.c.Category, c.Language)
            : new ProjectLink(b.c.Id, b.c.Slug, b.c.Title, "", b.c.Category, Languages.Default)).ToList();
    }

    private sealed record Candidate(Guid Id, string Slug, string Title, string Story, ProjectCategory Category, Guid CommunityId);

    /// <summary>The tree of projects that grew from one idea: from the first ancestor down, across communities.</summary>
    public async Task<Outcome<SpreadNode>> SpreadAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var found = await VisibleAsync(viewer, id, tracked: false, ct);
        if (!found.Succeeded) return found.Failure!.Value;
        var root = id;
        var seen = new HashSet<Guid> { id };
        for (var i = 0; i < 20; i++)
        {
            var parent = await db.ProjectInspirations.Where(x => x.ProjectId == root).OrderBy(x => x.CreatedAt)
                .Select(x => (Guid?)x.InspiredById).FirstOrDefaultAsync(ct);
            if (parent is null || !seen.Add(parent.Value)) break;
            var parentProject = await FindAsync(parent.Value, tracked: false, ct);
            if (parentProject is null || !CanSee(viewer, parentProject)) break;
            root = parent.Value;
        }
        // Breadth first, at most 200 projects and 8 generations.
        var edges = new List<(Guid Parent, Guid Child)>();
        var frontier = new List<Guid> { root };
        var all = new HashSet<Guid> { root };
        for (var depth = 0; depth < 8 && frontier.Count > 0 && all.Count < 200; depth++)
        {
            var next = await db.ProjectInspirations.Where(x => frontier.Contains(x.InspiredById))
                .Select(x => new { x.InspiredById, x.ProjectId }).ToListAsync(ct);
            frontier = [];
            foreach (var e in next)
            {
                if (!all.Add(e.ProjectId)) continue;
                edges.Add((e.InspiredById, e.ProjectId));
                frontier.Add(e.ProjectId);
            }
        }
        var projects = await db.Projects.AsNoTracking().Where(p => all.Contains(p.Id)).ToListAsync(ct);
        var names = await CommunityLabelsAsync(projects.Select(p => p.CommunityId), ct);
        var byId = projects.Where(p => CanSee(viewer, p)).ToDictionary(p => p.Id);
        SpreadNode Node(Guid pid) => new(Link(byId[pid]), edges.Where(e => e.Parent == pid && byId.ContainsKey(e.Child))
            .Select(e => Node(e.Child)).ToList());
        ProjectLink Link(Project p) => LinkTo(p, names);
        return Node(root);
    }

    /// <summary>
    /// Whose a new project can be: the viewer's own households (and through each its group), with the currency of the
    /// household's community. Nobody else's: a person without a household gets none.
    /// </summary>
    public async Task<IReadOnlyList<ProjectOwnerChoice>> OwnerChoicesAsync(Viewer viewer, CancellationToken ct = default)
    {
        var households = viewer.Households.Select(h => h.HouseholdId).ToList();
        if (households.Count == 0) return [];
        return await db.Households.AsNoTracking().Where(h => households.Contains(h.Id))
            .Select(h => new ProjectOwnerChoice(h.Id, h.Name, h.GroupId, h.Group != null ? h.Group.Name : null, h.Community!.Currency))
            .ToListAsync(ct);
    }

    /// <summary>The viewer's households' and groups' projects, drafts included.</summary>
    public async Task<IReadOnlyList<ProjectCard>> MineAsync(Viewer viewer, CancellationToken ct = default)
    {
        var households = viewer.Households.Select(h => h.HouseholdId).ToList();
        var groups = viewer.Households.Where(h => h.GroupId is not null).Select(h => h.GroupId).ToList();
        if (households.Count == 0) return [];
        var ids = await db.Projects.AsNoTracking()
            .Where(p => (p.HouseholdId != null && households.Contains(p.HouseholdId.Value)) || (p.GroupId != null && groups.Contains(p.GroupId)))
            .OrderByDescending(p => p.UpdatedAt).Select(p => p.Id).Take(50).ToListAsync(ct);
        return await ProjectSearch.CardsAsync(db, ids, ct);
    }

    /// <summary>
    /// A sponsor's queue: published projects of the communities they sponsor that nobody has verified yet, oldest
    /// first, leaving out the ones they stand too close to verify (their own household or group, a household they are buddy to).
    /// </summary>
    public async Task<IReadOnlyList<ProjectToVerify>> ToVerifyAsync(Viewer viewer, CancellationToken ct = default)
    {
        var sponsored = viewer.Roles.Where(r => r.Role == Role.Sponsor).Select(r => r.CommunityId).ToList();
        if (sponsored.Count == 0) return [];
        var waiting = await db.Projects.AsNoTracking()
            .Where(p => sponsored.Contains(p.CommunityId) && p.Status == ProjectStatus.Published && p.VerifiedAt == null)
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).Take(200).ToListAsync(ct);
        var tooClose = await TooCloseToVerifyAsync(viewer, waiting, ct);
        var communities = await db.Communities.Where(c => sponsored.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Name, c.DefaultLanguage), ct);
        var queue = waiting.Where(p => !tooClose.Contains(p.Id)).Take(100)
            .Select(p =>
            {
                var (name, language) = communities.GetValueOrDefault(p.CommunityId, ("", "en"));
                return new ProjectToVerify(p.Id, p.Slug, p.Title, p.CommunityId, name, p.PublishedAt, language);
            }).ToList();
        return queue;
    }

    // ---------------------------------------------------------------- updates, followers, notifications

    public async Task<Outcome<UpdateView>> PostUpdateAsync(Viewer viewer, Guid id, string? text, IReadOnlyList<byte[]>? photos = null, CancellationToken ct = default)
    {
        var found = await VisibleAsync(viewer, id, tracked: false, ct);
        if (!found.Succeeded) return found.Failure!.Value;
        var project = found.Value!;
        if (!IsOwner(viewer, project.HouseholdId, project.GroupId)) return Failure.Forbidden;
        if (string.IsNullOrWhiteSpace(text)) return Failure.TextRequired;
        if (text.Trim().Length > ProjectUpdate.TextMaxLength) return Failure.TextTooLong;
        if ((photos?.Count ?? 0) > 4) return Failure.TooManyPhotos;
        var processed = new List<ProcessedPhoto>();
        foreach (var bytes in photos ?? [])
        {
            var photo = PhotoProcessor.Process(bytes);
            if (!photo.Succeeded) return photo.Failure!.Value;
            processed.Add(photo.Value!);
        }
        var now = clock.GetUtcNow();
        var update = new ProjectUpdate { ProjectId = id, AuthorId = viewer.PersonId, Text = text.Trim(), CreatedAt = now };
        db.ProjectUpdates.Add(update);
        var photoIds = new List<Guid>();
        foreach (var (photo, i) in processed.Select((x, i) => (x, i)))
        {
            var row = NewPhoto(id, update.Id, photo, now.AddTicks(i));
            db.ProjectPhotos.Add(row);
            photoIds.Add(row.Id);
        }
        var followers = await db.ProjectFollowers.Where(f => f.ProjectId == id && f.PersonId != viewer.PersonId).Select(f => f.PersonId).ToListAsync(ct);
        foreach (var follower in followers)
        {
            db.ProjectNotifications.Add(new ProjectNotification { PersonId = follower, ProjectId = id, UpdateId = update.Id, CreatedAt = now });
        }
        await db.Projects.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, now), ct);
        await db.SaveChangesAsync(ct);
        var author = await db.Users.Where(u => u.Id == viewer.PersonId).Select(u => u.FirstName).FirstAsync(ct);
        return new UpdateView(update.Id, update.Text, now, author, photoIds);
    }

    public async Task<Outcome<Guid>> AddPhotoAsync(Viewer viewer, Guid id, byte[] bytes, CancellationToken ct = default)
    {
        var found = await VisibleAsync(viewer, id, tracked: false, ct);
        if (!found.Succeeded) return found.Failure!.Value;
        var project = found.Value!;
        if (!IsOwner(viewer, project.HouseholdId, project.GroupId)) return Failure.Forbidden;
        if (await db.ProjectPhotos.CountAsync(p => p.ProjectId == id && p.UpdateId == null, ct) >= MaxPhotos) return Failure.TooManyPhotos;
        var processed = PhotoProcessor.Process(bytes);
        if (!processed.Succeeded) return processed.Failure!.Value;
        var row = NewPhoto(id, null, processed.Value!, clock.GetUtcNow());
        db.ProjectPhotos.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public async Task<Outcome<bool>> RemovePhotoAsync(Viewer viewer, Guid id, Guid photoId, CancellationToken ct = default)
    {
        var found = await VisibleAsync(viewer, id, tracked: false, ct);
        if (!found.Succeeded) return found.Failure!.Value;
        if (!IsOwner(viewer, found.Value!.HouseholdId, found.Value.GroupId)) return Failure.Forbidden;
        var removed = await db.ProjectPhotos.Where(p => p.Id == photoId && p.ProjectId == id).ExecuteDeleteAsync(ct);
        return removed > 0 ? true : Failure.NotFound;
    }

    private static ProjectPhoto NewPhoto(Guid projectId, Guid? updateId, ProcessedPhoto photo, DateTimeOffset at) => new()
    {
        ProjectId = projectId, UpdateId = updateId, Large = photo.Large, Thumbnail = photo.Thumbnail, Width = photo.Width, Height = photo.Height,
        CreatedAt = at,
    };

    /// <summary>The share card's locale and cover size for a project already read (and so already allowed) with <see cref="GetAsync"/>.</summary>
    /// <summary>
    /// The public project a visitor signs up to support (from its page or a share link): its title, and its community's
    /// country to read a phone number typed the local way. Null for a slug that is not a public, published project.
    /// </summary>
    public async Task<SupportedProject?> PublicProjectAsync(string? slug, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(slug)) return null;
        return await db.Projects.AsNoTracking()
            .Where(p => p.Slug == slug && p.IsPublic && p.Status == ProjectStatus.Published)
            .Join(db.Communities, p => p.CommunityId, c => c.Id, (p, c) => new SupportedProject(p.Id, p.Slug, p.Title, c.Country, c.DefaultLanguage))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<ShareCard> ShareCardAsync(ProjectView project, CancellationToken ct = default)
    {
        var country = await db.Communities.AsNoTracking().Where(c => c.Id == project.CommunityId).Select(c => c.Country).FirstOrDefaultAsync(ct);
        PhotoSize? cover = null;
        if (project.Photos.Count > 0)
        {
            var first = project.Photos[0];
            cover = await db.ProjectPhotos.AsNoTracking().Where(p => p.Id == first && p.ProjectId == project.Id)
                .Select(p => new PhotoSize(p.Width, p.Height)).FirstOrDefaultAsync(ct);
        }
        return new ShareCard(Languages.Locale(project.Language, country), cover);
    }

    /// <summary>A photo's bytes if the viewer may see its project; whether anyone may (so it can be cached publicly).</summary>
    public async Task<Outcome<PhotoFile>> PhotoAsync(Viewer viewer, Guid photoId, bool thumbnail, CancellationToken ct = default)
    {
        var row = await db.ProjectPhotos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new { p.ProjectId, Bytes = thumbnail ? p.Thumbnail : p.Large }).FirstOrDefaultAsync(ct);
        if (row is null) return Failure.NotFound;
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == row.ProjectId, ct);
        if (!CanSee(viewer, project)) return Failure.NotFound;
        return new PhotoFile(row.Bytes, project.IsPublic && project.Status != ProjectStatus.Draft);
    }

    public async Task<Outcome<bool>> FollowAsync(Viewer viewer, Guid id, bool follow, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return Failure.Forbidden;
        var found = await VisibleAsync(viewer, id, tracked: false, ct);
        if (!found.Succeeded) return found.Failure!.Value;
        if (found.Value!.Status == ProjectStatus.Draft) return Failure.InvalidStatus;
        var existing = await db.ProjectFollowers.FirstOrDefaultAsync(f => f.ProjectId == id && f.PersonId == viewer.PersonId, ct);
        if (follow && existing is null)
        {
            db.ProjectFollowers.Add(new ProjectFollower { ProjectId = id, PersonId = viewer.PersonId, CreatedAt = clock.GetUtcNow() });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* followed twice at once: once is enough */ }
        }
        else if (!follow && existing is not null)
        {
            db.ProjectFollowers.Remove(existing);
            await db.SaveChangesAsync(ct);
        }
        return follow;
    }

    public async Task<IReadOnlyList<NotificationView>> NotificationsAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return [];
        var rows = await db.ProjectNotifications.AsNoTracking().Where(n => n.PersonId == viewer.PersonId && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).Take(50)
            .Join(db.Projects, n => n.ProjectId, p => p.Id, (n, p) => new { n.Id, n.ProjectId, p.Slug, p.Title, p.CommunityId, n.UpdateId, n.CreatedAt })
            .Join(db.ProjectUpdates, x => x.UpdateId, u => u.Id, (x, u) => new { x.Id, x.ProjectId, x.Slug, x.Title, x.CommunityId, u.Text, x.CreatedAt })
            .ToListAsync(ct);
        var communities = await CommunityLabelsAsync(rows.Select(r => r.CommunityId), ct);
        return rows.Select(r => new NotificationView(r.Id, r.ProjectId, r.Slug, r.Title, r.Text.Length > 200 ? r.Text[..200] + "…" : r.Text, r.CreatedAt,
                communities.TryGetValue(r.CommunityId, out var c) ? c.Language : Languages.Default))
            .OrderByDescending(r => r.At).ToList();
    }

    public Task<int> UnreadCountAsync(Viewer viewer, CancellationToken ct = default) =>
        viewer.IsSignedIn ? db.ProjectNotifications.CountAsync(n => n.PersonId == viewer.PersonId && n.ReadAt == null, ct) : Task.FromResult(0);

    public async Task MarkReadAsync(Viewer viewer, Guid projectId, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return;
        var now = clock.GetUtcNow();
        await db.ProjectNotifications.Where(n => n.PersonId == viewer.PersonId && n.ProjectId == projectId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    // ---------------------------------------------------------------- verification

    /// <summary>A sponsor of the project's community vouches for it (or replaces their note). Audited.</summary>
    public async Task<Outcome<ProjectView>> VerifyAsync(Viewer viewer, Guid id, string? note, CancellationToken ct = default)
    {
        var found = await VisibleAsync(viewer, id, tracked: true, ct);
        if (!found.Succeeded) return found.Failure!.Value;
        var project = found.Value!;
        if (!viewer.Has(project.CommunityId, Role.Sponsor)) return Failure.Forbidden;
        if (project.Status == ProjectStatus.Draft) return Failure.InvalidStatus;
        if (await IsTooCloseToVerifyAsync(viewer, project, ct)) return Failure.ConflictOfInterest;
        if (note is { } n && n.Trim().Length > VerificationNoteMaxLength) return Failure.TextTooLong;
        var now = clock.GetUtcNow();
        project.VerifiedAt = now;
        project.VerifiedById = viewer.PersonId;
        project.VerificationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        db.Record(now, viewer.PersonId, AuditActions.ProjectVerified, project.CommunityId, project.Id, project.VerificationNote);
        await db.SaveChangesAsync(ct);
        return await GetAsync(viewer, id, ct: ct);
    }

    private async Task<bool> IsTooCloseToVerifyAsync(Viewer viewer, Project project, CancellationToken ct) =>
        (await TooCloseToVerifyAsync(viewer, [project], ct)).Contains(project.Id);

    /// <summary>
    /// A verification is worth something only from someone who stands apart from the family: nobody verifies a project
    /// they posted, or one of their own household or group, or of a household they are buddy to or whose member is their
    /// buddy, whatever roles they hold. Of <paramref name="projects"/>, the ids the viewer stands too close to (three queries at most).
    /// </summary>
    private async Task<HashSet<Guid>> TooCloseToVerifyAsync(Viewer viewer, IReadOnlyList<Project> projects, CancellationToken ct)
    {
        var households = projects.Where(p => p.HouseholdId is not null).Select(p => p.HouseholdId!.Value).Distinct().ToList();
        var groupOf = households.Count == 0 ? [] : await db.Households.Where(h => households.Contains(h.Id))
            .Select(h => new { h.Id, h.GroupId }).ToDictionaryAsync(h => h.Id, h => h.GroupId, ct);
        var buddies = households.Count == 0 ? [] : await (
                from m in db.HouseholdMembers
                where households.Contains(m.HouseholdId)
                    && db.Orientations.Any(o => (o.PersonId == m.PersonId && o.BuddyId == viewer.PersonId)
                        || (o.PersonId == viewer.PersonId && o.BuddyId == m.PersonId))
                select m.HouseholdId)
            .Distinct().ToListAsync(ct);
        var ownGroups = viewer.Households.Where(h => h.GroupId is not null).Select(h => h.GroupId!.Value).ToHashSet();
        var tooClose = new HashSet<Guid>();
        foreach (var p in projects)
        {
            var group = p.GroupId ?? (p.HouseholdId is { } h ? groupOf.GetValueOrDefault(h) : null);
            if (p.CreatedById == viewer.PersonId
                || p.HouseholdId is { } household && (viewer.IsMemberOf(household) || buddies.Contains(household))
                || group is { } g && ownGroups.Contains(g))
                tooClose.Add(p.Id);
        }
        return tooClose;
    }

    public async Task<Outcome<ProjectView>> WithdrawVerificationAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var found = await VisibleAsync(viewer, id, tracked: true, ct);
        if (!found.Succeeded) return found.Failure!.Value;
        var project = found.Value!;
        if (!viewer.Has(project.CommunityId, Role.Sponsor)) return Failure.Forbidden;
        if (project.VerifiedAt is null) return Failure.NotFound;
        // Standing too close to verify, one is too close to take a verification away.
        if (await IsTooCloseToVerifyAsync(viewer, project, ct)) return Failure.ConflictOfInterest;
        project.VerifiedAt = null;
        project.VerifiedById = null;
        project.VerificationNote = null;
        db.Record(clock.GetUtcNow(), viewer.PersonId, AuditActions.ProjectVerificationWithdrawn, project.CommunityId, project.Id);
        await db.SaveChangesAsync(ct);
        return await GetAsync(viewer, id, ct: ct);
    }

    internal static ProjectRanking RankingOf(MutuaDbContext db) => new(db);
}
