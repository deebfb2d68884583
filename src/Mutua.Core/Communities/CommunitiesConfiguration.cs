using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutua.Core.Accounts;

namespace Mutua.Core.Communities;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> b)
    {
        b.Property(c => c.Name).HasMaxLength(Community.NameMaxLength).IsRequired();
        b.Property(c => c.Place).HasMaxLength(Community.PlaceMaxLength).IsRequired();
        b.Property(c => c.Country).HasMaxLength(2).IsRequired();
        b.Property(c => c.DefaultLanguage).HasMaxLength(8).IsRequired();
        b.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        b.Property(c => c.TimeZone).HasMaxLength(64).IsRequired();
        b.Property(c => c.AgencyName).HasMaxLength(Community.AgencyNameMaxLength);
        b.Property(c => c.AgencyAbout).HasMaxLength(Community.AgencyAboutMaxLength);
        b.Property(c => c.AgencyContact).HasMaxLength(Community.AgencyContactMaxLength);
        b.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.ToTable("Groups");
        b.Property(g => g.Name).HasMaxLength(Group.NameMaxLength).IsRequired();
        b.HasOne(g => g.Community).WithMany(c => c.Groups).HasForeignKey(g => g.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.CommunityId, g.Name }).IsUnique();
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.Property(h => h.Name).HasMaxLength(Household.NameMaxLength).IsRequired();
        b.HasOne(h => h.Community).WithMany().HasForeignKey(h => h.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(h => h.Group).WithMany(g => g.Households).HasForeignKey(h => h.GroupId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(h => new { h.CommunityId, h.GroupId });
    }
}

internal sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> b)
    {
        b.HasKey(m => new { m.HouseholdId, m.PersonId });
        b.HasOne(m => m.Household).WithMany(h => h.Members).HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.PersonId);
    }
}

internal sealed class CommunityRoleConfiguration : IEntityTypeConfiguration<CommunityRole>
{
    public void Configure(EntityTypeBuilder<CommunityRole> b)
    {
        b.HasOne(r => r.Community).WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.CommunityId, r.PersonId, r.Role }).IsUnique();
        b.HasIndex(r => r.PersonId);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Code).HasMaxLength(Invitation.CodeLength).IsRequired();
        b.HasIndex(i => i.Code).IsUnique();
        b.Property(i => i.NewHouseholdName).HasMaxLength(Household.NameMaxLength);
        b.HasOne(i => i.Community).WithMany().HasForeignKey(i => i.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Group).WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(i => i.Household).WithMany().HasForeignKey(i => i.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => i.CommunityId);
    }
}

internal sealed class OrientationConfiguration : IEntityTypeConfiguration<Orientation>
{
    public void Configure(EntityTypeBuilder<Orientation> b)
    {
        b.HasOne(o => o.Community).WithMany().HasForeignKey(o => o.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.BuddyId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(o => new { o.PersonId, o.CommunityId }).IsUnique();
        b.HasIndex(o => o.BuddyId);
    }
}
