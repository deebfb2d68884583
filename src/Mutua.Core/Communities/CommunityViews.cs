namespace Mutua.Core.Communities;

// What Core hands to pages and the API. People appear by first name only (DESIGN §1).

public sealed record CommunitySummary(Guid Id, string Name, string Place, string Country, string DefaultLanguage,
    string Currency, string TimeZone, int GroupCount, int HouseholdCount);

public sealed record CommunityDetail(CommunitySummary Community, IReadOnlyList<GroupSummary> Groups,
    int UngroupedHouseholds, IReadOnlyList<string> CoordinatorFirstNames, SponsoringAgency? Agency = null);

/// <summary>The agency that supports a community and verifies its projects: its name, what it does, whom to contact.</summary>
public sealed record SponsoringAgency(string Name, string? About, string? Contact);

public sealed record GroupSummary(Guid Id, Guid CommunityId, string Name, int HouseholdCount);

public sealed record GroupDetail(Guid Id, Guid CommunityId, string CommunityName, string Name,
    IReadOnlyList<HouseholdSummary> Households);

public sealed record HouseholdSummary(Guid Id, Guid CommunityId, Guid? GroupId, string Name,
    IReadOnlyList<MemberName> Members);

public sealed record MemberName(Guid PersonId, string FirstName);

public sealed record HouseholdDetail(Guid Id, Guid CommunityId, string CommunityName, Guid? GroupId, string? GroupName,
    string Name, IReadOnlyList<MemberName> Members);

public sealed record NewCommunity(string Name, string Place, string Country, string DefaultLanguage, string Currency, string TimeZone);
