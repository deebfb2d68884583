using System.Text;
using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;

namespace Mutua.Browser.Tests;

/// <summary>
/// Every page of the matrix (<see cref="PageMatrix"/>) on a 412 px phone: nothing is wider than the screen, every
/// checkbox and radio is a target of at least 24 × 24 px (WCAG 2.2, 2.5.8) and chart text renders at 12 px or more.
/// Screenshots of each page go to /tmp/mutua-shots/phone-*.png.
/// </summary>
public sealed class PhoneLayoutTests(BrowserApp app)
{
    [Fact]
    public async Task Every_page_of_the_matrix_fits_a_412_px_phone_with_targets_and_text_a_person_can_use()
    {
        var pages = await PageMatrix.PagesAsync(app);
        var states = await PageMatrix.SignedInStatesAsync(app, pages);
        var problems = new StringBuilder();
        foreach (var people in pages.GroupBy(p => p.Login))
        {
            await using var context = await app.NewContextAsync(phone: true, storageState: people.Key is { } login ? states[login] : null);
            var page = await context.NewPageAsync();
            foreach (var visit in people)
            {
                await PageMatrix.OpenAsync(page, visit);
                // Every part open: a closed <details> hides what would overflow.
                await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
                var found = await page.EvaluateAsync<string[]>(
                    """
                    () => {
                      const problems = [];
                      const width = document.scrollingElement.scrollWidth;
                      if (width > 412) problems.push(`${width} px wide: ` + [...document.querySelectorAll('body *')]
                          .filter(e => e.getBoundingClientRect().right > 413).slice(-3)
                          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('class') ? '.' + e.getAttribute('class') : '') + ' to ' + Math.round(e.getBoundingClientRect().right) + ' px').join(', '));
                      for (const box of document.querySelectorAll('input[type=checkbox], input[type=radio]')) {
                        const r = box.getBoundingClientRect();
                        if (r.width > 0 && (r.width < 23.5 || r.height < 23.5))
                          problems.push(`${box.type} ${box.name}=${box.value} is ${r.width.toFixed(1)} × ${r.height.toFixed(1)} px`);
                      }
                      for (const text of document.querySelectorAll('svg text')) {
                        const matrix = text.getScreenCTM();
                        if (!matrix || text.getBoundingClientRect().width === 0) continue;
                        const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
                        if (px < 11.95) { problems.push(`chart text "${text.textContent.trim().slice(0, 20)}" renders at ${px.toFixed(1)} px`); }
                      }
                      return [...new Set(problems)].slice(0, 8);
                    }
                    """);
                foreach (var problem in found) problems.AppendLine($"{visit.Name} ({visit.Path}, {visit.Login ?? "anonymous"}): {problem}");
                await BrowserApp.ScreenshotAsync(page, $"phone-{new string(visit.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray())}");
            }
        }
        Assert.True(problems.Length == 0, $"On a 412 px phone:\n{problems}");
    }
}
