namespace Mutua.Core.Projects;

public enum ProjectCategory { SmallBusiness = 1, CommunityProject = 2, Education = 3, Housing = 4, Agriculture = 5, Other = 6 }

/// <summary>Draft (only its owners see it) → published (its community sees it) → completed or paused.</summary>
public enum ProjectStatus { Draft = 1, Published = 2, Completed = 3, Paused = 4 }

public enum NeedKind { Money = 1, Skills = 2, Time = 3, Materials = 4 }

public enum PledgeStatus { Pledged = 1, Confirmed = 2, Withdrawn = 3 }

/// <summary>
/// A project or business a household or a group aspires to (DESIGN §2 item 5). Exactly one of
/// <see cref="HouseholdId"/> and <see cref="GroupId"/> owns it; the owner's members edit it.
/// </summary>
public sealed class Project
{
    public const int TitleMaxLength = 120;
    public const int StoryMaxLength = 4000;
    public const int SlugMaxLength = 60;
    public const int HowToSendMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The short readable part of its link, /p/{slug}: never changes once made.</summary>
    public string Slug { get; set; } = "";
    public Guid CommunityId { get; set; }
    public Guid? HouseholdId { get; set; }
    public Guid? GroupId { get; set; }
    public Guid CreatedById { get; set; }
    public string Title { get; set; } = "";
    public string Story { get; set; } = "";
    public ProjectCategory Category { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Draft;
    /// <summary>Readable without signing in, with a link-preview card. Only the owner turns this on.</summary>
    public bool IsPublic { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public Guid? VerifiedById { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerificationNote { get; set; }
    /// <summary>How supporters send what they pledged (a mobile-money number, a Zelle handle, "bring it to the group meeting"): shown only to them and the owners.</summary>
    public string? HowToSend { get; set; }
    /// <summary>The family chose to say on the project that their savings group backs it (<see cref="ProjectBacking"/>), with the amount.</summary>
    public bool ShowsSavingsBacking { get; set; }

    /// <summary>
    /// For ordering the discovery page only ("closest to goal", "most supported", "near its goal"):
    /// recomputed from the pledge records whenever one changes, never added to. Figures shown to
    /// people are always summed from the pledges themselves.
    /// </summary>
    public int RankProgress { get; set; }
    public int RankSupporters { get; set; }

    public List<Need> Needs { get; set; } = [];
}

/// <summary>What a project asks for: money (minor units of the community's currency), skills or time (hours), materials (units).</summary>
public sealed class Need
{
    public const int DescriptionMaxLength = 200;
    public const long MaxTarget = 10_000_000_000_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public NeedKind Kind { get; set; }
    /// <summary>Which skill, what the time is for, what material.</summary>
    public string Description { get; set; } = "";
    public long Target { get; set; }
    public int Order { get; set; }
}

/// <summary>
/// Help promised against a need. The owner confirms what arrived (a money pledge with its transfer or
/// mobile-money reference); until then the supporter may withdraw it. Never deleted.
/// </summary>
public sealed class Pledge
{
    public const int ReferenceMaxLength = 100;
    public const int IdempotencyKeyMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public Guid NeedId { get; set; }
    /// <summary>The supporter; null once they closed their account (the pledge stays, anonymised, in the project's record).</summary>
    public Guid? PersonId { get; set; }
    public long Amount { get; set; }
    public PledgeStatus Status { get; set; } = PledgeStatus.Pledged;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public Guid? ConfirmedById { get; set; }
    public string? Reference { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    /// <summary>The ambassador whose share link brought the supporter, if one did.</summary>
    public Guid? ViaAmbassadorId { get; set; }
    public string? IdempotencyKey { get; set; }
}

public sealed class ProjectUpdate
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public Guid AuthorId { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A photo as the server re-encoded it (JPEG, no metadata at all), in two sizes.</summary>
public sealed class ProjectPhoto
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    /// <summary>Set when the photo belongs to an update rather than the project itself.</summary>
    public Guid? UpdateId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public byte[] Large { get; set; } = [];
    public byte[] Thumbnail { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ProjectFollower
{
    public Guid ProjectId { get; set; }
    public Guid PersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Project B (<see cref="ProjectId"/>) was inspired by project A (<see cref="InspiredById"/>), in any community.</summary>
public sealed class ProjectInspiration
{
    public Guid ProjectId { get; set; }
    public Guid InspiredById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An in-app notice to a follower: a project they follow posted an update.</summary>
public sealed class ProjectNotification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid UpdateId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>An ambassador's share code, the <c>via</c> of /p/{slug}?via={code}: one per person, for any public project.</summary>
public sealed class AmbassadorCode
{
    public const int Length = 8;

    public Guid PersonId { get; set; }
    public string Code { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public enum ShareEventKind { Visit = 1, SignUp = 2, Pledge = 3 }

/// <summary>Something that came through an ambassador's link: a visit, a sign-up or a pledge.</summary>
public sealed class ShareEvent
{
    public long Id { get; set; }
    public Guid AmbassadorId { get; set; }
    public Guid ProjectId { get; set; }
    public ShareEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A savings group's loan that its meeting said was for this project: the project's own copy (amount and date), written
/// in reaction to the savings group's event; the loan itself stays in the group's books. Shown on the project only if
/// the family chose to (<see cref="Project.ShowsSavingsBacking"/>).
/// </summary>
public sealed class ProjectBacking
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public Guid LoanId { get; set; }
    public Guid SavingsGroupId { get; set; }
    public long Amount { get; set; }
    public string Currency { get; set; } = "";
    public DateOnly LentOn { get; set; }
}
