// Each switch names every value and has no "_ =>" arm: a value added to the enum without a name here
// stops the build (CS8509). CS8524 (a number outside the enum) is silenced: such a value cannot come from
// Core, and it throws instead of showing a wrong word.
#pragma warning disable CS8524
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Mutua.Core;
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

    /// <summary>What an entry of a meeting's "other entries" is: a correction says what it took back.</summary>
    public static string What(MeetingSheetLine line, IStringLocalizer<Text> l) =>
        line.Corrects is { } corrected ? l["Correction: {0}", Of(corrected, l)] : Of(line.Kind, l);

    /// <summary>The note after a line that a later meeting corrected (the line itself is struck through).</summary>
    public static string Corrected(IStringLocalizer<Text> l) => l["corrected at a later meeting"];

    /// <summary><see cref="Corrected"/> as a page shows it after the line's first cell; nothing for a line that stands.</summary>
    public static IHtmlContent CorrectedMark(bool corrected, IStringLocalizer<Text> l) => corrected
        ? new HtmlContentBuilder().AppendHtml("<span class=\"muted\"> · ").Append(Corrected(l)).AppendHtml("</span>")
        : HtmlString.Empty;

    /// <summary>What the box count says about the books, in a sentence: matching, short (a loss) or over (income).</summary>
    public static string BoxSentence(MeetingSheet sheet, IStringLocalizer<Text> l, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var difference = Money.Format(Math.Abs(sheet.BoxDifference), sheet.Currency, culture);
        return sheet.BoxDifference switch
        {
            0 => l["The cash counted matches the books."],
            < 0 => l["The box was {0} short of the books: the difference is recorded as a loss.", difference],
            > 0 => l["The box held {0} more than the books: the difference is recorded as income.", difference],
        };
    }
}
