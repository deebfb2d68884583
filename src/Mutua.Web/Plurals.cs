// Every category is named with no catch-all arm, so a new one stops the build (CS8509); CS8524 (a number
// outside the enum) is silenced as in the *Names files.
#pragma warning disable CS8524
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Mutua.Web;

/// <summary>A CLDR plural category (https://cldr.unicode.org/index/cldr-spec/plural-rules); only those our five languages use.</summary>
public enum PluralCategory { One, Many, Other }

/// <summary>
/// Strings that show a count: <c>L.Plural("{0} supporters", n)</c>. The key is the English plural
/// sentence; the resource files hold one entry per category the language needs, named
/// <c>key|one</c>, <c>key|many</c>, <c>key|other</c> (see <see cref="Text"/>). The count picks the
/// category by the UI language's CLDR rule; the arguments fill the sentence (the count itself when
/// none are given).
/// </summary>
/// <remarks>
/// Rules for whole numbers (v = 0, e = 0), CLDR 42+ (plurals.xml, unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html):
/// <list type="bullet">
/// <item>en, sw: one when n = 1; other.</item>
/// <item>es: one when n = 1; many when n ≠ 0 and n is a multiple of 1,000,000 ("un millón de personas"); other.</item>
/// <item>fr: one when n is 0 or 1 (French counts 0 as singular); many as in Spanish ("un million de"); other.</item>
/// <item>rw: CLDR has no rule for Kinyarwanda (it falls to root, other only: Angular's CLDR-generated
/// locale "rw" answers Other for every number). Kinyarwanda nouns do change class for one (isaha 1,
/// amasaha 2; urugo 1, ingo 2), so Mutua uses the one/other rule CLDR gives the neighbouring Bantu
/// languages (sw, lg, nyn, cgg, rof…): one when n = 1; other.</item>
/// </list>
/// Pages show counts in digits, where Spanish and French do not add "de": their many forms may read
/// like other, but they are stored so that every category is there to translate (a test checks).
/// </remarks>
public static class Plurals
{
    public const char Separator = '|';

    /// <summary>The categories a language's sentences must have, in the order translators fill them in.</summary>
    public static IReadOnlyList<PluralCategory> CategoriesOf(CultureInfo culture) => Language(culture) switch
    {
        "es" or "fr" => [PluralCategory.One, PluralCategory.Many, PluralCategory.Other],
        _ => [PluralCategory.One, PluralCategory.Other],
    };

    /// <summary>The CLDR category of a whole number in the culture's language.</summary>
    public static PluralCategory CategoryOf(CultureInfo culture, long n)
    {
        var language = Language(culture);
        var abs = n < 0 ? -(decimal)n : n;
        var million = abs != 0 && abs % 1_000_000 == 0;
        return language switch
        {
            "fr" => abs is 0 or 1 ? PluralCategory.One : million ? PluralCategory.Many : PluralCategory.Other,
            "es" => abs == 1 ? PluralCategory.One : million ? PluralCategory.Many : PluralCategory.Other,
            _ => abs == 1 ? PluralCategory.One : PluralCategory.Other, // en, sw, rw (see the remarks)
        };
    }

    /// <summary>The resource name of one form: <c>{0} supporters|one</c>.</summary>
    public static string FormKey(string key, PluralCategory category) => string.Concat(key, category switch
    {
        PluralCategory.One => "|one",
        PluralCategory.Many => "|many",
        PluralCategory.Other => "|other",
    });

    /// <summary>The sentence for <paramref name="count"/> in the UI language; a form missing from the files falls back to other.</summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, long count, params object[] arguments)
    {
        object[] args = arguments.Length == 0 ? [count] : arguments;
        var category = CategoryOf(CultureInfo.CurrentUICulture, count);
        var found = localizer[FormKey(key, category), args];
        if (found.ResourceNotFound && category != PluralCategory.Other) found = localizer[FormKey(key, PluralCategory.Other), args];
        return found.ResourceNotFound
            ? new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, key, args), true, found.SearchedLocation)
            : new LocalizedString(key, found.Value, false, found.SearchedLocation);
    }

    private static string Language(CultureInfo culture)
    {
        while (!string.IsNullOrEmpty(culture.Parent.Name)) culture = culture.Parent;
        return culture.TwoLetterISOLanguageName;
    }
}
