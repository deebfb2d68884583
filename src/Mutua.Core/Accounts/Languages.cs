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
        ["rw"] = "Kinyarwanda",
    };

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);
}
