using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Mutua.Browser.Tests.Infrastructure;

namespace Mutua.Browser.Tests;

/// <summary>
/// Every page of the access matrix (tests/Mutua.Web.Tests/Security/PageAccessMatrixTests.cs), as the server
/// wrote it for a person who may see it, passes html-validate (tests/tools, rules in tests/tools/.htmlvalidate.json):
/// heading levels, labels, legends, unique ids, button types … are what a screen reader and a cheap phone rely on.
/// All pages go to one html-validate run.
/// <para>
/// The rules are html-validate:recommended and html-validate:document (heading levels, labels, a doctype: these are whole
/// documents), minus four that fight how ASP.NET Core writes HTML, not what the page means (JSON allows no comments, so
/// the reasons are here): <c>void-style</c> (tag helpers write <c>&lt;input /&gt;</c>, hand-written markup
/// <c>&lt;input&gt;</c>; both are HTML), <c>attribute-boolean-style</c> (tag helpers write <c>checked="checked"</c>),
/// <c>no-trailing-whitespace</c> (what Razor leaves where a code block ends; invisible, and compressed away), and
/// <c>form-dup-name</c> (a list of checkboxes shares one name on purpose, and a bound checkbox is followed by its hidden
/// "false", which model binding needs after it — html-validate only allows that hidden value before). <c>require-sri</c>
/// is kept for other sites' files only: Mutua serves all of its own. <c>no-dup-id</c>, labels, legends and the rest stay on.
/// </para>
/// </summary>
public sealed class ValidHtmlTests(BrowserApp app, ITestOutputHelper output)
{
    private const string Jamal = "jamal@dudley.example";
    private const string Sponsor = "sponsor@dudley.example";
    private const string Admin = "admin@mutua.example";
    private const string Fatima = "fatima@dudley.example";

    private sealed record PageVisit(string Name, string Path, string? Login);

