using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutua.Core.Network;

public enum SavingsHelpKind { Loan = 1, SocialFund = 2 }

/// <summary>
/// Help that went through a savings group, as the help map draws it: a loan or a social-fund payout to a member is
/// help from each of the group's other households to the member's household, in the month of the meeting (the
/// money lent is theirs together). The help map's own copy, written only in reaction to the savings group's events;
/// the books stay the group's. The ledger is both sides' record, so the map counts such a link as told by both.
/// </summary>
public sealed class SavingsHelpLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommunityId { get; set; }
    public Guid SavingsGroupId { get; set; }
    public SavingsHelpKind Kind { get; set; }
    /// <summary>The loan, or the meeting that paid from the social fund.</summary>
    public Guid SourceId { get; set; }
    public Guid GiverHouseholdId { get; set; }
    public Guid ReceiverHouseholdId { get; set; }
    /// <summary>The meeting's month (<see cref="Month.Period"/>): its date is already the community's calendar.</summary>
    public int Period { get; set; }
}

internal sealed class SavingsHelpLinkConfiguration : IEntityTypeConfiguration<SavingsHelpLink>
{
    public void Configure(EntityTypeBuilder<SavingsHelpLink> b)
    {
        b.ToTable("SavingsHelpLinks");
        b.HasKey(l => l.Id);
        b.HasIndex(l => new { l.SourceId, l.Kind, l.GiverHouseholdId, l.ReceiverHouseholdId }).IsUnique();
        b.HasIndex(l => new { l.CommunityId, l.Period });
        b.HasIndex(l => l.GiverHouseholdId);
        b.HasIndex(l => l.ReceiverHouseholdId);
    }
}

/// <summary>Draws a savings group's loans and social-fund payouts on the help map, and takes a closing household off it.</summary>
internal sealed class SavingsHelpOnTheMap(MutuaDbContext db) : IReactTo<SavingsLoanDisbursed>, IReactTo<SocialFundPaid>, IReactTo<HouseholdClosing>
{
    public Task ReactAsync(SavingsLoanDisbursed happened, CancellationToken ct) =>
        DrawAsync(happened.CommunityId, happened.GroupId, SavingsHelpKind.Loan, happened.LoanId, happened.PersonId, happened.Members,
            happened.Date, ct);

    public Task ReactAsync(SocialFundPaid happened, CancellationToken ct) =>
        DrawAsync(happened.CommunityId, happened.GroupId, SavingsHelpKind.SocialFund, happened.MeetingId, happened.PersonId,
            happened.Members, happened.Date, ct);

    public async Task ReactAsync(HouseholdClosing happened, CancellationToken ct) =>
        await db.SavingsHelpLinks.Where(l => l.GiverHouseholdId == happened.HouseholdId || l.ReceiverHouseholdId == happened.HouseholdId)
            .ExecuteDeleteAsync(ct);

    private async Task DrawAsync(Guid communityId, Guid groupId, SavingsHelpKind kind, Guid sourceId, Guid receiver, IReadOnlyList<Guid> members,
        DateOnly date, CancellationToken ct)
    {
        var people = members.Append(receiver).Distinct().ToList();
        // The map is a community's: a member whose household lives elsewhere is not on it.
        var householdOf = (await db.HouseholdMembers.AsNoTracking()
                .Where(m => people.Contains(m.PersonId) && m.Household!.CommunityId == communityId)
                .Select(m => new { m.PersonId, m.HouseholdId }).ToListAsync(ct))
            .GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.Min(m => m.HouseholdId));
        if (!householdOf.TryGetValue(receiver, out var to)) return;
        var period = new Month(date.Year, date.Month).Period;
        var givers = members.Where(householdOf.ContainsKey).Select(p => householdOf[p]).Where(h => h != to).Distinct();
        foreach (var from in givers)
        {
            // Two payouts to one household at one meeting are one month of help, as two check-in lines would be.
            if (db.SavingsHelpLinks.Local.Any(l => l.SourceId == sourceId && l.Kind == kind && l.GiverHouseholdId == from && l.ReceiverHouseholdId == to))
                continue;
            db.SavingsHelpLinks.Add(new SavingsHelpLink
            {
                CommunityId = communityId, SavingsGroupId = groupId, Kind = kind, SourceId = sourceId, GiverHouseholdId = from,
                ReceiverHouseholdId = to, Period = period,
            });
        }
    }
}
