// Each switch names every value and has no "_ =>" arm: a value added to the enum without a name here
// stops the build (CS8509). CS8524 (a number outside the enum) is silenced: such a value cannot come from
// Core, and it throws instead of showing a wrong word.
#pragma warning disable CS8524
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Projects;

namespace Mutua.Web.Pages.Projects;

/// <summary>Projects' words in the person's language, and amounts shown and read per kind of need.</summary>
public static class ProjectNames
{
    public static string Of(ProjectCategory c, IStringLocalizer l) => c switch
    {
        ProjectCategory.SmallBusiness => l["Small business"],
        ProjectCategory.CommunityProject => l["Community project"],
        ProjectCategory.Education => l["Education"],
        ProjectCategory.Housing => l["Housing"],
        ProjectCategory.Agriculture => l["Agriculture"],
        ProjectCategory.Other => l["Other"],
    };

    public static string Of(NeedKind k, IStringLocalizer l) => k switch
    {
        NeedKind.Money => l["Money"],
        NeedKind.Skills => l["Skills"],
        NeedKind.Time => l["Time"],
        NeedKind.Materials => l["Materials"],
    };

    public static string Of(ProjectStatus s, IStringLocalizer l) => s switch
    {
        ProjectStatus.Draft => l["Draft"],
        ProjectStatus.Published => l["Published"],
        ProjectStatus.Completed => l["Completed"],
        ProjectStatus.Paused => l["Paused"],
    };

    public static string Of(PledgeStatus s, IStringLocalizer l) => s switch
    {
        PledgeStatus.Pledged => l["Pledged"],
        PledgeStatus.Confirmed => l["Arrived"],
        PledgeStatus.Withdrawn => l["Withdrawn"],
    };

    /// <summary>"RWF 150,000", "$1,200", "$12.50", "12 hours", "10 units": the same text on a card and on the project's page.</summary>
    public static string Amount(NeedKind kind, long amount, string currency, IStringLocalizer l) => kind switch
    {
        NeedKind.Money => MoneyAmount(amount, currency),
        NeedKind.Skills or NeedKind.Time => l.Plural("{0} hours", amount, amount.ToString("N0", CultureInfo.CurrentCulture)),
        NeedKind.Materials => l.Plural("{0} units", amount, amount.ToString("N0", CultureInfo.CurrentCulture)),
    };

    /// <summary>Goals and totals are mostly whole: cents are shown only when there are some ("$1,200", "$1,212.50").</summary>
    public static string MoneyAmount(long amount, string currency) =>
        Money.Format(amount, currency, CultureInfo.CurrentCulture, wholeUnits: amount % Money.MinorPerUnit(currency) == 0);

    /// <summary>
    /// What a person typed as an amount: money in the conventions of their language in the community's country
    /// (<see cref="Money.Read"/>, which may be unsure), hours and units as whole numbers. Zero and less is unreadable.
    /// </summary>
    public static MoneyReading ReadAmount(NeedKind kind, string? text, string currency)
    {
        if (kind == NeedKind.Money)
        {
            var reading = Money.Read(text, currency, CultureInfo.CurrentCulture);
            return reading.Kind is AmountReading.Read or AmountReading.Unsure && reading.MinorUnits <= 0 ? new(AmountReading.Unreadable, 0) : reading;
        }
        return Money.ReadWholeNumber(text, CultureInfo.CurrentCulture);
    }

    /// <summary>Why a typed amount was not taken, in the person's language: a question when it was read another way.</summary>
    public static string RefusalOf(NeedKind kind, string? text, MoneyReading reading, string currency, IStringLocalizer l) =>
        reading.Kind == AmountReading.Unsure
            ? l["We read “{0}” as {1}. If that is right, save again; if not, correct it.", (text ?? "").Trim(), Money.Format(reading.MinorUnits, currency, CultureInfo.CurrentCulture)]
            : kind == NeedKind.Money ? l["Please enter an amount, for example 5000."] : l["Please enter a whole number above zero."];

    /// <summary>The amount as it was read, for the input box, so posting again confirms it.</summary>
    public static string ToInput(MoneyReading reading, string currency) => Money.ToInput(reading.MinorUnits, currency, CultureInfo.CurrentCulture);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// A translated sentence, asked for without arguments so its <c>{0}</c> is left in, around people's own words (a title, a name they
    /// gave), which keep the language they are written in, so a screen reader reads a Kinyarwanda title in Kinyarwanda
    /// inside a Spanish sentence.
    /// </summary>
    public static IHtmlContent Around(LocalizedString sentence, string ownWords, string language) =>
        new HtmlString(string.Format(CultureInfo.CurrentCulture, Encoder.Encode(sentence.Value),
            $"<span lang=\"{Encoder.Encode(language)}\">{Encoder.Encode(ownWords)}</span>"));

    public static int Percent(long part, long whole) => whole <= 0 ? 0 : (int)Math.Min(100, part * 100 / whole);
}
