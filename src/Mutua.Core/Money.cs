using System.Globalization;

namespace Mutua.Core;

/// <summary>Money is minor units plus an ISO 4217 code (DESIGN §3); this shows it to people.</summary>
public static class Money
{
    // ISO 4217 minor units for the currencies whose count is not 2. Lists made on each call, not a static table: a
    // static table is built once per process, and mutation testing's reused test host kept a mutated table in force
    // for every later mutant (docs/testing.md, "The runner").
    private static string[] WithoutMinorUnits => ["RWF", "UGX", "BIF", "XAF", "XOF", "JPY", "KRW", "CLP"];
    private static string[] WithThousandths => ["BHD", "KWD", "OMR", "TND", "JOD"];

    public static int DigitsOf(string currency) =>
        WithoutMinorUnits.Contains(currency) ? 0 : WithThousandths.Contains(currency) ? 3 : 2;

    /// <summary>Minor units in one unit of the currency: 100 cents in a dollar, 1 franc in a franc, 1000 fils in a dinar.</summary>
    public static long MinorPerUnit(string currency) => Pow10(DigitsOf(currency));

    /// <summary>The currencies whose minor digits are not 2, for the API's description of amounts.</summary>
    public static IReadOnlyList<string> CurrenciesWithOtherMinorDigits => [.. WithoutMinorUnits, .. WithThousandths];

    /// <summary>e.g. 150000 RWF in Kinyarwanda: "RWF 150.000"; 12345 USD in English: "$123.45".</summary>
    public static string Format(long minorUnits, string currency, CultureInfo culture, bool wholeUnits = false)
    {
        var amount = minorUnits / (decimal)Pow10(DigitsOf(currency));
        return amount.ToString("C", FormatFor(currency, culture, wholeUnits));
    }

