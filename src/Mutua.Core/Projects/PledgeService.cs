using Microsoft.EntityFrameworkCore;
using Mutua.Core.Auditing;
using Mutua.Core.Communities;

namespace Mutua.Core.Projects;

/// <summary>
/// Pledges against a project's needs. Anyone signed in who can see a published project may pledge
/// (not its own owners); the owner confirms what arrived; the supporter may withdraw before that.
/// With an idempotency key, the same request twice makes one pledge and gets the same answer.
/// </summary>
public sealed class PledgeService(MutuaDbContext db, Events events, TimeProvider clock)
{
    public async Task<Outcome<PledgeView>> PledgeAsync(Viewer viewer, Guid projectId, PledgeInput input, string? idempotencyKey = null,
        CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return Failure.Forbidden;
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > Pledge.IdempotencyKeyMaxLength }) return Failure.TextTooLong;
        if (key is not null)
        {
            var earlier = await db.Pledges.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == viewer.PersonId && p.IdempotencyKey == key, ct);
            if (earlier is not null) return earlier.ProjectId == projectId ? await ViewAsync(viewer, earlier.Id, ct) : Failure.InvalidFormat;
        }
        var project = await db.Projects.AsNoTracking().Include(p => p.Needs).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null || !ProjectService.CanSee(viewer, project)) return Failure.NotFound;
        if (ProjectService.IsOwner(viewer, project.HouseholdId, project.GroupId)) return Failure.OwnProject;
        if (project.Status != ProjectStatus.Published) return Failure.NotOpenForPledges;
        var need = project.Needs.FirstOrDefault(n => n.Id == input.NeedId);
        if (need is null) return Failure.InvalidNeed;
        if (input.Amount <= 0 || input.Amount > Need.MaxTarget) return Failure.AmountNotPositive;

        var now = clock.GetUtcNow();
        var via = await AmbassadorService.AmbassadorOfCodeAsync(db, input.Via, clock, ct);
        if (via == viewer.PersonId) via = null;
        var pledge = new Pledge
        {
            ProjectId = projectId, NeedId = need.Id, PersonId = viewer.PersonId, Amount = input.Amount, CreatedAt = now,
            ViaAmbassadorId = via, IdempotencyKey = key,
        };
        db.Pledges.Add(pledge);
        if (via is { } ambassador)
        {
            db.ShareEvents.Add(new ShareEvent { AmbassadorId = ambassador, ProjectId = projectId, Kind = ShareEventKind.Pledge, At = now });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same key arrived twice at once: the other request made the pledge; answer with it.
            db.ChangeTracker.Clear();
            var made = await db.Pledges.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == viewer.PersonId && p.IdempotencyKey == key, ct);
            if (made is null) throw;
            return await ViewAsync(viewer, made.Id, ct);
        }
        await ProjectService.RankingOf(db).RecomputeAsync(projectId, ct);
        return await ViewAsync(viewer, pledge.Id, ct);
    }

    /// <summary>The owner says it arrived; a money pledge needs its transfer or mobile-money reference.</summary>
    public async Task<Outcome<PledgeView>> ConfirmAsync(Viewer viewer, Guid pledgeId, string? reference, CancellationToken ct = default)
    {
        var pledge = await db.Pledges.FirstOrDefaultAsync(p => p.Id == pledgeId, ct);
        if (pledge is null) return Failure.NotFound;
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == pledge.ProjectId, ct);
        if (!ProjectService.IsOwner(viewer, project.HouseholdId, project.GroupId))
            return pledge.PersonId == viewer.PersonId || ProjectService.CanSee(viewer, project) ? Failure.Forbidden : Failure.NotFound;
        if (pledge.Status == PledgeStatus.Withdrawn) return Failure.PledgeClosed;
        var kind = await db.Needs.Where(n => n.Id == pledge.NeedId).Select(n => n.Kind).FirstAsync(ct);
        var cleaned = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (cleaned is { Length: > Pledge.ReferenceMaxLength }) return Failure.TextTooLong;
        if (pledge.Status == PledgeStatus.Confirmed)
        {
            // Confirming twice is harmless: the first confirmation stands.
            return await ViewAsync(viewer, pledgeId, ct);
        }
        if (kind == NeedKind.Money && cleaned is null) return Failure.ReferenceRequired;
        var now = clock.GetUtcNow();
        pledge.Status = PledgeStatus.Confirmed;
        pledge.ConfirmedAt = now;
        pledge.ConfirmedById = viewer.PersonId;
        pledge.Reference = cleaned;
        db.Record(now, viewer.PersonId, AuditActions.PledgeConfirmed, project.CommunityId, pledge.Id, $"{kind} {pledge.Amount} {cleaned}");
        await events.PublishAsync(new PledgeConfirmed(pledge.Id, project.Id, project.CommunityId, pledge.PersonId, viewer.PersonId, now), ct);
        await db.SaveChangesAsync(ct);
        await ProjectService.RankingOf(db).RecomputeAsync(project.Id, ct);
        return await ViewAsync(viewer, pledgeId, ct);
    }

    /// <summary>The supporter takes a pledge back before it was confirmed. The record stays, marked withdrawn.</summary>
    public async Task<Outcome<PledgeView>> WithdrawAsync(Viewer viewer, Guid pledgeId, CancellationToken ct = default)
    {
        var pledge = await db.Pledges.FirstOrDefaultAsync(p => p.Id == pledgeId, ct);
        if (pledge is null) return Failure.NotFound;
        if (pledge.PersonId != viewer.PersonId)
        {
            var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == pledge.ProjectId, ct);
            return ProjectService.CanSee(viewer, project) ? Failure.Forbidden : Failure.NotFound;
        }
        if (pledge.Status != PledgeStatus.Pledged) return Failure.PledgeClosed;
        pledge.Status = PledgeStatus.Withdrawn;
        pledge.WithdrawnAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await ProjectService.RankingOf(db).RecomputeAsync(pledge.ProjectId, ct);
        return await ViewAsync(viewer, pledgeId, ct);
    }

    private async Task<PledgeView> ViewAsync(Viewer viewer, Guid pledgeId, CancellationToken ct)
    {
        var x = await db.Pledges.AsNoTracking().Where(p => p.Id == pledgeId).Select(p => new
        {
            p.Id, p.ProjectId, p.NeedId, p.Amount, p.Status, p.CreatedAt, p.ConfirmedAt, p.Reference, p.PersonId,
            Kind = db.Needs.Where(n => n.Id == p.NeedId).Select(n => n.Kind).FirstOrDefault(),
            Supporter = db.Users.Where(u => u.Id == p.PersonId).Select(u => u.FirstName).FirstOrDefault(),
            Via = db.Users.Where(u => u.Id == p.ViaAmbassadorId).Select(u => u.FirstName).FirstOrDefault(),
        }).FirstAsync(ct);
        return new PledgeView(x.Id, x.ProjectId, x.NeedId, x.Kind, x.Amount, x.Status, x.Supporter ?? "—", x.CreatedAt, x.ConfirmedAt,
            x.Reference, x.PersonId == viewer.PersonId, x.Via);
    }
}
