using Mutua.Core.Accounts;

namespace Mutua.Core.Communities;

/// <summary>A participating family. It belongs to one community and, usually, one group.</summary>
public sealed class Household
{
    public const int NameMaxLength = 80;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommunityId { get; set; }
    public Community? Community { get; set; }
    public Guid? GroupId { get; set; }
    public Group? Group { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>How far its help links carry its name on the help map; nobody until the household chooses.</summary>
    public NameOnMap NameOnMap { get; set; } = NameOnMap.Nobody;

    public List<HouseholdMember> Members { get; set; } = [];
}

/// <summary>
/// Who sees a household's name on the help map (its links, its place in clusters and lists). Everyone
/// else sees a pseudonym that reveals nothing (DESIGN §6). Its own members always see it.
/// </summary>
public enum NameOnMap
{
    Nobody = 0,
    Group = 1,
    Community = 2,
}

public sealed class HouseholdMember
{
    public Guid HouseholdId { get; set; }
    public Household? Household { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}
