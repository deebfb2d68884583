using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mutua.Web.Tests.Localization;

/// <summary>
/// French as it is printed: a no-break space (U+00A0, or the narrow U+202F) before <c>: ; ? !</c> and inside
/// <c>« »</c>, so a phone never wraps a line before a colon; and French quotes, not English “ ” or ".
/// Read from every Resources/*.fr.resx.
/// </summary>
public sealed partial class FrenchTypographyTests
{
    // A plain space, or a letter or digit, right before : ; ? ! » (a URL's "https:" or a time "10:30" has no space and
    // is no word followed by a space; "{0:N0}" sits inside braces).
    [GeneratedRegex(@"(?: [:;?!»]|«[^\u00A0\u202F]|[^\u00A0\u202F]»|[\p{L}\p{N}\)][;?!](?:\s|$)|\p{L}:\s|[“”""])")]
    private static partial Regex Misprinted();

    [Fact]
    public void French_strings_have_a_no_break_space_before_high_punctuation_and_use_french_quotes()
    {
        var resources = Path.Combine(RepoRoot(), "src", "Mutua.Web", "Resources");
        var wrong = Directory.EnumerateFiles(resources, "*.fr.resx").Order(StringComparer.Ordinal)
            .SelectMany(file => XDocument.Load(file).Root!.Elements("data").Select(d => (File: Path.GetFileName(file), Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? "")))
            .Where(s => Misprinted().IsMatch(s.Value))
            .Select(s => $"{s.File} \"{s.Key}\": {s.Value} (at \"{Misprinted().Match(s.Value).Value}\")")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} French strings are not printed the French way:\n{string.Join("\n", wrong)}");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mutua.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Mutua.slnx not found above {AppContext.BaseDirectory}.");
    }
}
