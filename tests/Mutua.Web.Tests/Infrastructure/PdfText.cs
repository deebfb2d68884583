using System.Diagnostics;
using System.Text;

namespace Mutua.Web.Tests.Infrastructure;

/// <summary>
/// Reads the text of a PDF the test host served with poppler's pdftotext (Debian's poppler-utils, which scripts/test.sh
/// installs), as a person's PDF reader or a search would find it. A missing tool fails the test with what to install.
/// </summary>
public static class PdfText
{
    public const string Tool = "/usr/bin/pdftotext";

    /// <summary>The text of every page, each run of white space (spaces, no-break and narrow no-break ones, line ends) as one space.</summary>
    public static async Task<string> ReadAsync(byte[] pdf, CancellationToken ct)
    {
        if (!File.Exists(Tool)) Assert.Fail($"{Tool} is missing: run scripts/test.sh once (it installs poppler-utils), or apt-get install poppler-utils.");
        var file = Path.Combine(Path.GetTempPath(), $"mutua-{Guid.NewGuid():N}.pdf");
        try
        {
            await File.WriteAllBytesAsync(file, pdf, ct);
            var start = new ProcessStartInfo(Tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-layout", "-enc", "UTF-8", file, "-" }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            Assert.True(process.ExitCode == 0, $"pdftotext failed ({process.ExitCode}): {await error}");
            return Spaced(await output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Text with every run of white space as one plain space, to compare a page's amounts with a PDF's.</summary>
    public static string Spaced(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || c is '\u00A0' or '\u202F';
            if (!space) b.Append(c);
            else if (b.Length > 0 && b[^1] != ' ') b.Append(' ');
        }
        return b.ToString().Trim();
    }
}
