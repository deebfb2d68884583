using System.Reflection;
using Mutua.Core.CheckIns;

namespace Mutua.Core.Tests.CheckIns;

/// <summary>
/// The "unchanged" fingerprint covers every property a person reports: a new property of a check-in
/// (or of its rows) must be put on the content list or on the not-content list with a reason, and each
/// content property alone changes the fingerprint.
/// </summary>
public sealed class CheckInContentTests
{
    private static IEnumerable<PropertyInfo> Public(Type t) => t.GetProperties(BindingFlags.Public | BindingFlags.Instance);

    private static readonly (Type Type, IReadOnlyList<PropertyInfo> Content)[] Types =
    [
        (typeof(CheckIn), CheckInContent.Fields.Select(f => f.Property)
            .Concat(CheckInContent.Rows.Select(r => typeof(CheckIn).GetProperty(r)!)).ToList()),
        (typeof(IncomeLine), CheckInContent.IncomeFields.Select(f => f.Property).ToList()),
        (typeof(HelpExchange), CheckInContent.HelpFields.Select(f => f.Property).ToList()),
        (typeof(GoalProgress), CheckInContent.GoalFields.Select(f => f.Property).ToList()),
    ];

    [Fact]
    public void Every_public_property_is_content_or_named_as_not_content()
    {
        var problems = new List<string>();
        foreach (var (type, content) in Types)
        {
            var names = content.Select(p => p.Name).ToList();
            foreach (var p in Public(type))
            {
                var isContent = names.Contains(p.Name);
                var isNot = CheckInContent.NotContent.ContainsKey((type, p.Name));
                if (!isContent && !isNot) problems.Add($"{type.Name}.{p.Name} is in neither list: add it to CheckInContent's fields or to NotContent with the reason");
                if (isContent && isNot) problems.Add($"{type.Name}.{p.Name} is on both lists");
            }
            problems.AddRange(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{type.Name}.{g.Key} is listed twice"));
            problems.AddRange(content.Where(p => p.DeclaringType != type).Select(p => $"{p.Name} is not a property of {type.Name}"));
        }
        problems.AddRange(CheckInContent.NotContent.Keys.Where(k => k.Type.GetProperty(k.Property) is null)
            .Select(k => $"NotContent names {k.Type.Name}.{k.Property}, which does not exist"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static CheckIn Sample() => new()
    {
        SavingsBalance = 10, Debts = 20, HealthRating = 3, HealthNotes = "h", EducationNotes = "e", Housing = HousingSituation.Owned,
        HousingNotes = "hn", LeadershipNotes = "l", MeetingsLed = 1, NeedsMask = 1, WantsMask = 2, NeedsNotes = "n", WhatsNew = "w",
        SharedWithGroup = SharedParts.Goals,
    };

    private static IncomeLine Income() => new() { Source = IncomeSource.Job, Amount = 100 };

    private static HelpExchange Help() => new()
        { Direction = HelpDirection.Given, Kind = HelpKind.Food, OtherHouseholdId = Guid.Empty, OtherDescription = "d", Value = 5 };

    private static GoalProgress Goal() => new() { GoalId = Guid.Empty, Percent = 10 };

    private static string Print(CheckIn c, IncomeLine i, HelpExchange h, GoalProgress g) => CheckInContent.Fingerprint(c, [i], [h], [g]);

    /// <summary>A value of the property's type that differs from the samples above.</summary>
    private static object Other(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "changed";
        if (t == typeof(long)) return 12_345L;
        if (t == typeof(int)) return 42;
        if (t == typeof(Guid)) return Guid.CreateVersion7();
        if (t.IsEnum) return Enum.GetValues(t).Cast<object>().Last();
        throw new InvalidOperationException($"No other value for {type}: add one to this test.");
    }

    [Fact]
    public void Changing_any_one_content_property_changes_the_fingerprint()
    {
        var before = Print(Sample(), Income(), Help(), Goal());
        Assert.Equal(before, Print(Sample(), Income(), Help(), Goal()));
        var unchanged = new List<string>();
        void Check(string name, string after)
        {
            if (after == before) unchanged.Add(name);
        }
        foreach (var f in CheckInContent.Fields)
        {
            var c = Sample();
            f.Property.SetValue(c, Other(f.Property.PropertyType));
            Check($"CheckIn.{f.Property.Name}", Print(c, Income(), Help(), Goal()));
        }
        foreach (var f in CheckInContent.IncomeFields)
        {
            var i = Income();
            f.Property.SetValue(i, Other(f.Property.PropertyType));
            Check($"IncomeLine.{f.Property.Name}", Print(Sample(), i, Help(), Goal()));
        }
        foreach (var f in CheckInContent.HelpFields)
        {
            var h = Help();
            f.Property.SetValue(h, Other(f.Property.PropertyType));
            Check($"HelpExchange.{f.Property.Name}", Print(Sample(), Income(), h, Goal()));
        }
        foreach (var f in CheckInContent.GoalFields)
        {
            var g = Goal();
            f.Property.SetValue(g, Other(f.Property.PropertyType));
            Check($"GoalProgress.{f.Property.Name}", Print(Sample(), Income(), Help(), g));
        }
        // A row more or less is a change too.
        Check("one more income line", CheckInContent.Fingerprint(Sample(), [Income(), Income()], [Help()], [Goal()]));
        Check("no help", CheckInContent.Fingerprint(Sample(), [Income()], [], [Goal()]));
        Assert.True(unchanged.Count == 0, "Changing these alone left the fingerprint as it was: " + string.Join(", ", unchanged));
    }

    [Fact]
    public void Not_content_properties_leave_the_fingerprint_alone()
    {
        var a = Sample();
        var b = Sample();
        b.UpdatedAt = DateTimeOffset.UnixEpoch;
        b.Version = 9;
        b.Corrections = 2;
        b.RecordedById = Guid.CreateVersion7();
        Assert.Equal(Print(a, Income(), Help(), Goal()), Print(b, Income(), Help(), Goal()));
        // Rows in another order are the same content.
        var h2 = Help();
        h2.Direction = HelpDirection.Received;
        Assert.Equal(CheckInContent.Fingerprint(a, [], [Help(), h2], []), CheckInContent.Fingerprint(a, [], [h2, Help()], []));
    }

    [Fact]
    public void Summarise_totals_income_and_says_which_way_help_went()
    {
        Assert.Equal(new CheckInSummary(null, false, false), CheckInSummary.Summarise(Array.Empty<long>(), []));
        Assert.Equal(new CheckInSummary(0, false, true), CheckInSummary.Summarise([0L], [HelpDirection.Received]));
        Assert.Equal(new CheckInSummary(355, true, true),
            CheckInSummary.Summarise([100L, 5, 250], [HelpDirection.Given, HelpDirection.Received, HelpDirection.Given]));

        var c = new CheckIn();
        CheckInSummary.Summarise([Income()], [Help()]).ApplyTo(c);
        Assert.Equal((100L, true, false), (c.IncomeTotal!.Value, c.GaveHelp, c.ReceivedHelp));
    }
}
