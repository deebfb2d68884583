using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Projects;

/// <summary>What a closing account and a closing household leave in the marketplace.</summary>
internal sealed class LeavingProjects(MutuaDbContext db) : IReactTo<HouseholdClosing>, IReactTo<PersonLeaving>
{
    /// <summary>
    /// A closing household's projects nobody pledged to go with it (needs, updates, photos and follows with
    /// them). Projects with pledges stay so supporters keep the record of what they gave: owned by nobody,
    /// paused, without photos.
    /// </summary>
    public async Task ReactAsync(HouseholdClosing happened, CancellationToken ct)
    {
        var householdId = happened.HouseholdId;
        var pledged = db.Projects.Where(p => p.HouseholdId == householdId && db.Pledges.Any(x => x.ProjectId == p.Id));
        await db.ProjectPhotos.Where(photo => pledged.Any(p => p.Id == photo.ProjectId)).ExecuteDeleteAsync(ct);
        await pledged.Where(p => p.Status == ProjectStatus.Published).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProjectStatus.Paused), ct);
        await pledged.ExecuteUpdateAsync(s => s.SetProperty(p => p.HouseholdId, (Guid?)null), ct);
        await db.Projects.Where(p => p.HouseholdId == householdId).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Their pledges stay, anonymised: no supporter, no idempotency key, their identifiers taken out of the
    /// reference; the ones not yet confirmed are withdrawn (nobody is left to keep them).
    /// </summary>
    public async Task ReactAsync(PersonLeaving happened, CancellationToken ct)
    {
        var id = happened.PersonId;
        var open = await db.Pledges.Where(p => p.PersonId == id && p.Status == PledgeStatus.Pledged).Select(p => p.ProjectId).Distinct().ToListAsync(ct);
        await db.Pledges.Where(p => p.PersonId == id && p.Status == PledgeStatus.Pledged)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PledgeStatus.Withdrawn).SetProperty(p => p.WithdrawnAt, happened.At), ct);
        // A transfer reference is the owner's receipt, but it may carry the sender's name or number.
        var referenced = await db.Pledges.AsNoTracking().Where(p => p.PersonId == id && p.Reference != null)
            .Select(p => new { p.Id, p.Reference }).ToListAsync(ct);
        foreach (var pledge in referenced)
        {
            var scrubbed = Without(pledge.Reference!, happened.Identifiers);
            if (string.Equals(scrubbed, pledge.Reference, StringComparison.Ordinal)) continue;
            await db.Pledges.Where(p => p.Id == pledge.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Reference, scrubbed), ct);
        }
        await db.Pledges.Where(p => p.PersonId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PersonId, (Guid?)null).SetProperty(p => p.IdempotencyKey, (string?)null), ct);
        foreach (var project in open) await ProjectService.RankingOf(db).RecomputeAsync(project, ct);
    }

    private static string Without(string text, IReadOnlyList<string> identifiers)
    {
        foreach (var identifier in identifiers) text = text.Replace(identifier, "…", StringComparison.OrdinalIgnoreCase);
        return text;
    }
}