    private static NumberFormatInfo FormatFor(string currency, CultureInfo culture, bool wholeUnits)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencyDecimalDigits = wholeUnits ? 0 : DigitsOf(currency);
        format.CurrencySymbol = SymbolFor(currency, culture);
        if (format.CurrencySymbol == currency) SpaceOutCode(format);
        return format;
    }

    /// <summary>Reads an amount as a person types it ("1,250.50", "1 250,5", "15000") into minor units, when it has one reading.</summary>
    public static bool TryParse(string? text, string currency, CultureInfo culture, out long minorUnits)
    {
        var reading = Read(text, currency, culture);
        minorUnits = reading.Kind == AmountReading.Read ? reading.MinorUnits : 0;
        return reading.Kind == AmountReading.Read;
    }

    /// <summary>
    /// Reads an amount as a person types it, with the conventions of <paramref name="culture"/> (use
    /// <see cref="ConventionsFor"/>: the person's language in the community's country). Separators must sit where a
    /// convention puts them: groups of three, decimals no longer than the currency's. "1,800" in California Spanish is
    /// 1800 dollars, not 1.80. What reads only the other way round and can mean one thing is read ("1.870,00" or "12.5",
    /// as a phone's number pad types it; "150,000" francs, which have no decimals). What could mean two things is
    /// <see cref="AmountReading.Unsure"/>, and its likely reading goes back to the person to confirm, never stored as a
    /// guess: a lone separator before three digits where the currency has decimals ("1.800" in a dollar community: $1,800,
    /// or $1.80 mistyped?), and either mark before three digits in a currency of three decimals ("1,500" dinars).
    /// </summary>
    public static MoneyReading Read(string? text, string currency, CultureInfo culture)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(AmountReading.Empty, 0);
        var format = culture.NumberFormat;
        var cleaned = text.Replace(currency, "", StringComparison.OrdinalIgnoreCase);
        foreach (var symbol in new[] { format.CurrencySymbol, SymbolFor(currency, culture), "$" })
        {
            cleaned = cleaned.Replace(symbol, "", StringComparison.Ordinal);
        }
        // Spaces group thousands in French ("1 250 000"): people type plain, no-break or narrow ones, all of which
        // char.IsWhiteSpace knows; some group with apostrophes.
        cleaned = new string(cleaned.Where(c => !char.IsWhiteSpace(c) && c is not '\'' and not '’').ToArray());
        var negative = cleaned.StartsWith('-') || cleaned.StartsWith('\u2212');
        if (negative) cleaned = cleaned[1..];
        // Nothing left (a "$" alone, a "-"): no amount. Any other character makes both readings below fail.
        if (cleaned.Length == 0) return new(AmountReading.Unreadable, 0);

        var digits = DigitsOf(currency);
        // The culture's decimal mark; the other of '.' and ',' is its group mark once spaces are gone (French groups
        // with spaces, and people there also type "1.500.000").
        var decimalMark = format.NumberDecimalSeparator == "," ? ',' : '.';
        var groupMark = decimalMark == ',' ? '.' : ',';
        var asWritten = ReadAs(cleaned, decimalMark, groupMark, digits, negative);
        var otherWay = ReadAs(cleaned, groupMark, decimalMark, digits, negative);
        if (asWritten is { } read)
        {
            // With the convention's own decimal mark it means what it says ("125.500" dinars in English, as the input box
            // writes it); only groups that could be decimals are unsure.
            var couldBeDecimals = !read.HasDecimals && otherWay is { } other && other.Units != read.Units;
            return new(couldBeDecimals ? AmountReading.Unsure : AmountReading.Read, read.Units);
        }
        if (otherWay is { } only)
        {
            var separators = cleaned.Count(c => c is '.' or ',');
            var couldBeMistypedDecimals = !only.HasDecimals && separators == 1 && digits > 0;
            return new(couldBeMistypedDecimals ? AmountReading.Unsure : AmountReading.Read, only.Units);
        }
        return new(AmountReading.Unreadable, 0);
    }

    /// <summary>
    /// A whole number as a person types it (hours of help, items): digits, grouped in threes with either mark or with
    /// spaces, and nothing after a decimal mark. "1,5" hours is refused, never read as 15 (as a lenient
    /// <c>AllowThousands</c> parse does); "1,500" in California Spanish and "1 500" in Rwandan French are 1500.
    /// </summary>
    public static MoneyReading ReadWholeNumber(string? text, CultureInfo culture)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(AmountReading.Empty, 0);
        var cleaned = new string(text.Where(c => !char.IsWhiteSpace(c) && c is not '\'' and not '’').ToArray());
        var decimalMark = culture.NumberFormat.NumberDecimalSeparator == "," ? ',' : '.';
        var groupMark = decimalMark == ',' ? '.' : ',';
        var read = ReadAs(cleaned, decimalMark, groupMark, 0, negative: false) ?? ReadAs(cleaned, groupMark, decimalMark, 0, negative: false);
        return read is { Units: > 0 } whole ? new(AmountReading.Read, whole.Units) : new(AmountReading.Unreadable, 0);
    }

    /// <summary>Minor units of <paramref name="text"/> read strictly with these marks, or null when it is not written that way or does not fit a long.</summary>
    private static (long Units, bool HasDecimals)? ReadAs(string text, char decimalMark, char groupMark, int digits, bool negative)
    {
        // A second decimal mark lands in the fraction, which then is not all digits.
        var point = text.IndexOf(decimalMark);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        if (fraction.Length > digits || !fraction.All(char.IsAsciiDigit) || point >= 0 && fraction.Length == 0 && whole.Length == 0) return null;
        if (whole.Contains(groupMark))
        {
            var groups = whole.Split(groupMark);
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3)) return null;
            whole = string.Concat(groups);
        }
        // A decimal holds 28 digits, more than any long: the range is checked on the exact value below. (Near 28 digits
        // any amount is far beyond a long, so where exactly the guard stands changes nothing.)
        // Stryker disable once Equality : see above
        if (!whole.All(char.IsAsciiDigit) || whole.Length + digits > 28) return null;
        var units = (whole.Length == 0 ? 0m : decimal.Parse(whole, CultureInfo.InvariantCulture)) * Pow10(digits)
            + (fraction.Length == 0 ? 0m : decimal.Parse(fraction.PadRight(digits, '0'), CultureInfo.InvariantCulture));
        if (negative) units = -units;
        return units is < long.MinValue or > long.MaxValue ? null : ((long)units, point >= 0);
    }

    /// <summary>
    /// The conventions for numbers and money of a person speaking <paramref name="language"/> in a community of
    /// <paramref name="country"/> (ISO 3166 alpha-2): Spanish in the United States writes "$1,870.00" (es-US), not Spain's
    /// "1.870,00 $" (es). Without a country, the country where Mutua's speakers of that language live.
    /// </summary>
    public static CultureInfo ConventionsFor(string language, string? country)
    {
        var region = string.IsNullOrWhiteSpace(country) ? HomeCountryOf(language) : country.Trim().ToUpperInvariant();
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(region is null ? language : $"{language}-{region}");
        }
        catch (CultureNotFoundException)
        {
            culture = CultureInfo.GetCultureInfo(language);
        }
        return language == "rw" ? InKinyarwandaOrder(culture) : culture;
    }

    /// <summary>
    /// Kinyarwanda's dates as Rwanda writes them: the month before the year ("Ugushyingo 2026") and the day first
    /// ("01/11/2026"). The culture data in .NET (from CLDR) puts the year first ("2026 Ugushyingo", "2026-11-01"),
    /// which reads as a foreign order in a sentence.
    /// </summary>
    private static CultureInfo InKinyarwandaOrder(CultureInfo culture)
    {
        var ordered = (CultureInfo)culture.Clone();
        var dates = ordered.DateTimeFormat;
        dates.YearMonthPattern = "MMMM yyyy";
        dates.DateSeparator = "/";
        dates.ShortDatePattern = "dd/MM/yyyy";
        dates.LongDatePattern = "dddd, d MMMM yyyy";
        dates.FullDateTimePattern = "dddd, d MMMM yyyy HH:mm:ss";
        dates.MonthDayPattern = "d MMMM";
        return CultureInfo.ReadOnly(ordered);
    }

    /// <summary>Where Mutua's speakers of a language live, for conventions and locales when no community says: null for another language.</summary>
    public static string? HomeCountryOf(string language) => language switch
    {
        "en" or "es" => "US", "fr" or "rw" => "RW", "sw" => "UG", _ => null,
    };

    /// <summary>The amount as a plain number for an input box, without symbol or grouping: "1250.5" becomes "1250,50" in French.</summary>
    public static string ToInput(long minorUnits, string currency, CultureInfo culture)
    {
        var digits = DigitsOf(currency);
        return (minorUnits / (decimal)Pow10(digits)).ToString("F" + digits, culture);
    }

    private static string SymbolFor(string currency, CultureInfo culture)
    {
        // Use the local symbol only where the culture's own region uses this currency ("$" for USD in en-US);
        // elsewhere the ISO code avoids confusing one dollar or franc with another.
        // A local symbol made of letters ("RF", "USh") reads as a word and is easily taken for another: the code is clearer.
        if (RegionOf(culture) is { } region && region.ISOCurrencySymbol == currency && !region.CurrencySymbol.All(char.IsLetter))
            return region.CurrencySymbol;
        return currency == "USD" && culture.TwoLetterISOLanguageName is "en" or "es" ? "$" : currency;
    }

    // A page of cards formats hundreds of amounts, and a language without a region ("en", "rw") makes RegionInfo
    // throw: that exception per amount was a fifth of a project list's CPU, so each culture's region is looked up once.
    // Only the lookup is kept, not the finished format: a cached format would keep whatever a mutation test's mutant
    // made of it for every later mutant in the same test host (docs/testing.md, "The runner"), and cloning a
    // NumberFormatInfo per amount costs next to nothing.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RegionInfo?> Regions = new();

    // Stryker disable Block : the lookup runs once per culture per process, so in mutation testing's reused test host
    // a mutant here is decided by whichever test first asked for that culture, not by the mutant; and emptying the
    // catch block returns null all the same.
    private static RegionInfo? RegionOf(CultureInfo culture) =>
        Regions.GetOrAdd(culture.Name, static name =>
        {
            try { return new RegionInfo(name); }
            catch (ArgumentException) { return null; }
        });
    // Stryker restore Block

    /// <summary>A code needs a space from the number ("RWF 150,000", not "RWF150,000"): use each pattern's spaced twin.</summary>
    private static void SpaceOutCode(NumberFormatInfo format)
    {
        format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var p => p };
        format.CurrencyNegativePattern = format.CurrencyNegativePattern switch
        {
            0 => 14, 1 => 9, 2 => 12, 3 => 11, 4 => 15, 5 => 8, 6 => 13, 7 => 10, var p => p,
        };
    }

    private static long Pow10(int n) { long r = 1; for (var i = 0; i < n; i++) r *= 10; return r; }
}

/// <summary>How a typed amount was read: empty, read, unsure (one likely reading to confirm) or unreadable.</summary>
public enum AmountReading { Empty, Read, Unsure, Unreadable }

/// <summary>What <see cref="Money.Read"/> made of a typed amount: for <see cref="AmountReading.Unsure"/>, the likely reading to show back.</summary>
public readonly record struct MoneyReading(AmountReading Kind, long MinorUnits);
