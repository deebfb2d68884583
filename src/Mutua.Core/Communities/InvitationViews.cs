namespace Mutua.Core.Communities;

public sealed record NewInvitation(Role Role, Guid? GroupId, Guid? HouseholdId, string? NewHouseholdName);

public sealed record InvitationSummary(Guid Id, string Code, Guid CommunityId, Role Role, Guid? GroupId, string? GroupName,
    Guid? HouseholdId, string? HouseholdName, string CreatedByFirstName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    InvitationState State);

/// <summary>What a person holding a code sees before joining.</summary>
public sealed record InvitationPreview(string Code, Guid CommunityId, string CommunityName, string Place, string DefaultLanguage,
    string Country, Role Role, string? GroupName, string? HouseholdName, string InvitedByFirstName, DateTimeOffset ExpiresAt);

public sealed record Joined(Guid PersonId, Guid CommunityId, Guid? HouseholdId, Guid? GroupId, Guid? BuddyId);
