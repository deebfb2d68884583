namespace Mutua.Core.Auditing;

/// <summary>One sensitive action: who did what to what, and when. Never updated or deleted.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }
    public string Action { get; set; } = "";
    public Guid? CommunityId { get; set; }
    /// <summary>The id of what was acted on (a person, an invitation, a household).</summary>
    public string? Subject { get; set; }
    public string? Detail { get; set; }
}

/// <summary>The actions the audit log records, as stable strings.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string RoleGranted = "role-granted";
    public const string RoleRevoked = "role-revoked";
    public const string InvitationCreated = "invitation-created";
    public const string InvitationRedeemed = "invitation-redeemed";
    public const string InvitationRevoked = "invitation-revoked";
    public const string CommunityCreated = "community-created";
    public const string HouseholdMoved = "household-moved";
    public const string AdminCreated = "admin-created";
    public const string ProjectVerified = "project-verified";
    public const string ProjectVerificationWithdrawn = "project-verification-withdrawn";
    public const string PledgeConfirmed = "pledge-confirmed";
    public const string NameOnMapChanged = "name-on-map-changed";
    public const string DataDownloaded = "data-downloaded";
    /// <summary>Recorded with no actor, subject or community: the entry must not say whose account it was.</summary>
    public const string AccountClosed = "account-closed";
    public const string SignedOut = "signed-out";
    public const string SignedOutElsewhere = "signed-out-elsewhere";
    public const string PasswordChanged = "password-changed";
    public const string SavingsGroupCreated = "savings-group-created";
    public const string SavingsLoanWrittenOff = "savings-loan-written-off";
    public const string SavingsCycleClosed = "savings-cycle-closed";
}
