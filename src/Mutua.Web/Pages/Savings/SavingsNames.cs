// Each switch names every value and has no "_ =>" arm: a value added to the enum without a name here
// stops the build (CS8509). CS8524 (a number outside the enum) is silenced: such a value cannot come from
// Core, and it throws instead of showing a wrong word.
#pragma warning disable CS8524
using Microsoft.Extensions.Localization;
using Mutua.Core.Savings;

namespace Mutua.Web.Pages.Savings;

/// <summary>Savings groups' words in the person's language.</summary>
public static class SavingsNames
{
    public static string Of(SavingsGroupKind k, IStringLocalizer<Text> l) => k switch
    {
        SavingsGroupKind.Vsla => l["Savings and loan group"],
        SavingsGroupKind.Rosca => l["Rotating savings group"],
    };

    public static string Of(Attendance a, IStringLocalizer<Text> l) => a switch
    {
        Attendance.InPerson => l["In person"],
        Attendance.Representative => l["Representative"],
        Attendance.Absent => l["Absent"],
    };

    public static string Of(SavingsOfficerRole r, IStringLocalizer<Text> l) => r switch
    {
        SavingsOfficerRole.Secretary => l["Secretary"],
        SavingsOfficerRole.Chair => l["Chair"],
        SavingsOfficerRole.Treasurer => l["Treasurer"],
        SavingsOfficerRole.KeyHolder => l["Key holder"],
        SavingsOfficerRole.MoneyCounter => l["Money counter"],
    };

    public static string Of(SavingsEntryKind k, IStringLocalizer<Text> l) => k switch
    {
        SavingsEntryKind.SharePurchase => l["Shares bought"],
        SavingsEntryKind.SocialFundContribution => l["Social fund paid in"],
        SavingsEntryKind.SocialFundPayout => l["Social fund paid out"],
        SavingsEntryKind.Disbursement => l["Loan received"],
        SavingsEntryKind.RepaymentPrincipal => l["Loan repaid"],
        SavingsEntryKind.ServiceCharge => l["Service charge paid"],
        SavingsEntryKind.Fine => l["Fine"],
        SavingsEntryKind.WriteOff => l["Loan written off"],
        SavingsEntryKind.ShareOutPayout => l["Share-out payout"],
        SavingsEntryKind.RemainderCarried => l["Remainder carried to the next cycle"],
        SavingsEntryKind.BoxDifference => l["Box cash difference"],
        SavingsEntryKind.SocialFundCarried => l["Social fund carried to the next cycle"],
        SavingsEntryKind.SocialFundShareOut => l["Social fund shared out"],
        SavingsEntryKind.LeavingSettlement => l["Loan settled on leaving"],
        SavingsEntryKind.LeavingPayout => l["Paid on leaving"],
        SavingsEntryKind.LeavingKept => l["Kept by the group on leaving"],
        SavingsEntryKind.Reversal => l["Correction"],
        SavingsEntryKind.Contribution => l["Contribution"],
        SavingsEntryKind.RoundPayout => l["Pot received"],
        SavingsEntryKind.Commission => l["Organiser's commission"],
        SavingsEntryKind.Dividend => l["Dividend"],
    };
}
