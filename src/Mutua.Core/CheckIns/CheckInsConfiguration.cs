using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutua.Core.Communities;

namespace Mutua.Core.CheckIns;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.HouseholdId, c.Period }).IsUnique();
        // Insights read a community's months, optionally one group's.
        b.HasIndex(c => new { c.CommunityId, c.Period });
        b.HasIndex(c => new { c.GroupId, c.Period });
        b.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        // Two replacements of one month that read the same check-in cannot both land: the second finds
        // it changed and saves again on what is there (CheckInService.SaveAsync). Not UpdatedAt: two
        // writes can share an instant.
        b.Property(c => c.Version).IsConcurrencyToken();
        foreach (var notes in new[] { nameof(CheckIn.HealthNotes), nameof(CheckIn.EducationNotes), nameof(CheckIn.HousingNotes),
                     nameof(CheckIn.LeadershipNotes), nameof(CheckIn.NeedsNotes), nameof(CheckIn.WhatsNew) })
        {
            b.Property(notes).HasMaxLength(CheckIn.NotesMaxLength);
        }
        b.HasMany(c => c.Income).WithOne().HasForeignKey(i => i.CheckInId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Help).WithOne().HasForeignKey(h => h.CheckInId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Goals).WithOne().HasForeignKey(g => g.CheckInId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HelpExchangeConfiguration : IEntityTypeConfiguration<HelpExchange>
{
    public void Configure(EntityTypeBuilder<HelpExchange> b)
    {
        b.Property(h => h.OtherDescription).HasMaxLength(HelpExchange.DescriptionMaxLength);
        b.HasOne<Household>().WithMany().HasForeignKey(h => h.OtherHouseholdId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(h => h.OtherHouseholdId);
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.Property(g => g.Name).HasMaxLength(Goal.NameMaxLength).IsRequired();
        b.HasOne<Household>().WithMany().HasForeignKey(g => g.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => g.HouseholdId);
    }
}

internal sealed class GoalProgressConfiguration : IEntityTypeConfiguration<GoalProgress>
{
    public void Configure(EntityTypeBuilder<GoalProgress> b)
    {
        b.HasOne(p => p.Goal).WithMany().HasForeignKey(p => p.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckInCorrectionConfiguration : IEntityTypeConfiguration<CheckInCorrection>
{
    public void Configure(EntityTypeBuilder<CheckInCorrection> b)
    {
        b.Property(c => c.Summary).HasMaxLength(400).IsRequired();
        b.HasOne<CheckIn>().WithMany().HasForeignKey(c => c.CheckInId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.CheckInId);
    }
}
