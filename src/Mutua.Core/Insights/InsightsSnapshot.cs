using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutua.Core.Communities;

namespace Mutua.Core.Insights;

/// <summary>
/// A settled month's insights for a community or one of its groups, as published: computed once, never
/// again (docs/privacy.md), so pages never wait for a scan and a correction cannot be used as a probe.
/// </summary>
public sealed class InsightsSnapshot
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommunityId { get; set; }
    /// <summary>The group's id for a group's month, the community's id for the whole community.</summary>
    public Guid Scope { get; set; }
    public int Period { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    /// <summary>The month's <see cref="MonthInsights"/> as JSON, disclosure rules already applied.</summary>
    public required string Data { get; set; }

    // A cell is kept as its number or null: a community's month is kept with all its groups, so rows stay small.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new CellAsNumber() } };

    private sealed class CellAsNumber : System.Text.Json.Serialization.JsonConverter<Cell>
    {
        public override Cell Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? Cell.TooFew : new Cell(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, Cell value, JsonSerializerOptions options)
        {
            if (value.Value is { } v) writer.WriteNumberValue(v);
            else writer.WriteNullValue();
        }
    }

    internal static string Write(MonthInsights month) => JsonSerializer.Serialize(month, Json);

    internal static MonthInsights Read(string data) => JsonSerializer.Deserialize<MonthInsights>(data, Json)
        ?? throw new InvalidDataException("An insights snapshot holds no data.");
}

internal sealed class InsightsSnapshotConfiguration : IEntityTypeConfiguration<InsightsSnapshot>
{
    public void Configure(EntityTypeBuilder<InsightsSnapshot> b)
    {
        // Stryker disable all : EF builds its model once per process, before any mutant is active in mutation testing's
        // reused test host; MigrationsTests compares this configuration with both databases' migrations instead.
        b.HasOne<Community>().WithMany().HasForeignKey(s => s.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.Scope, s.Period }).IsUnique();
        b.HasIndex(s => s.CommunityId);
    }
}
