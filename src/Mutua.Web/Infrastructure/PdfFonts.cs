using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// The font Mutua's PDFs are written in: DejaVu Sans, regular and bold, from Debian's <c>fonts-dejavu-core</c> (README,
/// requirements). It carries every letter of the five languages (French é è ç œ « », the Kinyarwanda and Swahili
/// alphabets) and the no-break and narrow no-break spaces that French and Kinyarwanda numbers are grouped with.
/// PDFsharp's build for .NET has no fonts of its own on Linux: without a resolver it cannot draw a single letter.
/// Every face asked for (any family name) is DejaVu Sans, so a PDF never falls back to a font without these letters.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    /// <summary>Where Debian puts the font, and where other systems' packages of it do.</summary>
    private static readonly string[] Folders =
        ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu", "/usr/share/fonts/dejavu-sans-fonts"];

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    private PdfFonts() { }

    /// <summary>The one resolver of the process: PDFsharp keeps it globally and wants the same instance every time it is set.</summary>
    public static PdfFonts Instance { get; } = new();

    /// <summary>Makes this the resolver PDFsharp uses, once per process (every test host in a test run asks again).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts) GlobalFontSettings.FontResolver = Instance;
        }
    }

    /// <summary>The folder holding both faces, or null when the font is not installed.</summary>
    public static string? Folder => Folders.FirstOrDefault(f => File.Exists(Path.Combine(f, Regular + ".ttf")) && File.Exists(Path.Combine(f, Bold + ".ttf")));

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // No italic face is installed with fonts-dejavu-core: PDFsharp slants the upright one when italic is asked for.
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, static face =>
    {
        var folder = Folder ?? throw new InvalidOperationException(
            $"The font {Family} is not installed, so no PDF can be written: install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core).");
        return File.ReadAllBytes(Path.Combine(folder, face + ".ttf"));
    });
}
