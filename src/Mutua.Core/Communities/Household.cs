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

    public List<HouseholdMember> Members { get; set; } = [];
}

public sealed class HouseholdMember
{
    public Guid HouseholdId { get; set; }
    public Household? Household { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}
