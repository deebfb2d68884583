using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutua.Core.Communities;

namespace Mutua.Core.Savings;

// People are kept by id, without a foreign key to their account: a group's books must still add up after a member
// closes their account, so no row of them may cascade away with it (the journal is append-only).

internal sealed class SavingsGroupConfiguration : IEntityTypeConfiguration<SavingsGroup>
{
    public void Configure(EntityTypeBuilder<SavingsGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(SavingsGroup.NameMaxLength).IsRequired();
        b.Property(g => g.Currency).HasMaxLength(3).IsRequired();
        b.HasOne<Community>().WithMany().HasForeignKey(g => g.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.CommunityId, g.Name }).IsUnique();
    }
}

internal sealed class SavingsMemberConfiguration : IEntityTypeConfiguration<SavingsMember>
{
    public void Configure(EntityTypeBuilder<SavingsMember> b)
    {
        b.HasOne<SavingsGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.GroupId, m.PersonId }).IsUnique();
        b.HasIndex(m => new { m.PersonId, m.LeftAt });
    }
}

internal sealed class SavingsOfficerConfiguration : IEntityTypeConfiguration<SavingsOfficer>
{
    public void Configure(EntityTypeBuilder<SavingsOfficer> b)
    {
        b.HasOne<SavingsGroup>().WithMany().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.GroupId, o.EndedAt });
        b.HasIndex(o => o.PersonId);
    }
}

internal sealed class SavingsCycleConfiguration : IEntityTypeConfiguration<SavingsCycle>
{
    public void Configure(EntityTypeBuilder<SavingsCycle> b)
    {
        b.HasOne<SavingsGroup>().WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Fines).WithOne().HasForeignKey(f => f.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.GroupId, c.Number }).IsUnique();
        b.HasIndex(c => new { c.GroupId, c.ClosedAt });
    }
}

internal sealed class SavingsFineRuleConfiguration : IEntityTypeConfiguration<SavingsFineRule>
{
    public void Configure(EntityTypeBuilder<SavingsFineRule> b)
    {
        b.Property(f => f.Name).HasMaxLength(SavingsFineRule.NameMaxLength).IsRequired();
        b.HasIndex(f => f.CycleId);
    }
}

internal sealed class RoscaTurnConfiguration : IEntityTypeConfiguration<RoscaTurn>
{
    public void Configure(EntityTypeBuilder<RoscaTurn> b)
    {
        b.HasKey(t => new { t.CycleId, t.Round });
        b.HasOne<SavingsCycle>().WithMany().HasForeignKey(t => t.CycleId).OnDelete(DeleteBehavior.Cascade);
        // Nobody receives twice in a cycle.
        b.HasIndex(t => new { t.CycleId, t.PersonId }).IsUnique();
    }
}

internal sealed class SavingsMeetingConfiguration : IEntityTypeConfiguration<SavingsMeeting>
{
    public void Configure(EntityTypeBuilder<SavingsMeeting> b)
    {
        b.Property(m => m.IdempotencyKey).HasMaxLength(SavingsMeeting.IdempotencyKeyMaxLength);
        b.HasOne<SavingsGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SavingsCycle>().WithMany().HasForeignKey(m => m.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.GroupId, m.Number }).IsUnique();
        b.HasIndex(m => new { m.CycleId, m.Date });
        // A key is the sender's and the group's: the same key from another person or for another group is another meeting.
        b.HasIndex(m => new { m.GroupId, m.RecordedById, m.IdempotencyKey }).IsUnique();
    }
}

internal sealed class SavingsAttendanceConfiguration : IEntityTypeConfiguration<SavingsAttendance>
{
    public void Configure(EntityTypeBuilder<SavingsAttendance> b)
    {
        b.HasKey(a => new { a.MeetingId, a.PersonId });
        b.HasOne<SavingsMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.PersonId);
    }
}

internal sealed class SavingsLoanConfiguration : IEntityTypeConfiguration<SavingsLoan>
{
    public void Configure(EntityTypeBuilder<SavingsLoan> b)
    {
        b.HasOne<SavingsGroup>().WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SavingsCycle>().WithMany().HasForeignKey(l => l.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SavingsMeeting>().WithMany().HasForeignKey(l => l.ApprovedAtMeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.CycleId, l.ApprovedOn });
        b.HasIndex(l => l.PersonId);
    }
}

internal sealed class SavingsEntryConfiguration : IEntityTypeConfiguration<SavingsEntry>
{
    public void Configure(EntityTypeBuilder<SavingsEntry> b)
    {
        b.Property(e => e.Reason).HasMaxLength(SavingsEntry.ReasonMaxLength);
        b.HasOne<SavingsGroup>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SavingsCycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SavingsMeeting>().WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SavingsLoan>().WithMany().HasForeignKey(e => e.LoanId).OnDelete(DeleteBehavior.Cascade);
        // One order per group's journal: two meetings saved at once cannot both take the next place (the second retries).
        b.HasIndex(e => new { e.GroupId, e.Sequence }).IsUnique();
        b.HasIndex(e => new { e.CycleId, e.Sequence });
        b.HasIndex(e => e.LoanId);
        b.HasIndex(e => e.PersonId);
        // An entry is reversed once at most.
        b.HasIndex(e => e.ReversesId).IsUnique();
    }
}

internal sealed class SavingsDecisionConfiguration : IEntityTypeConfiguration<SavingsDecision>
{
    public void Configure(EntityTypeBuilder<SavingsDecision> b)
    {
        b.Property(d => d.Text).HasMaxLength(SavingsDecision.TextMaxLength).IsRequired();
        b.HasOne<SavingsGroup>().WithMany().HasForeignKey(d => d.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SavingsMeeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.GroupId, d.MeetingId });
        b.HasIndex(d => d.PersonId);
    }
}
