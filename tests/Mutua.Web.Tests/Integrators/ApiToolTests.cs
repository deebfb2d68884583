using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Integrators;

/// <summary>
/// Issue 19: the document as third-party tools read it, from the app on a real port. Redocly CLI lints it with its
/// recommended rules (no errors), and a TypeScript client generated from it (openapi-typescript + openapi-fetch) runs
/// tests/tools/journey/journey.ts — sign in, /me, a check-in, insights, projects, a pledge — compiled with tsc --strict
/// and no casts; its printed results are checked against the database. Each runs once per database tier.
/// </summary>
public sealed partial class ApiToolTests(KestrelMutuaFactory app) : IClassFixture<KestrelMutuaFactory>
{
    /// <summary>Redocly's recommended rules still warn about these; say so in docs/api.md when the count changes.</summary>
    private const int MaxWarnings = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Tools => Path.Combine(ApiContractTests.RepoRoot(), "tests", "tools");

    [Fact]
    public async Task Redocly_lints_the_document_with_no_errors()
    {
        RequireTools();
        var work = Directory.CreateTempSubdirectory("mutua-lint-");
        try
        {
            var document = Path.Combine(work.FullName, "openapi.json");
            await File.WriteAllTextAsync(document, await DocumentAsync(), Ct);
            var (exit, output, errors) = await RunAsync(Path.Combine(Tools, "node_modules", ".bin", "redocly"),
                ["lint", "--format=json", "--config", Path.Combine(Tools, "redocly.yaml"), document], Tools);
            var start = output.IndexOf('{', StringComparison.Ordinal);
            Assert.True(start >= 0, $"redocly printed no JSON (exit {exit}):\n{output}\n{errors}");
            using var report = JsonDocument.Parse(output[start..]);
            var totals = report.RootElement.GetProperty("totals");
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();
            TestContext.Current.TestOutputHelper?.WriteLine($"redocly: {totals.GetProperty("errors").GetInt32()} errors, {totals.GetProperty("warnings").GetInt32()} warnings\n" + string.Join("\n", problems));
            Assert.True(totals.GetProperty("errors").GetInt32() == 0, "redocly lint found errors:\n" + string.Join("\n", problems));
            Assert.True(totals.GetProperty("warnings").GetInt32() <= MaxWarnings, $"redocly lint warns more than {MaxWarnings} times:\n" + string.Join("\n", problems));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_generated_typescript_client_signs_in_checks_in_reads_insights_and_pledges()
    {
        RequireTools();
        var source = Path.Combine(Tools, "journey", "journey.ts");
        var script = await File.ReadAllTextAsync(source, Ct);
        var code = string.Join("\n", script.Split('\n').Select(line => Comment().Replace(line, "")));
        Assert.False(Cast().IsMatch(code), $"journey.ts casts ({Cast().Match(code).Value}): a generated client should need none");
        Assert.False(Any().IsMatch(code), "journey.ts uses any");
        Assert.False(NonNull().IsMatch(code), $"journey.ts asserts non-null ({NonNull().Match(code).Value})");

        // Inside tests/tools, so node finds openapi-fetch in tests/tools/node_modules.
        var work = Directory.CreateDirectory(Path.Combine(Tools, "journey", $".out-{Guid.NewGuid():N}"));
        try
        {
            var document = Path.Combine(work.FullName, "openapi.json");
            await File.WriteAllTextAsync(document, await DocumentAsync(), Ct);
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "package.json"), "{\"type\":\"module\"}", Ct);
            File.Copy(source, Path.Combine(work.FullName, "journey.ts"));
            var bin = Path.Combine(Tools, "node_modules", ".bin");
            await MustAsync(Path.Combine(bin, "openapi-typescript"), [document, "-o", Path.Combine(work.FullName, "api.d.ts")], work.FullName);
            await MustAsync(Path.Combine(bin, "tsc"), ["--strict", "--noEmit", "false", "--target", "es2022", "--module", "nodenext",
                "--moduleResolution", "nodenext", "--skipLibCheck", "--outDir", Path.Combine(work.FullName, "out"), Path.Combine(work.FullName, "journey.ts")], work.FullName);
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "out", "package.json"), "{\"type\":\"module\"}", Ct);

