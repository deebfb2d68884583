namespace Mutua.Core;

/// <summary>
/// Why a Core call refused. Pages, the API and text messages translate these into the
/// person's language; Core itself never shows text.
/// </summary>
public enum Failure
{
    NotFound,
    Forbidden,
    NameRequired,
    NameTooLong,
    NameTaken,
    InvalidCountry,
    InvalidLanguage,
    InvalidCurrency,
    InvalidTimeZone,
    InvalidPhoneOrEmail,
    PhoneOrEmailTaken,
    WeakPassword,
    InvitationUnknown,
    InvitationExpired,
    InvitationUsed,
    InvitationRevoked,
    AlreadyMember,
    GroupNotInCommunity,
    HouseholdNotInCommunity,
    InvalidRole,
    RoleAlreadyHeld,
    InvalidMonth,
    MonthOutOfRange,
    MonthInFuture,
    AmountOutOfRange,
    TextTooLong,
    InvalidHelp,
    InvalidRating,
    InvalidGoal,
    InvalidFormat,
    TitleRequired,
    TextRequired,
    InvalidCategory,
    InvalidNeed,
    InvalidPhoto,
    PhotoTooLarge,
    TooManyPhotos,
    InvalidStatus,
    NotOpenForPledges,
    OwnProject,
    ConflictOfInterest,
    PledgeClosed,
    ReferenceRequired,
    NotAmbassador,
    InvalidInspiration,
    InvalidOwner,
    AmountNotPositive,
    InvalidSharingChoice,
    ConfirmationRequired,
    WrongPassword,
    LockedOut,
    LastAdmin,
    /// <summary>An export's option other than its format (a network CSV's table, an insights file's headers) is not one it knows.</summary>
    InvalidExportOption,
}

/// <summary>A Core call's answer: a value, or a <see cref="Failure"/> that changed nothing.</summary>
public readonly record struct Outcome<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}
