using Mutua.Core.Accounts;

namespace Mutua.Core.Communities;


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
