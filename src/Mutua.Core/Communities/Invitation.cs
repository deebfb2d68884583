namespace Mutua.Core.Communities;

/// <summary>
/// A one-time code with which a person joins a community: into an existing household, into a
/// new household of a group, or with a non-member role (supporter, sponsor, ...).
/// </summary>
public sealed class Invitation
{
    public const int CodeLength = 8;
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Eight characters from an alphabet without look-alikes; stored without the dash.</summary>
    public string Code { get; set; } = "";
    public Guid CommunityId { get; set; }
    public Community? Community { get; set; }
    public Role Role { get; set; } = Role.Member;
    public Guid? GroupId { get; set; }
    public Group? Group { get; set; }
    /// <summary>Join this existing household; when null and the role is Member, a new one is made.</summary>
    public Guid? HouseholdId { get; set; }
    public Household? Household { get; set; }
    public string? NewHouseholdName { get; set; }
    /// <summary>Shown to the invitee: "Amina invited you".</summary>
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RedeemedAt { get; set; }
    public Guid? RedeemedById { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public InvitationState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationState.Revoked
        : RedeemedAt is not null ? InvitationState.Used
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Open;
}

public enum InvitationState { Open, Used, Expired, Revoked }
