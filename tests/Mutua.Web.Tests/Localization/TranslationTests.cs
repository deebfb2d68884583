using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Tests.Localization;

/// <summary>
/// Every user-visible string is translated into all five languages. The keys are the English
/// sentences used in src/Mutua.Web: <c>L["…"]</c> / <c>l["…"]</c> in pages and code, and
/// <c>ErrorMessage = "…"</c> / <c>[Display(Name = "…")]</c> on models (DataAnnotations are localised
/// through the same <see cref="Text"/> resource). These tests read the source and the .resx files
/// directly, then prove the compiled satellite assemblies answer with the same translations.
/// The strings are split into one set of files per feature area (Resources/CheckIns.resx, CheckIns.es.resx …;
/// Text.resx holds the shared ones): a key lives in exactly one set. Strings that show a count
/// (<c>L.Plural("{0} supporters", n)</c>) have one entry per CLDR category of each language, <c>key|one</c> …
/// </summary>
public sealed partial class TranslationTests
{
    private const string ResourceBaseName = "Mutua.Web.Resources.Text";
    private const string ResourcePrefix = "Mutua.Web.Resources.";

    /// <summary>The four translations; the neutral file (English) is checked on its own.</summary>
    public static readonly TheoryData<string> Translated = new("es", "fr", "sw", "rw");

    private static readonly string[] AllFiles = ["", "es", "fr", "sw", "rw"];

    /// <summary>
    /// Translations that may be spelled exactly like the English key, because the word really is the
    /// same in that language. Keep this list tiny: each entry needs a reason.
    /// </summary>
    private static readonly HashSet<(string Culture, string Key)> SameAsEnglish =
    [
        // French says "code" for a code; the column header sits in a narrow table on small phones, and
        // "Code d'invitation" (the full phrase, used elsewhere) would not fit.
        ("fr", "Code"),
    ];

    // ---- the source side -------------------------------------------------------------------------

    private static readonly Lazy<string> Root = new(FindRepoRoot);
    private static readonly Lazy<SourceScan> Source = new(() => SourceScan.Of(Path.Combine(Root.Value, "src", "Mutua.Web")));
    private static string ResourcesDir => Path.Combine(Root.Value, "src", "Mutua.Web", "Resources");

    /// <summary>The feature areas' sets: every neutral Resources/{Area}.resx.</summary>
    private static readonly Lazy<List<string>> Areas = new(() => Directory.EnumerateFiles(ResourcesDir, "*.resx")
        .Select(Path.GetFileNameWithoutExtension).Where(n => !n!.Contains('.', StringComparison.Ordinal)).Select(n => n!)
        .Order(StringComparer.Ordinal).ToList());

    /// <summary>Each culture's files, one per area.</summary>
    private static readonly Lazy<Dictionary<string, List<ResxFile>>> Sets = new(() => AllFiles.ToDictionary(c => c,
        c => Areas.Value.Select(a => ResxFile.Load(Path.Combine(ResourcesDir, c.Length == 0 ? $"{a}.resx" : $"{a}.{c}.resx"))).ToList()));

    /// <summary>Each culture's strings across its sets, as one file.</summary>
    private static readonly Lazy<Dictionary<string, ResxFile>> Files = new(() => Sets.Value.ToDictionary(kv => kv.Key, kv => ResxFile.Merge(
        kv.Key.Length == 0 ? "Resources/*.resx" : $"Resources/*.{kv.Key}.resx", kv.Value)));

    private static CultureInfo CultureOf(string file) => file.Length == 0 ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo(file);

    /// <summary>The entries a file must hold for a key the source uses: the key, or one per plural category of its language.</summary>
    private static IEnumerable<string> Needed(string key, List<Use> uses, string culture) =>
        uses.Any(u => u.Kind == UseKind.Plural)
            ? Plurals.CategoriesOf(CultureOf(culture)).Select(c => Plurals.FormKey(key, c))
            : [key];

