using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// The translations behind <c>IStringLocalizer&lt;Text&gt;</c>, kept in one set of resource files per
/// feature area (Resources/CheckIns.resx, CheckIns.es.resx …; Resources/Text.resx holds the strings
/// several areas share). A key lives in exactly one set (a test); the localizer finds it in whichever
/// set holds it, so pages, code and DataAnnotations keep asking <see cref="Text"/>.
/// </summary>
public sealed class TextResources
{
    private const string Prefix = "Mutua.Web.Resources.";
    private const string Suffix = ".resources";

    private readonly FrozenDictionary<string, (ResourceManager Manager, string BaseName)> _byKey;

    /// <summary>The base names of the sets, e.g. Mutua.Web.Resources.CheckIns.</summary>
    public IReadOnlyList<string> BaseNames { get; }

    private readonly List<ResourceManager> _managers;

    private TextResources(Assembly assembly)
    {
        BaseNames = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(n => n[..^Suffix.Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        _managers = BaseNames.Select(b => new ResourceManager(b, assembly)).ToList();
        var byKey = new Dictionary<string, (ResourceManager, string)>(StringComparer.Ordinal);
        for (var i = 0; i < BaseNames.Count; i++)
        {
            // The neutral (English) file names every key of its set. (The manager keeps its sets: not disposed.)
            var set = _managers[i].GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
            foreach (DictionaryEntry entry in set!)
            {
                byKey.TryAdd((string)entry.Key, (_managers[i], BaseNames[i]));
            }
        }
        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static TextResources Of(Assembly assembly) => new(assembly);

    public (string? Value, string Location) Find(string key, CultureInfo culture) =>
        _byKey.TryGetValue(key, out var set) || _byKey.TryGetValue(OtherForm(key), out set)
            ? (set.Manager.GetString(key, culture), set.BaseName)
            : (null, Prefix + "*");

    // A plural form English has no use for (Spanish and French "many") lives in the set of the plural's other form.
    private static string OtherForm(string key)
    {
        var i = key.LastIndexOf(Plurals.Separator);
        return i < 0 ? "" : Plurals.FormKey(key[..i], PluralCategory.Other);
    }

    public IEnumerable<LocalizedString> All(CultureInfo culture, bool includeParentCultures)
    {
        for (var i = 0; i < _managers.Count; i++)
        {
            var set = _managers[i].GetResourceSet(culture, createIfNotExists: true, tryParents: includeParentCultures);
            if (set is null) continue;
            foreach (DictionaryEntry entry in set)
            {
                if (entry.Value is string value) yield return new LocalizedString((string)entry.Key, value, false, BaseNames[i]);
            }
        }
    }
}

/// <summary>Looks a key up across the feature areas' sets, in the current UI culture (and its parents).</summary>
public sealed class TextLocalizer(TextResources resources) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var (value, location) = resources.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, value is null, location);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, found.Value, arguments), found.ResourceNotFound, found.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.All(CultureInfo.CurrentUICulture, includeParentCultures);
}

/// <summary>Serves <see cref="Text"/> from the per-area sets; any other resource type the usual way.</summary>
public sealed class TextLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private static readonly Lazy<TextLocalizer> Shared = new(() => new TextLocalizer(TextResources.Of(typeof(Web.Text).Assembly)));
    private readonly ResourceManagerStringLocalizerFactory _others = new(options, loggers);

    public IStringLocalizer Create(Type resourceSource) => resourceSource == typeof(Web.Text) ? Shared.Value : _others.Create(resourceSource);

    public IStringLocalizer Create(string baseName, string location) => _others.Create(baseName, location);
}
