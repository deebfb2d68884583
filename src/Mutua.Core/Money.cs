using System.Globalization;

namespace Mutua.Core;

/// <summary>Money is minor units plus an ISO 4217 code (DESIGN §3); this shows it to people.</summary>
public static class Money
{
    // ISO 4217 minor units for the currencies whose count is not 2.
    private static readonly Dictionary<string, int> MinorDigits = new(StringComparer.Ordinal)
    {
        ["RWF"] = 0, ["UGX"] = 0, ["BIF"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["JPY"] = 0, ["KRW"] = 0, ["CLP"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["TND"] = 3, ["JOD"] = 3,
    };

    public static int DigitsOf(string currency) => MinorDigits.GetValueOrDefault(currency, 2);

    /// <summary>e.g. 150000 RWF in Kinyarwanda: "RWF 150.000"; 12345 USD in English: "$123.45".</summary>
    public static string Format(long minorUnits, string currency, CultureInfo culture)
    {
        var digits = DigitsOf(currency);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencyDecimalDigits = digits;
        format.CurrencySymbol = SymbolFor(currency, culture);
        var amount = minorUnits / (decimal)Pow10(digits);
        return amount.ToString("C", format);
    }

    private static string SymbolFor(string currency, CultureInfo culture)
    {
        // Use the local symbol only where the culture's own region uses this currency ("$" for USD in en-US);
        // elsewhere the ISO code avoids confusing one dollar or franc with another.
        try
        {
            var region = new RegionInfo(culture.Name);
            if (region.ISOCurrencySymbol == currency) return region.CurrencySymbol;
        }
        catch (ArgumentException) { }
        return currency == "USD" && culture.TwoLetterISOLanguageName is "en" or "es" ? "$" : currency + " ";
    }

    private static long Pow10(int n) { long r = 1; for (var i = 0; i < n; i++) r *= 10; return r; }
}
