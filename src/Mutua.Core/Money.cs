using System.Globalization;

namespace Mutua.Core;

/// <summary>Money is minor units plus an ISO 4217 code (DESIGN §3); this shows it to people.</summary>
public static class Money
{
    // ISO 4217 minor units for the currencies whose count is not 2. A switch, not a static dictionary: a static
    // table is built once per process, and mutation testing's reused test host kept a mutated table in force for
    // every later mutant (docs/testing.md, "The runner").
    public static int DigitsOf(string currency) => currency switch
    {
        "RWF" or "UGX" or "BIF" or "XAF" or "XOF" or "JPY" or "KRW" or "CLP" => 0,
        "BHD" or "KWD" or "OMR" or "TND" or "JOD" => 3,
        _ => 2,
    };

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

    /// <summary>Reads an amount as a person types it ("1,250.50", "1 250,5", "15000") into minor units.</summary>
    public static bool TryParse(string? text, string currency, CultureInfo culture, out long minorUnits)
    {
        minorUnits = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cleaned = text.Replace(culture.NumberFormat.CurrencySymbol, "", StringComparison.Ordinal)
            .Replace(currency, "", StringComparison.OrdinalIgnoreCase);
        // Spaces group thousands in French and Kinyarwanda ("1 250 000"); people type plain, no-break or narrow ones,
        // all of which char.IsWhiteSpace knows (they are Unicode space separators).
        cleaned = new string(cleaned.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (!decimal.TryParse(cleaned, NumberStyles.Number, culture, out var amount)
            && !decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out amount)) return false;
        var scaled = amount * Pow10(DigitsOf(currency));
        if (scaled != decimal.Truncate(scaled) || scaled < long.MinValue || scaled > long.MaxValue) return false;
        minorUnits = (long)scaled;
        return true;
    }

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
        if (RegionOf(culture) is { } region && region.ISOCurrencySymbol == currency) return region.CurrencySymbol;
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
