namespace Mutua.Core;

// What features tell each other (DESIGN §2, "How features meet"). Events sit in the kernel so the
// publisher and the features that react need not know each other: an event carries ids, months and
// times, never another feature's entities, and enough for its reactions to skip work they do not need.

/// <summary>A household's check-in for a month was written (created or changed; a resubmission that changes nothing is no save).</summary>
/// <param name="Created">The month had no check-in before this save.</param>
/// <param name="OrientationPending">
/// Whether a member of the household still had their first check-in to tick, read with the save's own
/// first query: most saves are by households past orientation, and their reactions need no query.
/// </param>
public sealed record CheckInSaved(Guid HouseholdId, Guid CommunityId, Guid? GroupId, Month Month, Guid ById, bool Created,
    bool OrientationPending, DateTimeOffset At);

/// <summary>A person saved their own profile.</summary>
public sealed record ProfileSaved(Guid PersonId, DateTimeOffset At);

/// <summary>A project was published for the first time (created published, or a draft published).</summary>
public sealed record ProjectPublished(Guid ProjectId, Guid CommunityId, Guid? HouseholdId, Guid? GroupId, Guid ById, DateTimeOffset At);

/// <summary>A project's owner confirmed that a pledge arrived.</summary>
public sealed record PledgeConfirmed(Guid PledgeId, Guid ProjectId, Guid CommunityId, Guid? SupporterId, Guid ById, DateTimeOffset At);

/// <summary>
/// A person is closing their account: each feature erases or anonymises its own rows about them.
/// Published inside the closure's transaction, before the account row is deleted (which cascades to what
/// is left); reactions may run bulk statements.
/// </summary>
/// <param name="FirstName">The name their households may have been named after.</param>
/// <param name="Identifiers">What names or reaches them (names, e-mail, phone forms), longest first, to take out of free text.</param>
public sealed record PersonLeaving(Guid PersonId, string FirstName, IReadOnlyList<string> Identifiers, DateTimeOffset At);

/// <summary>
/// A household's last member is leaving: each feature erases its rows of the household, before the
/// household row itself goes. Published inside the closure's transaction; reactions may run bulk statements.
/// </summary>
public sealed record HouseholdClosing(Guid HouseholdId, DateTimeOffset At);

/// <summary>A savings group's meeting was recorded (once: a retry with the same key publishes nothing).</summary>
/// <param name="Attended">Members who came in person or by a representative.</param>
public sealed record SavingsMeetingRecorded(Guid GroupId, Guid CommunityId, Guid MeetingId, DateOnly Date, IReadOnlyList<Guid> Attended,
    Guid ById, DateTimeOffset At);

/// <summary>A savings group lent to a member: the help map draws it as help from the group's members to the borrower.</summary>
/// <param name="Members">The group's members at the meeting, the borrower among them: whose pooled savings were lent.</param>
/// <param name="Date">The meeting's date, in the community's calendar.</param>
/// <param name="ProjectId">The borrower's project the loan is for, if any: the project may say it is backed by the group.</param>
public sealed record SavingsLoanDisbursed(Guid GroupId, Guid CommunityId, Guid LoanId, Guid PersonId, long Amount, string Currency,
    DateOnly Date, IReadOnlyList<Guid> Members, Guid? ProjectId, DateTimeOffset At);

/// <summary>A savings group's social fund paid a member at a meeting (with a reason): help from the group to the member's household.</summary>
/// <param name="Members">The group's members at the meeting, the one paid among them.</param>
public sealed record SocialFundPaid(Guid GroupId, Guid CommunityId, Guid MeetingId, Guid PersonId, long Amount, string Currency, DateOnly Date,
    IReadOnlyList<Guid> Members, DateTimeOffset At);
