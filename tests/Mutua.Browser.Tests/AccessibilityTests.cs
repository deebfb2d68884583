using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;

namespace Mutua.Browser.Tests;

/// <summary>
/// axe-core (tests/tools/node_modules/axe-core, pinned in tests/tools/package.json) over every page of the matrix
/// (<see cref="PageMatrix"/>), as each page lays out on a phone and on a desktop: no serious or critical violation.
/// Moderate and minor findings are written to the log, not failed on. Fails, not skips, when tests/tools/node_modules
/// is missing: scripts/test.sh runs npm ci there.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task No_page_of_the_matrix_has_a_serious_or_critical_axe_violation()
    {
        var axeFile = Path.Combine(BrowserApp.ToolsFolder(), "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axeFile), $"axe-core is missing ({axeFile}): run scripts/test.sh, which runs npm ci in tests/tools.");
        var axe = await File.ReadAllTextAsync(axeFile, TestContext.Current.CancellationToken);

        var pages = await PageMatrix.PagesAsync(app);
        var states = await PageMatrix.SignedInStatesAsync(app, pages);
        var failures = new StringBuilder();
        var notes = new StringBuilder();
        foreach (var (size, phone) in new[] { ("phone", true), ("desktop", false) })
        {
            foreach (var people in pages.GroupBy(p => p.Login))
            {
                await using var context = await app.NewContextAsync(phone: phone, storageState: people.Key is { } login ? states[login] : null);
                var page = await context.NewPageAsync();
                foreach (var visit in people)
                {
                    await PageMatrix.OpenAsync(page, visit);
                    // Through the DevTools protocol, which the page's Content-Security-Policy does not stop (a script tag would be).
                    await page.EvaluateAsync(axe);
                    var json = await page.EvaluateAsync<string>(
                        "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations" +
                        ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')), count: v.nodes.length })))");
                    foreach (var v in JsonDocument.Parse(json).RootElement.EnumerateArray())
                    {
                        var impact = v.GetProperty("impact").GetString();
                        var line = $"{visit.Name} ({visit.Path}, {visit.Login ?? "anonymous"}, {size}): {impact} {v.GetProperty("id").GetString()}: " +
                            $"{v.GetProperty("help").GetString()} ({v.GetProperty("count").GetInt32()}×: {string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))})";
                        (impact is "serious" or "critical" ? failures : notes).AppendLine(line);
                    }
                }
            }
        }
        output.WriteLine(notes.ToString());
        TestContext.Current.SendDiagnosticMessage($"axe: {pages.Count} pages at two sizes; moderate and minor:\n{notes}");
        Assert.True(failures.Length == 0, $"axe found serious or critical violations:\n{failures}");
    }
}