            var month = Month.Current(DateTimeOffset.UtcNow, "America/New_York").ToString();
            var output = await MustAsync("node", [Path.Combine(work.FullName, "out", "journey.js")], work.FullName, new()
            {
                ["MUTUA_BASE_URL"] = app.BaseUrl,
                ["MUTUA_LOGIN"] = DemoPeople.KeishaLogin,
                ["MUTUA_PASSWORD"] = MutuaFactory.Password,
                ["MUTUA_MONTH"] = month,
            });
            using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            var r = json.RootElement;

            Assert.Equal(app.Demo.Keisha, r.GetProperty("personId").GetGuid());
            Assert.Equal(app.Demo.KeishaHousehold, r.GetProperty("householdId").GetGuid());
            Assert.Equal(month, r.GetProperty("checkIn").GetProperty("month").GetString());
            Assert.Equal(12_345, r.GetProperty("checkIn").GetProperty("savingsBalance").GetInt64());
            Assert.Equal(["goals", "needsAndWants"], r.GetProperty("checkIn").GetProperty("sharedWithGroup").EnumerateArray().Select(e => e.GetString()));
            var period = Month.Read(month, out var m) is null ? m.Period : throw new InvalidOperationException(month);
            var stored = await app.WithDbAsync(db => db.CheckIns.AsNoTracking()
                .Where(c => c.HouseholdId == app.Demo.KeishaHousehold && c.Period == period).Select(c => c.SavingsBalance).SingleAsync());
            Assert.Equal(12_345, stored);

            var insights = r.GetProperty("insights");
            Assert.True(insights.GetProperty("months").GetInt32() > 0, output);
            Assert.Equal(insights.GetProperty("months").GetInt32(), insights.GetProperty("foodCells").GetInt32());
            Assert.Matches(@"^\d{4}-(0[1-9]|1[0-2])$", insights.GetProperty("first").GetString()!);
            Assert.True(r.GetProperty("projects").GetInt32() > 0, output);

            var pledge = r.GetProperty("pledge");
            var id = pledge.GetProperty("id").GetGuid();
            var row = await app.WithDbAsync(db => db.Pledges.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new { p.ProjectId, p.NeedId, p.Amount, p.PersonId }).SingleAsync());
            Assert.Equal(2_500, row.Amount);
            Assert.Equal(pledge.GetProperty("amount").GetInt64(), row.Amount);
            Assert.Equal(pledge.GetProperty("projectId").GetGuid(), row.ProjectId);
            Assert.Equal(pledge.GetProperty("needId").GetGuid(), row.NeedId);
            Assert.Equal(app.Demo.Keisha, row.PersonId);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<string> DocumentAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var response = await client.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Fails, never skips, when the tools are missing: they are part of the suite.</summary>
    private static void RequireTools()
    {
        var node = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, "node")));
        if (!node) Assert.Fail("node is not on PATH: run scripts/test.sh, which installs node and runs npm ci in tests/tools.");
        foreach (var tool in new[] { "redocly", "openapi-typescript", "tsc" })
        {
            if (!File.Exists(Path.Combine(Tools, "node_modules", ".bin", tool)))
                Assert.Fail($"tests/tools/node_modules/.bin/{tool} is missing: run scripts/test.sh, which runs npm ci in tests/tools.");
        }
    }

    private static async Task<string> MustAsync(string file, string[] args, string directory, Dictionary<string, string>? environment = null)
    {
        var (exit, output, errors) = await RunAsync(file, args, directory, environment);
        Assert.True(exit == 0, $"{Path.GetFileName(file)} {string.Join(" ", args.Select(Path.GetFileName))} exited {exit}:\n{output}\n{errors}");
        return output;
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string file, string[] args, string directory,
        Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (k, v) in environment ?? []) start.Environment[k] = v;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await errors);
    }

    [GeneratedRegex(@"//.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bas\s+(?!const\b)[A-Za-z{\[(]")]
    private static partial Regex Cast();

    [GeneratedRegex(@"(:|<|\|)\s*any\b|\bany\[\]")]
    private static partial Regex Any();

    [GeneratedRegex(@"[\w\)\]]!(?!=)")]
    private static partial Regex NonNull();
}
