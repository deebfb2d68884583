namespace Mutua.Core.Communities;

/// <summary>4–8 households who meet monthly.</summary>
public sealed class Group
{
    public const int NameMaxLength = 80;
    public const int RecommendedMinHouseholds = 4;
    public const int RecommendedMaxHouseholds = 8;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommunityId { get; set; }
    public Community? Community { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public List<Household> Households { get; set; } = [];
}
