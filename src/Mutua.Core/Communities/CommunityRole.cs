using Mutua.Core.Accounts;

namespace Mutua.Core.Communities;

/// <summary>What a person may do in one community (DESIGN §1). A person may hold several.</summary>
public enum Role
{
    Member = 1,
    Coordinator = 2,
    Sponsor = 3,
    Ambassador = 4,
    Supporter = 5,
}

public sealed class CommunityRole
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommunityId { get; set; }
    public Community? Community { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Role Role { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public Guid? GrantedById { get; set; }
    /// <summary>Ambassadors commit for a period (a year); other roles have no end.</summary>
    public DateOnly? Until { get; set; }
}