    /// <summary>The plural key a form belongs to ("{0} supporters" for "{0} supporters|one"), if it is one.</summary>
    private static string? PluralBase(string name)
    {
        var i = name.LastIndexOf(Plurals.Separator);
        return i < 0 ? null : name[..i];
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mutua.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Mutua.slnx not found above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void The_scanner_finds_the_strings_it_is_meant_to_find()
    {
        var keys = Source.Value.Keys;
        // A broken regex must not make every other test pass by finding nothing.
        Assert.Contains("Sign in", keys.Keys);                     // L["…"] in a .cshtml
        Assert.Contains("{0} invited you to join {1}.", keys.Keys); // L["…", a, b] with arguments
        Assert.Contains(keys["{0} supporters"], u => u.Kind == UseKind.Plural); // L.Plural("…", n)
        Assert.True(keys.Count > 100, $"Only {keys.Count} keys found in src/Mutua.Web.");

        Assert.Equal("say \"hi\" \\ “{0}”", SourceScan.Unescape("say \\\"hi\\\" \\\\ \\u201C{0}\\u201D"));
        var sample = SourceScan.FromText("x.cshtml", """
            @L["Plain"] @l["With \"quotes\"", a] [Display(Order = 1, Name = "Shown")] ErrorMessage = "Wrong."
            @Model.L["Not ours"] labels["not a localizer"] @L.Plural("{0} things", n) x.Plural("not ours", 1)
            """);
        Assert.Equal(["Plain", "Shown", "With \"quotes\"", "Wrong.", "{0} things"], sample.Keys.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(UseKind.Plural, Assert.Single(sample.Keys["{0} things"]).Kind);
    }

    [Fact]
    public void Localizer_keys_are_string_literals_so_they_can_be_checked()
    {
        // L[$"…{x}"] or L[someVariable] hides the key from translators and from these tests.
        var dynamic = Source.Value.DynamicKeys;
        if (dynamic.Count > 0)
        {
            Assert.Fail("Use a literal English sentence as the key (pass values as arguments: L[\"Hello {0}\", name]):\n"
                + string.Join("\n", dynamic));
        }
    }

    [Fact]
    public void Every_key_used_in_the_source_has_a_value_in_all_five_files()
    {
        var problems = new List<string>();
        foreach (var (key, uses) in Source.Value.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            foreach (var culture in AllFiles)
            {
                var file = Files.Value[culture];
                foreach (var needed in Needed(key, uses, culture))
                {
                    if (!file.Values.TryGetValue(needed, out var value))
                        problems.Add($"{file.Name}: missing “{needed}” (used in {uses[0].Where})");
                    else if (string.IsNullOrWhiteSpace(value))
                        problems.Add($"{file.Name}: empty value for “{needed}”");
                }
            }
        }
        Report("Keys without a translation", problems);
    }

    [Fact]
    public void No_file_keeps_a_key_the_source_no_longer_uses()
    {
        var used = Source.Value.Keys;
        bool Used(string key, string culture) =>
            (used.TryGetValue(key, out var uses) && uses.Any(u => u.Kind != UseKind.Plural))
            || (PluralBase(key) is { } b && used.TryGetValue(b, out var pluralUses) && Needed(b, pluralUses, culture).Contains(key));
        var problems = Files.Value
            .SelectMany(f => f.Value.Values.Keys.Where(k => !Used(k, f.Key)).Select(k => $"{f.Value.Name}: stale “{k}”"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Report("Keys no page or code uses any more (remove them)", problems);
    }

    [Fact]
    public void Each_file_is_well_formed_and_names_every_key_once()
    {
        var problems = Sets.Value.Values.SelectMany(s => s).SelectMany(f => f.Problems.Select(p => $"{f.Name}: {p}")).ToList();
        Report("Malformed resource files", problems);
    }

    [Fact]
    public void Each_key_lives_in_exactly_one_set_the_same_in_every_language()
    {
        Assert.Contains("Text", Areas.Value);
        Assert.True(Areas.Value.Count >= 5, $"Only {Areas.Value.Count} sets: {string.Join(", ", Areas.Value)}");
        var problems = new List<string>();
        var home = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (area, file) in Areas.Value.Zip(Sets.Value[""]))
        {
            foreach (var key in file.Values.Keys)
            {
                if (!home.TryAdd(key, area)) problems.Add($"“{key}” is in both {home[key]}.resx and {area}.resx");
            }
        }
        foreach (var culture in AllFiles.Where(c => c.Length > 0))
        {
            foreach (var (area, file) in Areas.Value.Zip(Sets.Value[culture]))
            {
                foreach (var key in file.Values.Keys)
                {
                    // A form English does not have (Spanish and French "many") goes with the plural's other form.
                    var neutralKey = PluralBase(key) is { } b && !home.ContainsKey(key) ? Plurals.FormKey(b, PluralCategory.Other) : key;
                    if (!home.TryGetValue(neutralKey, out var neutral)) problems.Add($"{file.Name}: “{key}” is in no neutral file");
                    else if (neutral != area) problems.Add($"{file.Name}: “{key}” belongs to {neutral}.resx");
                }
            }
        }
        Report("Keys in more than one set, or in another set than their English", problems);
    }

    [Fact]
    public void The_English_file_holds_each_key_as_its_own_value()
    {
        var english = Files.Value[""];
        // A plural's other form is the key itself; its one form is the English singular.
        var problems = english.Values
            .Where(kv => PluralBase(kv.Key) is { } b ? kv.Key == Plurals.FormKey(b, PluralCategory.Other) && kv.Value != b : kv.Key != kv.Value)
            .Select(kv => $"“{kv.Key}” reads “{kv.Value}”").ToList();
        Report($"{english.Name}: the English value must equal the key", problems);
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Translations_are_not_English_copies(string culture)
    {
        var file = Files.Value[culture];
        var problems = file.Values
            .Where(kv => string.Equals(kv.Key.Trim(), kv.Value.Trim(), StringComparison.OrdinalIgnoreCase)
                         && !SameAsEnglish.Contains((culture, kv.Key)))
            .Select(kv => $"“{kv.Key}”")
            .ToList();
        Report($"{file.Name}: values still in English", problems);
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Translations_keep_placeholders_quotes_and_the_name_Mutua(string culture)
    {
        var file = Files.Value[culture];
        var problems = new List<string>();
        // Where "one" is the number 1 alone, its form may say the number in words ("one household"); French
        // "one" holds 0 too, so its forms keep every placeholder.
        var oneIsOne = Plurals.CategoryOf(CultureOf(culture), 0) != PluralCategory.One;
        foreach (var (key, value) in file.Values)
        {
            var expected = Placeholders(key);
            var actual = Placeholders(value);
            var mayDrop = oneIsOne && PluralBase(key) is { } b && key == Plurals.FormKey(b, PluralCategory.One);
            if (mayDrop ? !actual.All(expected.Contains) : !expected.SequenceEqual(actual, StringComparer.Ordinal))
                problems.Add($"“{key}”: placeholders [{string.Join(" ", expected)}] became [{string.Join(" ", actual)}] in “{value}”");
            else if (!Formats(value, expected.Count))
                problems.Add($"“{key}”: “{value}” is not a valid format string (a stray {{ or }}?)");
            // French quotes with « » where English has “ ”.
            if (Count(key, '“') != Count(value, '“') + Count(value, '«') || Count(key, '”') != Count(value, '”') + Count(value, '»'))
                problems.Add($"“{key}”: typographic quotes “ ” changed in “{value}”");
            if (key.Contains("Mutua", StringComparison.Ordinal) && !value.Contains("Mutua", StringComparison.Ordinal))
                problems.Add($"“{key}”: the name Mutua is missing from “{value}”");
        }
        Report($"{file.Name}: translations that change what the code fills in", problems);
    }

    // ---- the compiled side -----------------------------------------------------------------------

    private static IStringLocalizer AppLocalizer()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMutuaLocalization();
        return services.BuildServiceProvider().GetRequiredService<IStringLocalizer<Text>>();
    }

    [Fact]
    public void The_neutral_resources_are_embedded_under_the_names_the_localizer_looks_for()
    {
        var names = typeof(Text).Assembly.GetManifestResourceNames();
        Assert.Contains(ResourceBaseName + ".resources", names);
        Assert.All(Areas.Value, a => Assert.Contains($"{ResourcePrefix}{a}.resources", names));
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void The_satellite_assembly_is_built_and_named_for_the_culture(string culture)
    {
        Assembly satellite;
        try
        {
            satellite = typeof(Text).Assembly.GetSatelliteAssembly(CultureInfo.GetCultureInfo(culture));
        }
        catch (FileNotFoundException e)
        {
            Assert.Fail($"No {culture}/Mutua.Web.resources.dll next to the tests: {e.Message}");
            return;
        }
        Assert.All(Areas.Value, a => Assert.Contains($"{ResourcePrefix}{a}.{culture}.resources", satellite.GetManifestResourceNames()));
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void The_apps_string_localizer_answers_in_the_culture_with_every_translation(string culture)
    {
        var localizer = AppLocalizer();
        var file = Files.Value[culture];
        var english = Files.Value[""];

        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            var signIn = localizer["Sign in"];
            Assert.False(signIn.ResourceNotFound, $"“Sign in” not found; searched {signIn.SearchedLocation}");
            Assert.StartsWith(ResourcePrefix, signIn.SearchedLocation, StringComparison.Ordinal);
            Assert.Equal(file.Values["Sign in"], signIn.Value);
            Assert.NotEqual(english.Values["Sign in"], signIn.Value);

            var invited = localizer["{0} invited you to join {1}.", "Amina", "Umucyo"];
            Assert.Equal(string.Format(CultureInfo.CurrentCulture, file.Values["{0} invited you to join {1}."], "Amina", "Umucyo"), invited.Value);
            Assert.Contains("Umucyo", invited.Value, StringComparison.Ordinal);

            // The compiled satellites match the .resx on disk, key for key: no stale build, nothing dropped.
            var problems = new List<string>();
            foreach (var (key, value) in file.Values)
            {
                var found = localizer[key];
                if (found.ResourceNotFound || found.Value != value)
                    problems.Add($"“{key}”: expected “{value}”, the localizer said “{found.Value}”");
            }
            var compiled = localizer.GetAllStrings(includeParentCultures: false).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(file.Values.Keys.Where(k => !compiled.Contains(k)).Select(k => $"“{k}” is not in the compiled {culture} satellite"));
            Report($"The {culture} satellite assembly disagrees with {file.Name}", problems);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void A_plain_ResourceManager_finds_the_same_base_names()
    {
        var manager = new ResourceManager(ResourceBaseName, typeof(Text).Assembly);
        Assert.Equal("Sign in", manager.GetString("Sign in", CultureInfo.InvariantCulture));
        var area = Areas.Value.Zip(Sets.Value[""]).Single(s => s.Second.Values.ContainsKey("Household")).First;
        var household = new ResourceManager(ResourcePrefix + area, typeof(Text).Assembly);
        Assert.Equal(Files.Value["rw"].Values["Household"], household.GetString("Household", CultureInfo.GetCultureInfo("rw")));
        Assert.Equal(Files.Value["es"].Values["Household"], household.GetString("Household", CultureInfo.GetCultureInfo("es-MX"))); // falls back to es
    }

    // ---- plurals ---------------------------------------------------------------------------------

    public static readonly TheoryData<string, long, PluralCategory> Categories = new()
    {
        { "en", 0, PluralCategory.Other }, { "en", 1, PluralCategory.One }, { "en", 2, PluralCategory.Other }, { "en", 5, PluralCategory.Other },
        { "en", 21, PluralCategory.Other }, { "en", 1_000_000, PluralCategory.Other },
        { "es", 0, PluralCategory.Other }, { "es", 1, PluralCategory.One }, { "es", 2, PluralCategory.Other }, { "es", 5, PluralCategory.Other },
        { "es", 21, PluralCategory.Other }, { "es", 1_000_000, PluralCategory.Many }, { "es", 2_000_000, PluralCategory.Many }, { "es", 1_000_001, PluralCategory.Other },
        { "fr", 0, PluralCategory.One }, { "fr", 1, PluralCategory.One }, { "fr", 2, PluralCategory.Other }, { "fr", 5, PluralCategory.Other },
        { "fr", 21, PluralCategory.Other }, { "fr", 1_000_000, PluralCategory.Many }, { "fr", 1_000_001, PluralCategory.Other },
        { "sw", 0, PluralCategory.Other }, { "sw", 1, PluralCategory.One }, { "sw", 2, PluralCategory.Other }, { "sw", 5, PluralCategory.Other },
        { "sw", 21, PluralCategory.Other }, { "sw", 1_000_000, PluralCategory.Other },
        { "rw", 0, PluralCategory.Other }, { "rw", 1, PluralCategory.One }, { "rw", 2, PluralCategory.Other }, { "rw", 5, PluralCategory.Other },
        { "rw", 21, PluralCategory.Other }, { "rw", 1_000_000, PluralCategory.Other },
        { "es-MX", 1, PluralCategory.One }, { "fr-RW", 0, PluralCategory.One }, { "sw-UG", 1, PluralCategory.One },
    };

    [Theory]
    [MemberData(nameof(Categories))]
    public void The_chooser_picks_the_CLDR_category(string culture, long n, PluralCategory expected)
    {
        var c = CultureInfo.GetCultureInfo(culture);
        Assert.Equal(expected, Plurals.CategoryOf(c, n));
        Assert.Contains(expected, Plurals.CategoriesOf(c));
    }

    [Fact]
    public void Every_plural_string_reads_right_in_every_language_for_every_count()
    {
        var plural = Source.Value.Keys.Where(k => k.Value.Any(u => u.Kind == UseKind.Plural)).Select(k => k.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("{0} supporters", plural);
        Assert.Contains("{0} hours", plural);
        var localizer = AppLocalizer();
        var problems = new List<string>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in AllFiles)
            {
                var c = CultureOf(culture);
                CultureInfo.CurrentUICulture = c;
                var file = Files.Value[culture];
                foreach (var key in plural)
                {
                    var args = Enumerable.Range(0, 3).Select(i => (object)$"<{i}>").ToArray();
                    foreach (var n in new long[] { 0, 1, 2, 5, 21, 1_000_000 })
                    {
                        var form = Plurals.FormKey(key, Plurals.CategoryOf(c, n));
                        var said = localizer.Plural(key, n, args);
                        if (!file.Values.TryGetValue(form, out var value)) problems.Add($"{file.Name}: no “{form}” for {n}");
                        else if (said.ResourceNotFound || said.Value != string.Format(CultureInfo.CurrentCulture, value, args))
                            problems.Add($"{culture}: “{key}” for {n} said “{said.Value}”, expected the form “{form}”");
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
        Report("Plural strings", problems);
    }

    [Fact]
    public void A_plural_without_arguments_shows_the_count_and_singular_and_plural_differ_in_english()
    {
        var localizer = AppLocalizer();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("1 supporter", localizer.Plural("{0} supporters", 1).Value);
            Assert.Equal("2 supporters", localizer.Plural("{0} supporters", 2).Value);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("rw");
            Assert.Equal(Files.Value["rw"].Values["{0} hours|one"].Replace("{0}", "1", StringComparison.Ordinal), localizer.Plural("{0} hours", 1).Value);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            Assert.Equal(Files.Value["fr"].Values["{0} households|one"].Replace("{0}", "0", StringComparison.Ordinal), localizer.Plural("{0} households", 0).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void Report(string title, List<string> problems)
    {
        if (problems.Count == 0) return;
        Assert.Fail($"{title} ({problems.Count}):\n  " + string.Join("\n  ", problems));
    }

    private static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => m.Value)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool Formats(string text, int placeholderCount)
    {
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, text, Enumerable.Range(0, Math.Max(placeholderCount, 10)).Select(i => (object)i).ToArray());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static int Count(string text, char c) => text.Count(x => x == c);

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^{}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    public enum UseKind { Localizer, ErrorMessage, DisplayName, Plural }

    public sealed record Use(UseKind Kind, string Where);

    /// <summary>The keys the source uses, found with regular expressions over the text.</summary>
    public sealed partial class SourceScan
    {
        // A C# regular string literal: no line breaks, backslash escapes (\" \\ \uXXXX …).
        private const string Literal = @"""(?<s>(?:[^""\\\r\n]|\\.)*)""";

        public Dictionary<string, List<Use>> Keys { get; } = new(StringComparer.Ordinal);

        public List<string> DynamicKeys { get; } = [];

        public static SourceScan Of(string webProject)
        {
            var scan = new SourceScan();
            var files = Directory.EnumerateFiles(webProject, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                .Where(f => !IsBuildOutput(Path.GetRelativePath(webProject, f)))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
                scan.Add(Path.GetRelativePath(webProject, file).Replace('\\', '/'), File.ReadAllText(file));
            return scan;
        }

        public static SourceScan FromText(string name, string text)
        {
            var scan = new SourceScan();
            scan.Add(name, text);
            return scan;
        }

        private static bool IsBuildOutput(string relative)
        {
            var first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
            return first is "bin" or "obj";
        }

        private void Add(string file, string text)
        {
            foreach (Match m in LocalizerPattern().Matches(text))
            {
                if (m.Groups["s"].Success) Record(m.Groups["s"].Value, UseKind.Localizer, file, text, m.Index);
                else DynamicKeys.Add($"{file}:{Line(text, m.Index)}: {m.Value.Trim()}…");
            }
            foreach (Match m in PluralPattern().Matches(text))
            {
                if (m.Groups["s"].Success) Record(m.Groups["s"].Value, UseKind.Plural, file, text, m.Index);
                else DynamicKeys.Add($"{file}:{Line(text, m.Index)}: {m.Value.Trim()}…");
            }
            foreach (Match m in ErrorMessagePattern().Matches(text))
                Record(m.Groups["s"].Value, UseKind.ErrorMessage, file, text, m.Index);
            foreach (Match display in DisplayPattern().Matches(text))
            {
                foreach (Match m in DisplayTextPattern().Matches(display.Groups["args"].Value))
                    Record(m.Groups["s"].Value, UseKind.DisplayName, file, text, display.Index);
            }
        }

        private void Record(string escaped, UseKind kind, string file, string text, int index)
        {
            var key = Unescape(escaped);
            if (!Keys.TryGetValue(key, out var uses)) Keys[key] = uses = [];
            uses.Add(new Use(kind, $"{file}:{Line(text, index)}"));
        }

        private static int Line(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');

        /// <summary>The value of a C# regular string literal's contents.</summary>
        public static string Unescape(string s)
        {
            var sb = new StringBuilder(s.Length);
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] != '\\' || i + 1 == s.Length) { sb.Append(s[i]); continue; }
                var c = s[++i];
                switch (c)
                {
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case '0': sb.Append('\0'); break;
                    case 'a': sb.Append('\a'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'v': sb.Append('\v'); break;
                    case 'e': sb.Append('\u001b'); break;
                    case 'u' when i + 4 < s.Length:
                        sb.Append((char)Convert.ToInt32(s.Substring(i + 1, 4), 16));
                        i += 4;
                        break;
                    case 'U' when i + 8 < s.Length:
                        sb.Append(char.ConvertFromUtf32(Convert.ToInt32(s.Substring(i + 1, 8), 16)));
                        i += 8;
                        break;
                    case 'x':
                        var hex = 0;
                        while (hex < 4 && i + 1 + hex < s.Length && Uri.IsHexDigit(s[i + 1 + hex])) hex++;
                        sb.Append((char)Convert.ToInt32(s.Substring(i + 1, hex), 16));
                        i += hex;
                        break;
                    default: sb.Append(c); break; // \" \' \\
                }
            }
            return sb.ToString();
        }

        // L["…"] or l["…"] as a whole identifier (not Model.L[…] or labels[…]); when the first argument
        // is not a plain literal (L[$"…"], L[name], L["a" + b]), group s is absent and the call is reported as dynamic.
        [GeneratedRegex(@"(?<![\w.])[Ll]\[\s*(?:" + Literal + @"(?=\s*[,\]])|)")]
        private static partial Regex LocalizerPattern();

        // L.Plural("…", n) or l.Plural("…", n, …): a key with one form per plural category.
        [GeneratedRegex(@"(?<![\w.])[Ll]\.Plural\(\s*(?:" + Literal + @"(?=\s*,)|)")]
        private static partial Regex PluralPattern();

        [GeneratedRegex(@"\bErrorMessage\s*=\s*" + Literal)]
        private static partial Regex ErrorMessagePattern();

        // [Display(…)] with its arguments, string literals included (they may hold parentheses).
        [GeneratedRegex(@"\bDisplay\s*\((?<args>(?:[^()""]|""(?:[^""\\\r\n]|\\.)*"")*)\)")]
        private static partial Regex DisplayPattern();

        [GeneratedRegex(@"\b(?:Name|ShortName|Prompt|Description|GroupName)\s*=\s*" + Literal)]
        private static partial Regex DisplayTextPattern();
    }

    /// <summary>One .resx file: its string values by name, and anything wrong with its shape.</summary>
    public sealed class ResxFile
    {
        /// <summary>Several files' strings as one (their problems too; a key in two of them is one of those).</summary>
        public static ResxFile Merge(string name, IEnumerable<ResxFile> files)
        {
            var merged = new ResxFile { Name = name };
            foreach (var f in files)
            {
                merged.Problems.AddRange(f.Problems.Select(p => $"{f.Name}: {p}"));
                foreach (var (k, v) in f.Values)
                {
                    if (!merged.Values.TryAdd(k, v)) merged.Problems.Add($"“{k}” is in more than one file");
                }
            }
            return merged;
        }

        public required string Name { get; init; }

        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

        public List<string> Problems { get; } = [];

        public static ResxFile Load(string path)
        {
            var file = new ResxFile { Name = "Resources/" + Path.GetFileName(path) };
            if (!File.Exists(path))
            {
                file.Problems.Add("the file does not exist");
                return file;
            }
            var doc = XDocument.Load(path, LoadOptions.PreserveWhitespace);
            foreach (var data in doc.Root!.Elements("data"))
            {
                var name = (string?)data.Attribute("name");
                if (name is null) { file.Problems.Add("a <data> without a name"); continue; }
                if (data.Attribute("type") is not null || data.Attribute("mimetype") is not null)
                {
                    file.Problems.Add($"“{name}” is not a plain string");
                    continue;
                }
                var value = (string?)data.Element("value") ?? "";
                if (!file.Values.TryAdd(name, value)) file.Problems.Add($"“{name}” appears twice");
            }
            return file;
        }
    }
}
