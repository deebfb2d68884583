using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Projects;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Tests.Localization;

/// <summary>
/// Every value of every enum a person reads has its own name, found in all five languages: the
/// *Names.Of methods (and Core's refusals) are switches without a catch-all arm, so a new value cannot
/// quietly show as "Other".
/// </summary>
public sealed class EnumNamesTests
{
    private static readonly string[] Cultures = ["en", "es", "fr", "sw", "rw"];

    /// <summary>The enums people read on pages and in API messages; each must have a naming method.</summary>
    private static readonly Type[] UserFacing =
    [
        typeof(IncomeSource), typeof(HelpKind), typeof(NeedCategory), typeof(HousingSituation), typeof(SharedParts),
        typeof(ProjectCategory), typeof(NeedKind), typeof(ProjectStatus), typeof(PledgeStatus), typeof(Role), typeof(InvitationState),
        typeof(Failure),
        typeof(Mutua.Core.Savings.SavingsGroupKind), typeof(Mutua.Core.Savings.Attendance), typeof(Mutua.Core.Savings.SavingsOfficerRole),
        typeof(Mutua.Core.Savings.SavingsEntryKind),
    ];

    /// <summary>Each method that names an enum's values: the *Names classes' Of, and the refusals' Message.</summary>
    private static List<(MethodInfo Method, Type Enum)> Namers() =>
        typeof(Text).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && (t.Name.EndsWith("Names", StringComparison.Ordinal) || t == typeof(FailureMessages)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name is "Of" or "Message" && m.ReturnType == typeof(string))
            .Select(m => (m, m.GetParameters().Select(p => p.ParameterType).FirstOrDefault(p => p.IsEnum)))
            .Where(x => x.Item2 is not null)
            .Select(x => (x.m, x.Item2!))
            .ToList();

    private static IStringLocalizer<Text> AppLocalizer()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMutuaLocalization();
        return services.BuildServiceProvider().GetRequiredService<IStringLocalizer<Text>>();
    }

    [Fact]
    public void Every_user_facing_enum_has_a_naming_method()
    {
        var named = Namers().Select(n => n.Enum).ToHashSet();
        Assert.Empty(UserFacing.Where(t => !named.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void Every_value_has_its_own_name_in_all_five_languages()
    {
        var inner = AppLocalizer();
        var problems = new List<string>();
        var before = CultureInfo.CurrentUICulture;
        var beforeCulture = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in Cultures)
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                foreach (var (method, type) in Namers())
                {
                    var names = new Dictionary<string, object>(StringComparer.Ordinal);
                    var flags = type.IsDefined(typeof(FlagsAttribute));
                    foreach (var value in Enum.GetValues(type))
                    {
                        if (flags && Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0) continue; // None names no part
                        var l = new Recording(inner);
                        var args = method.GetParameters().Select(p =>
                            p.ParameterType.IsEnum ? value
                            : typeof(IStringLocalizer).IsAssignableFrom(p.ParameterType) ? (object)l
                            : p.ParameterType == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)
                            : throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name}: no value for {p.ParameterType.Name}")).ToArray();
                        var where = $"{culture} {type.Name}.{value} ({method.DeclaringType!.Name}.{method.Name})";
                        string text;
                        try
                        {
                            text = (string)method.Invoke(null, args)!;
                        }
                        catch (TargetInvocationException e)
                        {
                            problems.Add($"{where}: no name ({e.InnerException?.GetType().Name})");
                            continue;
                        }
                        if (l.Asked.Count == 0) problems.Add($"{where}: “{text}” is not looked up in the translations");
                        problems.AddRange(l.Asked.Where(s => s.ResourceNotFound).Select(s => $"{where}: “{s.Name}” has no translation"));
                        if (string.IsNullOrWhiteSpace(text)) problems.Add($"{where}: empty name");
                        else if (names.TryGetValue(text, out var other)) problems.Add($"{where}: “{text}” is also the name of {other}");
                        else names[text] = value;
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = beforeCulture;
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void None_is_not_a_part_to_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Pages.CheckIns.CheckInNames.Of(SharedParts.None, AppLocalizer()));
    }

    /// <summary>Passes lookups on, keeping what each returned.</summary>
    private sealed class Recording(IStringLocalizer<Text> inner) : IStringLocalizer<Text>
    {
        public List<LocalizedString> Asked { get; } = [];

        public LocalizedString this[string name] => Keep(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Keep(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Keep(LocalizedString s)
        {
            Asked.Add(s);
            return s;
        }
    }
}