    /// <summary>The first savings group on the person's list of them.</summary>
    private async Task<Guid> SavingsGroupAsync(string login)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page, login);
        await page.GotoAsync("/Savings");
        var href = await page.Locator("main .card a[href^='/Savings/']").First.GetAttributeAsync("href");
        return Guid.Parse(href!["/Savings/".Length..]);
    }

    [Fact]
    public async Task Every_page_of_the_matrix_is_html_a_validator_accepts()
    {
        var tools = ToolsFolder();
        var validator = Path.Combine(tools, "node_modules", ".bin", "html-validate");
        Assert.True(File.Exists(validator),
            $"html-validate is missing ({validator}): run scripts/test.sh, which runs npm ci in tests/tools.");

        var (_, community, group, _) = await app.DudleyAsync();
        var household = (await app.GetJsonAsync(Jamal, "/api/v1/me")).GetProperty("households")[0].GetProperty("id").GetGuid();
        var (toolLibrary, toolLibrarySlug) = await ProjectAsync("Tool library in the basement");
        var (foodCart, foodCartSlug) = await ProjectAsync("Warren Street food cart");
        var code = await app.NewInvitationCodeAsync(await app.FruitvaleAsync());
        var savingsGroup = await SavingsGroupAsync(Jamal);

        PageVisit[] pages =
        [
            // The public pages, as an anonymous visitor sees them.
            new("home", "/", null),
            new("sign in", "/Account/Login", null),
            new("denied", "/Account/Denied", null),
            new("closed", "/Account/Closed", null),
            new("join", "/Join", null),
            new("join with a code", $"/Join?code={code}", null),
            new("API reference", "/ApiReference", null),
            new("status page", "/Status/404", null),
            new("error page", "/Error", null),
            new("projects", "/Projects", null),
            new("public project", $"/p/{foodCartSlug}", null),
            new("spread of a public project", $"/Projects/{foodCart}/Spread", null),
            // Signed in: a representative person per page.
            new("home, signed in", "/", Jamal),
            new("communities", "/Communities", BrowserApp.Denise),
            new("community", $"/Communities/{community}", BrowserApp.Denise),
            new("group", $"/Groups/{group}", BrowserApp.Denise),
            new("household", $"/Households/{household}", Jamal),
            new("check-in", $"/Households/{household}/CheckIn", Jamal),
            new("invitations", $"/Communities/{community}/Invitations", BrowserApp.Denise),
            new("people", $"/Communities/{community}/People", BrowserApp.Denise),
            new("create a community", "/Communities/Create", Admin),
            new("network map", $"/Communities/{community}/Network", BrowserApp.Denise),
            new("attention", $"/Communities/{community}/Network/Attention", BrowserApp.Denise),
            new("circle", $"/Households/{household}/Circle", Jamal),
            new("sharing", $"/Households/{household}/Sharing", Jamal),
            new("audit", "/Admin/Audit", Admin),
            new("profile", "/Account/Profile", Jamal),
            new("project, owner", $"/p/{toolLibrarySlug}", Jamal),
            new("project, sponsor", $"/p/{toolLibrarySlug}", Sponsor),
            new("project, supporter", $"/p/{foodCartSlug}", BrowserApp.Keisha),
            new("project, ambassador", $"/p/{foodCartSlug}", Fatima),
            new("spread", $"/Projects/{toolLibrary}/Spread", Jamal),
            new("new project", "/Projects/Edit", Jamal),
            new("edit project", $"/Projects/Edit/{toolLibrary}", Jamal),
            new("following", "/Projects/Following", BrowserApp.Keisha),
            new("ambassador links", "/Projects/Ambassador", Fatima),
            new("household data", $"/Households/{household}/Data", Jamal),
            new("my data", "/Account/MyData", Jamal),
            new("insights", $"/Communities/{community}/Insights", Sponsor),
            new("compare insights", "/Insights/Compare", BrowserApp.Denise),
            new("progress", $"/Households/{household}/Progress", Jamal),
            new("check-ins", $"/Households/{household}/CheckIns", Jamal),
            // Savings groups: the secretary's pages of Jamal's group in Dudley, and Keisha's passbook in it.
            new("savings groups", "/Savings", Jamal),
            new("savings group", $"/Savings/{savingsGroup}", Jamal),
            new("record a meeting", $"/Savings/{savingsGroup}/Meeting", Jamal),
            new("passbook", $"/Savings/{savingsGroup}/Passbook", Jamal),
            new("share-out preview", $"/Savings/{savingsGroup}/ShareOut", Jamal),
        ];

        // Kept after the run, beside the screenshots, for a person to open the page a finding is about.
        var folder = new DirectoryInfo(Path.Combine(BrowserApp.ShotsFolder, "html"));
        if (folder.Exists) folder.Delete(recursive: true);
        folder.Create();
        {
            var files = new Dictionary<string, PageVisit>(StringComparer.Ordinal);
            foreach (var people in pages.GroupBy(p => p.Login))
            {
                await using var context = await app.NewContextAsync();
                if (people.Key is { } login) await BrowserApp.SignInAsync(await context.NewPageAsync(), login);
                foreach (var visit in people)
                {
                    // The server's HTML as it was sent, not the browser's serialisation of its DOM.
                    var response = await context.APIRequest.GetAsync(visit.Path, new() { MaxRedirects = 0 });
                    var type = response.Headers.TryGetValue("content-type", out var t) ? t : "";
                    Assert.True(type.StartsWith("text/html", StringComparison.Ordinal) && response.Status is 200 or 403 or 404 or 500,
                        $"{visit.Name} ({visit.Path}) as {visit.Login ?? "anonymous"} answered {response.Status} {type}, not a page");
                    var file = Path.Combine(folder.FullName, $"{files.Count:00}-{Slug(visit.Name)}.html");
                    await File.WriteAllTextAsync(file, await response.TextAsync(), TestContext.Current.CancellationToken);
                    files[file] = visit;
                }
            }

            var report = await ValidateAsync(validator, tools, folder.FullName, files.Keys);
            var problems = new StringBuilder();
            var errors = 0;
            foreach (var result in report.RootElement.EnumerateArray())
            {
                var visit = files[Path.GetFullPath(result.GetProperty("filePath").GetString()!)];
                foreach (var message in result.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("severity").GetInt32() == 2))
                {
                    errors++;
                    problems.AppendLine(
                        $"{visit.Name} ({visit.Path}, {visit.Login ?? "anonymous"}) line {message.GetProperty("line").GetInt32()}: " +
                        $"{message.GetProperty("ruleId").GetString()}: {message.GetProperty("message").GetString()}" +
                        (message.TryGetProperty("selector", out var s) && s.ValueKind == JsonValueKind.String ? $" [{s.GetString()}]" : ""));
                }
            }
            output.WriteLine($"{files.Count} pages, {errors} errors");
            TestContext.Current.SendDiagnosticMessage($"html-validate: {files.Count} pages, {errors} errors");
            Assert.True(errors == 0, $"html-validate found {errors} errors in {files.Count} pages (their HTML is in {folder.FullName}):\n{problems}");
        }
    }

    /// <summary>
    /// The pages the validator's findings changed (the check-in's legends and headings, the project cards' headings, a
    /// project's share card and photo), as a person sees them: they fit a phone and a desktop in English and Kinyarwanda.
    /// Screenshots go to /tmp/mutua-shots/valid-*.png for people to look at.
    /// </summary>
    [Fact]
    public async Task The_pages_the_validator_changed_fit_a_phone_and_a_desktop_in_two_languages()
    {
        var household = (await app.GetJsonAsync(Jamal, "/api/v1/me")).GetProperty("households")[0].GetProperty("id").GetGuid();
        var (_, foodCartSlug) = await ProjectAsync("Warren Street food cart");
        (string Name, string Path)[] pages = [("check-in", $"/Households/{household}/CheckIn"), ("projects", "/Projects"), ("project", $"/p/{foodCartSlug}")];
        var problems = new List<string>();
        // Signed in once; both window sizes use the same cookies.
        string signedIn;
        await using (var first = await app.NewContextAsync())
        {
            await BrowserApp.SignInAsync(await first.NewPageAsync(), Jamal);
            signedIn = await first.StorageStateAsync();
        }
        foreach (var (viewport, phone, size) in new[] { (BrowserApp.Phone, true, "phone"), (BrowserApp.Desktop, false, "desktop") })
        {
            await using var context = await app.NewContextAsync(viewport, phone, storageState: signedIn);
            var page = await context.NewPageAsync();
            foreach (var language in new[] { "en", "rw" })
            {
                foreach (var (name, path) in pages)
                {
                    await page.GotoAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={language}");
                    // Every part of the check-in open, so the screenshot shows the legends and the rating.
                    await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
                    await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                    if (await BrowserApp.WidthProblemAsync(page) is { } problem) problems.Add(problem);
                    await BrowserApp.ScreenshotAsync(page, $"valid-{name}-{language}-{size}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<(Guid Id, string Slug)> ProjectAsync(string title)
    {
        foreach (var item in (await app.GetJsonAsync(BrowserApp.Denise, "/api/v1/projects?q=" + Uri.EscapeDataString(title))).GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("title").GetString() == title) return (item.GetProperty("id").GetGuid(), item.GetProperty("slug").GetString()!);
        }
        throw new InvalidOperationException($"The demo has no project \"{title}\".");
    }

    private static string Slug(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>tests/tools, found from the test's own folder upwards.</summary>
    private static string ToolsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var tools = Path.Combine(dir.FullName, "tests", "tools");
            if (File.Exists(Path.Combine(tools, "package.json"))) return tools;
        }
        throw new InvalidOperationException($"No tests/tools above {AppContext.BaseDirectory}.");
    }

    private static async Task<JsonDocument> ValidateAsync(string validator, string tools, string folder, IEnumerable<string> files)
    {
        // To a file: node may exit before a pipe has taken all of a long report.
        var reportFile = Path.Combine(folder, "report.json");
        var start = new ProcessStartInfo(validator)
        {
            WorkingDirectory = tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--config", Path.Combine(tools, ".htmlvalidate.json"), "--formatter", "json=" + reportFile }.Concat(files)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var json = File.Exists(reportFile) ? await File.ReadAllTextAsync(reportFile) : "";
        // 0: no errors, 1: errors found (in the report); anything else is html-validate itself failing.
        Assert.True(process.ExitCode is 0 or 1 && json.TrimStart().StartsWith('['),
            $"html-validate exited {process.ExitCode}: {await stderr}\n{await stdout}\n{json}");
        return JsonDocument.Parse(json);
    }
}
