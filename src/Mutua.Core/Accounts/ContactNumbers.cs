using PhoneNumbers;

namespace Mutua.Core.Accounts;

/// <summary>Phone numbers in E.164, read the way people type them in their own country.</summary>
public static class ContactNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>"0788 123 456" in RW becomes "+250788123456"; null when it is not a possible number.</summary>
    public static string? Normalise(string? input, string? defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        try
        {
            var number = Util.Parse(input.Trim(), string.IsNullOrEmpty(defaultRegion) ? "ZZ" : defaultRegion.ToUpperInvariant());
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static bool LooksLikeEmail(string input) => input.Contains('@', StringComparison.Ordinal);

    /// <summary>Shows "+250 788 123 456" for display to the person themselves.</summary>
    public static string Display(string e164)
    {
        try { return Util.Format(Util.Parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL); }
        catch (NumberParseException) { return e164; }
    }
}
