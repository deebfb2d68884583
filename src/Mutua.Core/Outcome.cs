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
    /// <summary>A savings group has fewer or more members than its kind allows (<c>SavingsGroup.MemberBounds</c>).</summary>
    SavingsMembersOutOfRange,
    /// <summary>A person named in a savings group's record is not one of its members (or not of its community).</summary>
    NotSavingsMember,
    /// <summary>A constitution's rule is outside what the methodology allows (share price, shares per meeting, charge, loan rules, fines).</summary>
    InvalidConstitution,
    /// <summary>More shares at one meeting than the constitution allows, or a person twice in one list.</summary>
    TooManyShares,
    /// <summary>The member's loans would be more than the multiple of their savings.</summary>
    LoanOverLimit,
    /// <summary>The loan is longer than the constitution's longest loan.</summary>
    LoanTermTooLong,
    /// <summary>A loan said to be for a project that is not the borrower's (their household's, or one they started) in the group's community.</summary>
    NotBorrowersProject,
    /// <summary>The loan fund does not hold that much.</summary>
    LoanFundShort,
    /// <summary>A rotating group's pot holds less than the round pays out (nothing, or in a bidding group less than every member's contribution).</summary>
    PotShort,
    /// <summary>A repayment of more principal than is owed, or on a loan that is not the group's or is written off.</summary>
    InvalidRepayment,
    /// <summary>A social-fund payout of more than the social fund holds.</summary>
    SocialFundShort,
    /// <summary>The cycle cannot close while a loan is still owed.</summary>
    LoansOutstanding,
    /// <summary>A meeting's date is in the future or before the cycle began.</summary>
    MeetingDateOutOfRange,
    /// <summary>An attendance list names someone twice, or names a status that does not exist.</summary>
    InvalidAttendance,
    /// <summary>A rotating group's bid is below the commission or not below the pot.</summary>
    InvalidBid,
    /// <summary>A rotating group's pot to someone who received it this cycle already or whose turn it is not, or an order set twice.</summary>
    NotTheirTurn,
}

/// <summary>A Core call's answer: a value, or a <see cref="Failure"/> that changed nothing.</summary>
public readonly record struct Outcome<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}
