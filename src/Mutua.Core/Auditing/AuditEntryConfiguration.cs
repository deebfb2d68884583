using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutua.Core.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Action).HasMaxLength(40).IsRequired();
        b.Property(a => a.Subject).HasMaxLength(80);
        b.Property(a => a.Detail).HasMaxLength(400);
        b.HasIndex(a => a.At);
        b.HasIndex(a => a.CommunityId);
    }
}
