using System.Diagnostics;
using System.Text.Json;

namespace Mutua.Web.Tests.Infrastructure;

/// <summary>
/// Runs the tools integrators read Mutua's exports with — Debian's networkx and openpyxl under /usr/bin/python3 —
/// on a file the test host served. A missing module fails the test with what to install; it never skips.
/// </summary>
public static class RealReaders
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Writes each file to a temporary folder, runs the script (copied beside the tests) on them, and parses what it prints.</summary>
    public static async Task<JsonDocument> RunAsync(string script, string module, CancellationToken ct, params (string Name, byte[] Content)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("mutua-readers-");
        try
        {
            var paths = new List<string>();
            foreach (var (name, content) in files)
            {
                var path = Path.Combine(folder.FullName, name);
                await File.WriteAllBytesAsync(path, content, ct);
                paths.Add(path);
            }
            var (code, output, error) = await ExecAsync([Path.Combine(AppContext.BaseDirectory, script), .. paths], ct);
            if (code != 0 && (error.Contains("ModuleNotFoundError", StringComparison.Ordinal) || code == -1))
            {
                Assert.Fail($"{Python} cannot import {module}: run scripts/test.sh once (its install step installs python3-networkx and " +
                    $"python3-openpyxl), or apt-get install python3-networkx python3-openpyxl.\n{error}");
            }
            Assert.True(code == 0, $"{script} failed ({code}):\n{error}");
            return JsonDocument.Parse(output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Output, string Error)> ExecAsync(IEnumerable<string> arguments, CancellationToken ct)
    {
        if (!File.Exists(Python)) return (-1, "", $"{Python} is missing");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // Debian's own modules, not a user's site-packages or a virtual environment's.
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");
        start.Environment["PYTHONNOUSERSITE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output, await error);
    }
}
