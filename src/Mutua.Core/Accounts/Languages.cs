namespace Mutua.Core.Accounts;

/// <summary>The five languages Mutua speaks. Codes are the culture names the UI uses.</summary>
public static class Languages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = ["en", "es", "fr", "sw", "rw"];

    /// <summary>Each language's name in itself, for the language switcher.</summary>
    public static readonly IReadOnlyDictionary<string, string> Endonyms = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["es"] = "Español",
        ["fr"] = "Français",
        ["sw"] = "Kiswahili",
        ["rw"] = "Ikinyarwanda",
    };

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);

    /// <summary>
    /// A language as spoken in a community's country, written as Open Graph and the web write locales
    /// ("rw" in "RW" → "rw_RW", "fr" in "RW" → "fr_RW"); without a usable two-letter country, where Mutua's communities
    /// speak it (en_US, es_US, fr_RW, sw_UG, rw_RW).
    /// </summary>
    public static string Locale(string language, string? country)
    {
        var code = IsSupported(language) ? language : Default;
        var region = country?.Trim().ToUpperInvariant();
        if (region is not { Length: 2 } || !region.All(char.IsAsciiLetterUpper)) region = Money.HomeCountryOf(code) ?? "US";
        return $"{code}_{region}";
    }
}
