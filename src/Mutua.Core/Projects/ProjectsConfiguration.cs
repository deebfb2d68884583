using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;

namespace Mutua.Core.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(p => p.Slug).HasMaxLength(Project.SlugMaxLength).IsRequired();
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Title).HasMaxLength(Project.TitleMaxLength).IsRequired();
        b.Property(p => p.Story).HasMaxLength(Project.StoryMaxLength).IsRequired();
        b.Property(p => p.VerificationNote).HasMaxLength(400);
        b.Property(p => p.HowToSend).HasMaxLength(Project.HowToSendMaxLength);
        b.HasOne<Community>().WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Group>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.VerifiedById).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Needs).WithOne().HasForeignKey(n => n.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // The discovery page, one index per order (newest, closest to goal, most supported), each carrying the
        // visibility columns so the first page is read from the index without touching the stories.
        b.HasIndex(p => new { p.PublishedAt, p.Status, p.IsPublic, p.CommunityId });
        b.HasIndex(p => new { p.RankProgress, p.PublishedAt, p.Status, p.IsPublic, p.CommunityId });
        b.HasIndex(p => new { p.RankSupporters, p.PublishedAt, p.Status, p.IsPublic, p.CommunityId });
        b.HasIndex(p => new { p.CommunityId, p.Status, p.PublishedAt });
        b.HasIndex(p => p.HouseholdId);
        b.HasIndex(p => p.GroupId);
    }
}

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> b)
    {
        b.Property(n => n.Description).HasMaxLength(Need.DescriptionMaxLength).IsRequired();
        b.HasIndex(n => new { n.Kind, n.ProjectId });
    }
}

internal sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> b)
    {
        b.Property(p => p.Reference).HasMaxLength(Pledge.ReferenceMaxLength);
        b.Property(p => p.IdempotencyKey).HasMaxLength(Pledge.IdempotencyKeyMaxLength);
        b.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Need>().WithMany().HasForeignKey(p => p.NeedId).OnDelete(DeleteBehavior.Restrict);
        // A supporter who closes their account leaves their pledges behind, anonymised (AccountClosure).
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => new { p.ProjectId, p.Status });
        b.HasIndex(p => new { p.NeedId, p.Status });
        b.HasIndex(p => new { p.PersonId, p.IdempotencyKey }).IsUnique();
    }
}

internal sealed class ProjectUpdateConfiguration : IEntityTypeConfiguration<ProjectUpdate>
{
    public void Configure(EntityTypeBuilder<ProjectUpdate> b)
    {
        b.Property(u => u.Text).HasMaxLength(ProjectUpdate.TextMaxLength).IsRequired();
        b.HasOne<Project>().WithMany().HasForeignKey(u => u.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(u => new { u.ProjectId, u.CreatedAt });
    }
}

internal sealed class ProjectPhotoConfiguration : IEntityTypeConfiguration<ProjectPhoto>
{
    public void Configure(EntityTypeBuilder<ProjectPhoto> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProjectUpdate>().WithMany().HasForeignKey(p => p.UpdateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ProjectId, p.UpdateId });
    }
}

internal sealed class ProjectFollowerConfiguration : IEntityTypeConfiguration<ProjectFollower>
{
    public void Configure(EntityTypeBuilder<ProjectFollower> b)
    {
        b.HasKey(f => new { f.ProjectId, f.PersonId });
        b.HasOne<Project>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.PersonId);
    }
}

internal sealed class ProjectInspirationConfiguration : IEntityTypeConfiguration<ProjectInspiration>
{
    public void Configure(EntityTypeBuilder<ProjectInspiration> b)
    {
        b.HasKey(i => new { i.ProjectId, i.InspiredById });
        b.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Project>().WithMany().HasForeignKey(i => i.InspiredById).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => i.InspiredById);
    }
}

internal sealed class ProjectNotificationConfiguration : IEntityTypeConfiguration<ProjectNotification>
{
    public void Configure(EntityTypeBuilder<ProjectNotification> b)
    {
        b.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Project>().WithMany().HasForeignKey(n => n.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProjectUpdate>().WithMany().HasForeignKey(n => n.UpdateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.PersonId, n.ReadAt });
    }
}

internal sealed class AmbassadorCodeConfiguration : IEntityTypeConfiguration<AmbassadorCode>
{
    public void Configure(EntityTypeBuilder<AmbassadorCode> b)
    {
        b.HasKey(a => a.PersonId);
        b.Property(a => a.Code).HasMaxLength(AmbassadorCode.Length).IsRequired();
        b.HasIndex(a => a.Code).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShareEventConfiguration : IEntityTypeConfiguration<ShareEvent>
{
    public void Configure(EntityTypeBuilder<ShareEvent> b)
    {
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.AmbassadorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.AmbassadorId, e.ProjectId });
        b.HasIndex(e => new { e.ProjectId, e.AmbassadorId });
    }
}

internal sealed class ProjectBackingConfiguration : IEntityTypeConfiguration<ProjectBacking>
{
    public void Configure(EntityTypeBuilder<ProjectBacking> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.LoanId).IsUnique();
        b.HasIndex(x => x.ProjectId);
        b.Property(x => x.Currency).HasMaxLength(3);
    }
}
