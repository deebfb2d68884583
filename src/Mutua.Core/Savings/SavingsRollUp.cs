using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Savings;

/// <summary>One currency's groups across the communities a person sees savings of, and how many communities the groups' count is from.</summary>
public sealed record CurrencyRollUp(string Currency, int Communities, SavingsFigures Figures);

/// <summary>
/// A community's savings groups from outside (issue 14, "What people see"), and the same figures across every community
/// the person coordinates or sponsors, a set per currency. <see cref="Community"/> is empty when the community has no
/// savings group; it has more than one set only if its groups keep books in more than one currency.
/// </summary>
public sealed record SavingsRollUpView(Guid CommunityId, string CommunityName, string Currency, DateOnly AsOf,
    IReadOnlyList<SavingsFigures> Community, int CommunitiesAcross, IReadOnlyList<CurrencyRollUp> Across);

/// <summary>
/// Savings groups as facilitating agencies and coordinators see them: aggregates only, through <see cref="Disclosure"/>
/// (<see cref="SavingsRollUpKernel"/>), never a member's name or figure. A group's members see its books on its own
/// pages; this is for the people who are not in it. Read from the journal with a fixed number of queries, whatever the
/// number of groups: balances, shares, loans, lending and attendance are summed by the database, group by group.
/// </summary>
public sealed class SavingsRollUp(MutuaDbContext db, TimeProvider clock)
{
    /// <summary>Coordinators and sponsors of the community, and admins.</summary>
    public static bool MaySee(Viewer viewer, Guid communityId) =>
        viewer.IsAdmin || viewer.Has(communityId, Role.Coordinator) || viewer.Has(communityId, Role.Sponsor);

    /// <summary>
    /// The community's figures and the person's totals by currency. Someone of the community without the role is refused
    /// (403); anyone else gets what an id that does not exist gets (404), as with every community's page.
    /// </summary>
    public async Task<Outcome<SavingsRollUpView>> RollUpAsync(Viewer viewer, Guid communityId, CancellationToken ct = default)
    {
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => new { c.Name, c.Currency, c.TimeZone }).FirstOrDefaultAsync(ct);
        if (community is null) return Failure.NotFound;
        if (!MaySee(viewer, communityId)) return viewer.Refusal(communityId);

        // The communities the person sees savings of: every one for an admin.
        var mine = viewer.IsAdmin ? null
            : viewer.Roles.Where(r => r.Role is Role.Coordinator or Role.Sponsor).Select(r => r.CommunityId).Distinct().ToList();
        var seen = mine?.Count ?? await db.Communities.CountAsync(ct);
        var facts = await FactsAsync(mine, ct);

