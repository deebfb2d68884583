namespace Mutua.Core.Accounts;

/// <summary>
/// A short, language-neutral name for the device behind a User-Agent ("Chrome · Android",
/// "Safari · iPhone", "curl"), so a person recognises their sessions. Not an identification: only
/// the browser family and the system are kept, never versions or the whole string.
/// </summary>
public static class DeviceNames
{
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("Opera", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"), ("UCBrowser/", "UC Browser"), ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Version/", "Safari"),
    ];

    // Order matters: an Android phone also says Linux, an iPhone also says Mac OS X.
    private static readonly (string Marker, string Name)[] Systems =
    [
        ("KAIOS", "KaiOS"), ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
        ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"),
    ];

    public static string? Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return null;
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Marker, StringComparison.OrdinalIgnoreCase)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Marker, StringComparison.OrdinalIgnoreCase)).Name;
        if (browser is null && system is null) browser = Product(userAgent);
        var name = (browser, system) switch
        {
            (not null, not null) => $"{browser} · {system}",
            (not null, null) => browser,
            (null, not null) => system,
            _ => null,
        };
        return name is { Length: > SignInSession.DeviceMaxLength } ? name[..SignInSession.DeviceMaxLength] : name;
    }

    /// <summary>A script's own name, "curl/8.5.0" → "curl"; null for anything that is not a plain product token.</summary>
    private static string? Product(string userAgent)
    {
        var token = userAgent.Trim().Split(' ', '/')[0];
        return token.Length is > 0 and <= 30 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? token : null;
    }
}
