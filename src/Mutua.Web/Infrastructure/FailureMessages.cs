// Each switch names every value and has no "_ =>" arm: a value added to the enum without a name here
// stops the build (CS8509). CS8524 (a number outside the enum) is silenced: such a value cannot come from
// Core, and it throws instead of showing a wrong word.
#pragma warning disable CS8524
using Microsoft.Extensions.Localization;
using Mutua.Core;

namespace Mutua.Web.Infrastructure;

/// <summary>Core's refusals, in the person's language, for pages and the API alike.</summary>
public static class FailureMessages
{
    public static string Message(this IStringLocalizer<Text> l, Failure failure) => failure switch
    {
        Failure.NotFound => l["We could not find that. It may have been removed."],
        Failure.Forbidden => l["You do not have permission to do that."],
        Failure.NameRequired => l["Please enter a name."],
        Failure.NameTooLong => l["That name is too long."],
        Failure.NameTaken => l["That name is already used here. Please choose another."],
        Failure.InvalidCountry => l["Please choose a country."],
        Failure.InvalidLanguage => l["Please choose one of the five languages."],
        Failure.InvalidCurrency => l["Please enter a currency code such as USD, RWF or UGX."],
        Failure.InvalidTimeZone => l["Please choose a time zone such as Africa/Kigali."],
        Failure.InvalidPhoneOrEmail => l["Please enter a phone number or an e-mail address we can reach you at."],
        Failure.PhoneOrEmailTaken => l["Someone already signed up with that phone number or e-mail. Try signing in."],
        Failure.WeakPassword => l["Please choose a password of at least 8 characters."],
        Failure.InvitationUnknown => l["We do not know that invitation code. Check the letters and numbers and try again."],
        Failure.InvitationExpired => l["This invitation code has expired. Ask the person who invited you for a new one."],
        Failure.InvitationUsed => l["This invitation code has already been used. Ask the person who invited you for a new one."],
        Failure.InvitationRevoked => l["This invitation code was withdrawn. Ask the person who invited you for a new one."],
        Failure.AlreadyMember => l["You are already part of this community."],
        Failure.GroupNotInCommunity => l["That group is not in this community."],
        Failure.HouseholdNotInCommunity => l["That household is not in this community."],
        Failure.InvalidRole => l["That role cannot be given here."],
        Failure.RoleAlreadyHeld => l["This person already has that role."],
        Failure.InvalidMonth => l["Please give the month as year and month, for example 2026-03."],
        Failure.MonthOutOfRange => l["Please choose a month between January 2000 and December 2099."],
        Failure.MonthInFuture => l["That month has not started yet."],
        Failure.AmountOutOfRange => l["Please enter an amount of zero or more."],
        Failure.TextTooLong => l["That text is too long. Please shorten it."],
        Failure.InvalidHelp => l["Please say who was helped or who helped, and what kind of help it was."],
        Failure.InvalidRating => l["Please choose a rating from 1 to 5."],
        Failure.InvalidFormat => l["Please choose one of the formats: json, csv or xlsx."],
        Failure.InvalidGoal => l["Please check your goals: each needs a name, progress is from 0 to 100, and up to 10 goals at a time."],
        Failure.TitleRequired => l["Please give the project a title."],
        Failure.TextRequired => l["Please write something first."],
        Failure.InvalidCategory => l["Please choose a category."],
        Failure.InvalidNeed => l["Please check the needs: each has a kind and an amount above zero, skills, time and materials say what is needed, and a need that already has pledges stays."],
        Failure.InvalidPhoto => l["Please choose a photo in JPEG, PNG or WebP format."],
        Failure.PhotoTooLarge => l["That photo is too large. Please choose one under 10 MB."],
        Failure.TooManyPhotos => l["There are already as many photos as a project can have."],
        Failure.InvalidStatus => l["The project cannot move to that stage from where it is now."],
        Failure.NotOpenForPledges => l["This project is not taking pledges right now."],
        Failure.OwnProject => l["You cannot pledge to your own project."],
        Failure.ConflictOfInterest => l["You cannot verify a project of your own household or group, or of a household you are buddy to. Another sponsor of the community can."],
        Failure.PledgeClosed => l["This pledge was already confirmed or withdrawn."],
        Failure.ReferenceRequired => l["Please enter the transfer or mobile-money reference."],
        Failure.NotAmbassador => l["Only ambassadors have share links."],
        Failure.InvalidInspiration => l["Please name up to five projects you can see, and not one that grew from this project."],
        Failure.AmountNotPositive => l["Please enter an amount above zero."],
        Failure.InvalidOwner => l["Please choose your household or your group as the project's owner."],
        Failure.InvalidSharingChoice => l["Please choose who may see your household's name on the help map: nobody, your group or your community."],
        Failure.ConfirmationRequired => l["Please confirm that you want to close your account."],
        Failure.WrongPassword => l["That password is not right."],
        Failure.LockedOut => l["Too many wrong passwords. Your account is locked for a few minutes."],
        Failure.LastAdmin => l["You are the only admin of this installation. Create another admin before you close your account."],
        Failure.InvalidExportOption => l["Please check the export's options: table is households or links, and headers is labels or keys."],
        Failure.SavingsMembersOutOfRange => l["A savings and loan group has 10 to 25 members, and a rotating group 2 to 100. Please check the members."],
        Failure.NotSavingsMember => l["That person is not a member of this savings group, or not of this community."],
        Failure.InvalidConstitution => l["Please check the rules: a share price above zero, 1 to 5 shares per meeting, a service charge from 0 to 100 % with at most two decimals, a loan limit of 1 to 10 times the savings, loans of 1 to 24 months, and fines with a name and an amount."],
        Failure.TooManyShares => l["That is more shares than the group's rules allow at one meeting, or a member is named twice."],
        Failure.LoanOverLimit => l["That loan is more than the group's rules allow for this member: their loans can be at most the set multiple of their savings."],
        Failure.LoanTermTooLong => l["That loan is longer than the group's rules allow."],
        Failure.NotBorrowersProject => l["A loan can be for the borrower's own project only: one of their household's, or one they started."],
        Failure.LoanFundShort => l["The loan fund does not hold that much."],
        Failure.PotShort => l["The pot holds less than this round pays out: every member's contribution for the round must be in it first."],
        Failure.InvalidRepayment => l["Please check the repayments: each is for a loan of this group that is still owed, with no more principal than is owed."],
        Failure.SocialFundShort => l["The social fund does not hold that much."],
        Failure.LoansOutstanding => l["Every loan must be repaid or written off first."],
        Failure.MeetingDateOutOfRange => l["Please choose a meeting date that is not in the future and not before this cycle began."],
        Failure.InvalidAttendance => l["Please give each member's attendance once: in person, by a representative or absent."],
        Failure.NotTheirTurn => l["It is not this member's turn to receive the pot: they received it this cycle already, someone else is next, or the order is set already."],
        Failure.InvalidBid => l["A bid must be at least the organiser's commission and less than the whole pot."],
    };

    public static int StatusCode(this Failure failure) => failure switch
    {
        Failure.NotFound => StatusCodes.Status404NotFound,
        Failure.Forbidden or Failure.OwnProject or Failure.ConflictOfInterest or Failure.NotAmbassador or Failure.WrongPassword => StatusCodes.Status403Forbidden,
        Failure.LockedOut => StatusCodes.Status423Locked,
        Failure.PhoneOrEmailTaken or Failure.NameTaken or Failure.RoleAlreadyHeld or Failure.AlreadyMember
            or Failure.InvitationUsed or Failure.PledgeClosed or Failure.LastAdmin or Failure.LoansOutstanding => StatusCodes.Status409Conflict,
        Failure.InvitationExpired or Failure.InvitationRevoked => StatusCodes.Status410Gone,
        _ => StatusCodes.Status400BadRequest,
    };
}