        var own = facts.Where(f => f.CommunityId == communityId).GroupBy(f => f.Currency)
            .OrderBy(g => g.Key == community.Currency ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => SavingsRollUpKernel.Publish(g.Key, SavingsTally.Of(g))).ToList();
        var across = facts.GroupBy(f => f.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var (figures, communities) = SavingsRollUpKernel.Across(g.Key, [.. g.GroupBy(f => f.CommunityId).Select(c => SavingsTally.Of(c))]);
            return new CurrencyRollUp(g.Key, communities, figures);
        }).ToList();
        return new SavingsRollUpView(communityId, community.Name, community.Currency, SavingsService.Today(clock.GetUtcNow(), community.TimeZone),
            own, seen, across);
    }

    /// <summary>The open cycle of every group of these communities (null: all), as plain facts.</summary>
    private async Task<List<SavingsGroupFacts>> FactsAsync(List<Guid>? communities, CancellationToken ct)
    {
        IQueryable<SavingsGroup> groups = db.SavingsGroups.AsNoTracking();
        if (communities is not null) groups = groups.Where(g => communities.Contains(g.CommunityId));
        var open = await (from g in groups
                          join c in db.SavingsCycles on g.Id equals c.GroupId
                          where c.ClosedAt == null
                          select new { g.Id, g.CommunityId, g.Currency, g.Kind, CycleId = c.Id, c.ShareOutSocialFund }).ToListAsync(ct);
        if (open.Count == 0) return [];
        var ids = open.Select(o => o.CommunityId).Distinct().ToList();
        var zones = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.TimeZone, ct);
        var now = clock.GetUtcNow();
        var today = zones.ToDictionary(z => z.Key, z => SavingsService.Today(now, z.Value));

        // Every member, past ones too (their loans and attendance stay in the books), with their household in the community.
        var members = await (from m in db.SavingsMembers
                             join g in groups on m.GroupId equals g.Id
                             select new
                             {
                                 m.GroupId, m.PersonId, Active = m.LeftAt == null,
                                 Household = db.HouseholdMembers.Where(h => h.PersonId == m.PersonId && h.Household!.CommunityId == g.CommunityId)
                                     .OrderBy(h => h.JoinedAt).Select(h => (Guid?)h.HouseholdId).FirstOrDefault(),
                             }).ToListAsync(ct);

        var entries = from e in db.SavingsEntries
                      join c in db.SavingsCycles on e.CycleId equals c.Id
                      where c.ClosedAt == null
                      join g in groups on c.GroupId equals g.Id
                      select e;
        // Balances are debits less credits, account by account (SavingsBooks), summed here by the database.
        var debits = await entries.GroupBy(e => new { e.CycleId, e.DebitAccount })
            .Select(x => new { x.Key.CycleId, Account = x.Key.DebitAccount, Amount = x.Sum(e => e.Amount) }).ToListAsync(ct);
        var credits = await entries.GroupBy(e => new { e.CycleId, e.CreditAccount })
            .Select(x => new { x.Key.CycleId, Account = x.Key.CreditAccount, Amount = x.Sum(e => e.Amount) }).ToListAsync(ct);
        var shares = await entries.Where(e => e.Shares != 0 && e.PersonId != null).GroupBy(e => new { e.CycleId, e.PersonId })
            .Select(x => new { x.Key.CycleId, x.Key.PersonId, Shares = x.Sum(e => e.Shares) }).ToListAsync(ct);
        // What is still owed on each loan of the open cycles, with whose it is and when it was due.
        var loans = await (from l in db.SavingsLoans
                           join c in db.SavingsCycles on l.CycleId equals c.Id
                           where c.ClosedAt == null
                           join g in groups on l.GroupId equals g.Id
                           select new
                           {
                               l.GroupId, l.PersonId, l.DueOn,
                               Owed = db.SavingsEntries.Where(e => e.LoanId == l.Id).Sum(e =>
                                   e.DebitAccount == SavingsAccount.Loan ? e.Amount : e.CreditAccount == SavingsAccount.Loan ? -e.Amount : 0L),
                           }).Where(l => l.Owed > 0).ToListAsync(ct);
        // Lent and written off this cycle: the entries that stand (neither corrected nor a correction).
        var lent = await entries.Where(e => (e.Kind == SavingsEntryKind.Disbursement || e.Kind == SavingsEntryKind.WriteOff)
                && !db.SavingsEntries.Any(r => r.ReversesId == e.Id))
            .GroupBy(e => new { e.GroupId, e.PersonId, e.Kind })
            .Select(x => new { x.Key.GroupId, x.Key.PersonId, x.Key.Kind, Amount = x.Sum(e => e.Amount) }).ToListAsync(ct);
        // The number of each group's fourth-latest meeting that took attendance (none when it has had fewer): marks from it on count.
        var since = groups.Select(g => new
        {
            g.Id,
            From = db.SavingsMeetings.Where(m => m.GroupId == g.Id && db.SavingsAttendance.Any(a => a.MeetingId == m.Id))
                .OrderByDescending(m => m.Number).Select(m => (int?)m.Number).Skip(SavingsRollUpKernel.AttendanceMeetings - 1).FirstOrDefault(),
        });
        var marks = await (from a in db.SavingsAttendance
                           join m in db.SavingsMeetings on a.MeetingId equals m.Id
                           join s in since on m.GroupId equals s.Id
                           where m.Number >= (s.From ?? 0)
                           group a by new { m.GroupId, a.PersonId } into x
                           select new { x.Key.GroupId, x.Key.PersonId, Marks = x.Count(), Absent = x.Count(y => y.Status == Attendance.Absent) })
            .ToListAsync(ct);

        var balances = new Dictionary<(Guid, SavingsAccount), long>();
        foreach (var d in debits) balances[(d.CycleId, d.Account)] = balances.GetValueOrDefault((d.CycleId, d.Account)) + d.Amount;
        foreach (var c in credits) balances[(c.CycleId, c.Account)] = balances.GetValueOrDefault((c.CycleId, c.Account)) - c.Amount;
        var membersOf = members.ToLookup(m => m.GroupId);
        var sharesOf = shares.ToLookup(s => s.CycleId);
        var loansOf = loans.ToLookup(l => l.GroupId);
        var lentOf = lent.ToLookup(l => l.GroupId);
        var marksOf = marks.ToLookup(m => m.GroupId);

        var facts = new List<SavingsGroupFacts>(open.Count);
        foreach (var g in open)
        {
            long Balance(SavingsAccount account) => balances.GetValueOrDefault((g.CycleId, account));
            var households = membersOf[g.Id].GroupBy(m => m.PersonId).ToDictionary(m => m.Key, m => m.First().Household);
            // Whose households these people are; a person with none in the community is left out (fewer households, never more).
            HashSet<Guid> Of(IEnumerable<Guid?> people) =>
                [.. people.Select(p => p is { } id ? households.GetValueOrDefault(id) : null).OfType<Guid>()];
            var active = membersOf[g.Id].Where(m => m.Active).ToList();
            var day = today[g.CommunityId];
            var owed = loansOf[g.Id].ToList();
            var atRisk = owed.Where(l => SavingsRollUpKernel.IsAtRisk(l.DueOn, l.Owed, day)).ToList();
            var held = sharesOf[g.CycleId].Where(s => s.Shares != 0).ToList();
            var (loanFund, social, outstanding) = (Balance(SavingsAccount.LoanFund), Balance(SavingsAccount.SocialFundCash), Balance(SavingsAccount.Loan));
            long projected = 0;
            if (g.Kind == SavingsGroupKind.Vsla)
            {
                // As the share-out preview works it out: the loans still owed counted as repaid.
                var shareOut = SavingsKernel.ShareOutOf(loanFund + outstanding,
                    [.. held.Select(s => new ShareOutMember(s.PersonId!.Value, s.Shares, 0)).OrderBy(m => m.PersonId)], social, g.ShareOutSocialFund);
                projected = shareOut.TotalPayout + shareOut.Lines.Sum(l => l.SocialFundPayout);
            }
            var lending = lentOf[g.Id].ToList();
            var writtenOff = lending.Where(l => l.Kind == SavingsEntryKind.WriteOff && l.Amount > 0).ToList();
            var attendance = marksOf[g.Id].ToList();
            facts.Add(new SavingsGroupFacts(g.Id, g.CommunityId, g.Currency, g.Kind,
                Of(active.Select(m => (Guid?)m.PersonId)), active.Count,
                -Balance(SavingsAccount.Savings), loanFund, social, outstanding, atRisk.Sum(l => l.Owed),
                Of(held.Where(s => s.Shares > 0).Select(s => s.PersonId)), Of(owed.Select(l => (Guid?)l.PersonId)),
                Of(atRisk.Select(l => (Guid?)l.PersonId)),
                lending.Where(l => l.Kind == SavingsEntryKind.Disbursement).Sum(l => l.Amount), writtenOff.Sum(l => l.Amount),
                Of(writtenOff.Select(l => l.PersonId)),
                attendance.Sum(a => a.Marks), attendance.Sum(a => a.Marks - a.Absent), Of(attendance.Where(a => a.Absent > 0).Select(a => (Guid?)a.PersonId)),
                projected));
        }
        return facts;
    }
}
