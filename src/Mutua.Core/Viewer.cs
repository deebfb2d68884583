namespace Mutua.Core;

/// <summary>
/// Who is asking, with everything needed to decide what they may see and do. Loaded once per
/// request; every Core call that reads or writes a resource checks it against this.
/// </summary>
public sealed class Viewer
{
    // Stryker disable once Boolean : a static field is built once per process, before any mutant is active in
    // mutation testing's reused test host; ViewerTests' truth table pins what Anonymous may do.
    public static readonly Viewer Anonymous = new(Guid.Empty, false, [], []);

    public Viewer(Guid personId, bool isAdmin, IReadOnlyList<(Guid CommunityId, Role Role)> roles,
        IReadOnlyList<HouseholdPlace> households)
    {
        PersonId = personId;
        IsAdmin = isAdmin;
        Roles = roles;
        Households = households;
    }

    public Guid PersonId { get; }
    public bool IsAdmin { get; }
    public bool IsSignedIn => PersonId != Guid.Empty;
    public IReadOnlyList<(Guid CommunityId, Role Role)> Roles { get; }
    public IReadOnlyList<HouseholdPlace> Households { get; }

    public bool Has(Guid communityId, Role role) => Roles.Any(r => r.CommunityId == communityId && r.Role == role);
    public bool InCommunity(Guid communityId) => IsAdmin || Roles.Any(r => r.CommunityId == communityId);
    public bool CanManage(Guid communityId) => IsAdmin || Has(communityId, Role.Coordinator);

    /// <summary>First names of a community's people are for its members and coordinators only.</summary>
    public bool CanSeePeopleOf(Guid communityId) =>
        CanManage(communityId) || Households.Any(h => h.CommunityId == communityId);

    public bool IsMemberOf(Guid householdId) => Households.Any(h => h.HouseholdId == householdId);

    public bool CanSeeHousehold(Guid householdId, Guid communityId) => IsMemberOf(householdId) || CanManage(communityId);

    /// <summary>
    /// How to refuse this person something of a community's. Outside the community: NotFound, exactly as
    /// for an id that does not exist, so a refusal never tells that the id is real (issue 11, finding 7).
    /// Inside it: Forbidden, which tells only what a member knows already (the community has groups,
    /// households and people) and tells them why.
    /// </summary>
    public Failure Refusal(Guid communityId) => InCommunity(communityId) ? Failure.Forbidden : Failure.NotFound;

    public HouseholdPlace? HouseholdIn(Guid communityId) => Households.FirstOrDefault(h => h.CommunityId == communityId);
}

public sealed record HouseholdPlace(Guid HouseholdId, Guid CommunityId, Guid? GroupId);
