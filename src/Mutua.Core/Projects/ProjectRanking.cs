using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Projects;

/// <summary>
/// The discovery page's ordering figures, recomputed from the pledge records (never incremented),
/// so they cannot drift from them: progress (per mille, the mean over needs of confirmed ÷ target)
/// and supporters (people with a pledge that was not withdrawn).
/// </summary>
internal sealed class ProjectRanking(MutuaDbContext db)
{
    public async Task RecomputeAsync(Guid projectId, CancellationToken ct)
    {
        var needs = await db.Needs.Where(n => n.ProjectId == projectId).Select(n => new { n.Id, n.Target }).ToListAsync(ct);
        var confirmed = await db.Pledges.Where(p => p.ProjectId == projectId && p.Status == PledgeStatus.Confirmed)
            .GroupBy(p => p.NeedId).Select(g => new { NeedId = g.Key, Total = g.Sum(p => p.Amount) }).ToListAsync(ct);
        var supporters = await db.Pledges.Where(p => p.ProjectId == projectId && p.Status != PledgeStatus.Withdrawn)
            .Select(p => p.PersonId).Distinct().CountAsync(ct);
        var progress = Progress(needs.Select(n => (n.Target, confirmed.FirstOrDefault(c => c.NeedId == n.Id)?.Total ?? 0)));
        await db.Projects.Where(p => p.Id == projectId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RankProgress, progress).SetProperty(p => p.RankSupporters, supporters), ct);
    }

    public static int Progress(IEnumerable<(long Target, long Confirmed)> needs)
    {
        var list = needs.Where(n => n.Target > 0).ToList();
        if (list.Count == 0) return 0;
        var sum = list.Sum(n => (int)Math.Min(1000, n.Confirmed * 1000 / n.Target));
        return sum / list.Count;
    }
}
