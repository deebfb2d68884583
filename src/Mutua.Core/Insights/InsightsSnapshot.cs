using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutua.Core.Communities;

namespace Mutua.Core.Insights;

/// <summary>
/// A settled month's insights for a community or one of its groups, kept so pages never wait for a
/// scan of months that no longer change. A correction to that month marks it stale; the next reader
/// computes it again.
/// </summary>
public sealed class InsightsSnapshot
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommunityId { get; set; }
    /// <summary>The group's id for a group's month, the community's id for the whole community.</summary>
    public Guid Scope { get; set; }
    public int Period { get; set; }
    public bool Stale { get; set; }
    /// <summary>Moves on every change, so a reader that computed from older rows cannot overwrite a newer mark.</summary>
    public int Version { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    /// <summary>The month's <see cref="MonthInsights"/> as JSON, suppression already applied; empty while stale.</summary>
    public string Data { get; set; } = "";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static string Write(MonthInsights month) => JsonSerializer.Serialize(month, Json);

    internal static MonthInsights Read(string data) => JsonSerializer.Deserialize<MonthInsights>(data, Json)
        ?? throw new InvalidDataException("An insights snapshot holds no data.");
}

internal sealed class InsightsSnapshotConfiguration : IEntityTypeConfiguration<InsightsSnapshot>
{
    public void Configure(EntityTypeBuilder<InsightsSnapshot> b)
    {
        b.HasOne<Community>().WithMany().HasForeignKey(s => s.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.Scope, s.Period }).IsUnique();
        b.HasIndex(s => s.CommunityId);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Data).IsRequired();
    }
}
