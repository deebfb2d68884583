namespace Mutua.Core.Projects;

public sealed record NeedInput(NeedKind Kind, string? Description, long Target, Guid? Id = null);

/// <summary>A new project, owned by a household or a group the person belongs to.</summary>
public sealed record NewProject(Guid? HouseholdId, Guid? GroupId, string? Title, string? Story, ProjectCategory? Category,
    IReadOnlyList<NeedInput>? Needs, IReadOnlyList<Guid>? InspiredBy = null, bool Publish = false, bool IsPublic = false);

/// <summary>Only what is given changes. Needs, when given, are the whole list: matched by id, new ones without.</summary>
public sealed record ProjectPatch(string? Title = null, string? Story = null, ProjectCategory? Category = null, ProjectStatus? Status = null,
    bool? IsPublic = null, IReadOnlyList<NeedInput>? Needs = null, IReadOnlyList<Guid>? InspiredBy = null, string? HowToSend = null,
    bool? ShowsSavingsBacking = null);

/// <summary>
/// What the family's savings group lent for the project (loans the group's meetings said were for it), in the community's
/// currency. Everyone who sees the project sees it once the family chose to show it; until then only the family, with
/// <see cref="Shown"/> false, so they can choose.
/// </summary>
public sealed record SavingsBackingView(long Amount, string Currency, int Loans, bool Shown);

public sealed record PledgeInput(Guid NeedId, long Amount, string? Via = null);

public sealed record NeedView(Guid Id, NeedKind Kind, string Description, long Target, long Pledged, long Confirmed, string? Currency);

/// <summary>
/// Who posted a project: for a household's, the first name of the person who posted it and the
/// household's group; for a group's, the group. The ids only to those who may open them (a household's
/// members and its community's coordinators; a group's community people): a household id handed to
/// anyone was how the old map pseudonyms were broken (issue 11).
/// </summary>
/// <param name="FormerMember">The household that posted it has left Mutua (docs/personal-data.md).</param>
public sealed record OwnerView(Guid? HouseholdId, Guid? GroupId, string Name, string? GroupName, bool FormerMember = false);

public sealed record VerificationView(string ByFirstName, DateTimeOffset At, string? Note);

public sealed record UpdateView(Guid Id, string Text, DateTimeOffset At, string AuthorFirstName, IReadOnlyList<Guid> Photos);

/// <param name="Language">The language its title is written in: its community's (a project does not say its own).</param>
public sealed record ProjectLink(Guid Id, string Slug, string Title, string CommunityName, ProjectCategory Category, string Language);

public sealed record PledgeView(Guid Id, Guid ProjectId, Guid NeedId, NeedKind Kind, long Amount, PledgeStatus Status, string SupporterFirstName,
    DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, string? Reference, bool Mine, string? ViaAmbassadorFirstName)
{
    /// <summary>What the supporter quotes when they send the money, so the family knows whose it is ("M-3F9A2C1B").</summary>
    public string Code => "M-" + Id.ToString("N")[^8..].ToUpperInvariant();
}

public sealed record AmbassadorCount(string FirstName, int Visits, int SignUps, int Pledges);

public sealed record ProjectPermissions(bool Edit, bool Verify, bool Pledge, bool Follow, bool Share);

public sealed record ProjectView(
    Guid Id, string Slug, string Title, string Story, ProjectCategory Category, ProjectStatus Status, bool IsPublic,
    Guid CommunityId, string CommunityName, string Currency, string Language, OwnerView Owner,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, VerificationView? Verification,
    IReadOnlyList<NeedView> Needs, IReadOnlyList<Guid> Photos, IReadOnlyList<UpdateView> Updates,
    IReadOnlyList<ProjectLink> InspiredBy, IReadOnlyList<ProjectLink> Inspired, IReadOnlyList<ProjectLink> Similar,
    int Followers, bool Following, ProjectPermissions Can, IReadOnlyList<PledgeView> Pledges,
    IReadOnlyList<AmbassadorCount>? Ambassadors, string? ShareCode,
    // How to send support: for the owners and for people with a pledge here only; null for everyone else.
    string? HowToSend = null,
    // Not verified yet: the first names of the community's sponsors who may, for its own people; null otherwise.
    IReadOnlyList<string>? AwaitingVerificationBy = null,
    // Not verified yet: the community's sponsoring agency, which verifies it, when the community has named one.
    string? AwaitingVerificationByAgency = null,
    // "Backed by our savings group": for everyone once the family shows it, for the family always; null when no loan is for it.
    SavingsBackingView? SavingsBacking = null);

/// <summary>A photo's size as stored (after resizing), in pixels.</summary>
public sealed record PhotoSize(int Width, int Height);

/// <summary>
/// What a project's link-preview card needs beyond the project itself: its locale (the community's language in the
/// community's country, e.g. rw_RW) and the size of its cover photo (the first project photo), when it has one.
/// </summary>
public sealed record ShareCard(string Locale, PhotoSize? Cover);

public enum ProjectSort { Newest = 1, ClosestToGoal = 2, MostSupported = 3 }

public sealed record ProjectQuery(string? Q = null, Guid? CommunityId = null, ProjectCategory? Category = null, NeedKind? Need = null,
    bool VerifiedOnly = false, bool NearGoal = false, ProjectSort Sort = ProjectSort.Newest, int Page = 1);

public sealed record ProjectCard(Guid Id, string Slug, string Title, string Excerpt, ProjectCategory Category, ProjectStatus Status,
    Guid CommunityId, string CommunityName, string Currency, bool Verified, long? MoneyTarget, long? MoneyConfirmed, int Supporters,
    int ProgressPermille, Guid? PhotoId, DateTimeOffset? PublishedAt, string Language);

/// <summary>A public project someone signs up to support, with its community's country and language.</summary>
public sealed record SupportedProject(Guid Id, string Slug, string Title, string Country, string Language);

/// <summary>A project in a sponsor's queue: waiting for someone to verify it since it was published.</summary>
/// <param name="Language">The language its title is written in: its community's.</param>
public sealed record ProjectToVerify(Guid Id, string Slug, string Title, Guid CommunityId, string CommunityName, DateTimeOffset? PublishedAt, string Language);

public sealed record ProjectList(IReadOnlyList<ProjectCard> Items, int Page, int PageSize, bool HasMore);

public sealed record SpreadNode(ProjectLink Project, IReadOnlyList<SpreadNode> Children);

public sealed record NotificationView(Guid Id, Guid ProjectId, string ProjectSlug, string ProjectTitle, string UpdateText, DateTimeOffset At, string Language);

public sealed record AmbassadorProjectRow(ProjectLink Project, int Visits, int SignUps, int Pledges);

public sealed record AmbassadorDashboard(string Code, DateOnly? Until, IReadOnlyList<AmbassadorProjectRow> Projects,
    IReadOnlyList<ProjectLink> ToShare, int Visits, int SignUps, int Pledges);

public sealed record PhotoFile(byte[] Bytes, bool Public);

/// <summary>A household that can post a project, and its group (null when it has none): <see cref="ProjectService.OwnerChoicesAsync"/>.</summary>
public sealed record ProjectOwnerChoice(Guid HouseholdId, string HouseholdName, Guid? GroupId, string? GroupName, string Currency);
