using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace Mutua.Core.CheckIns;

/// <summary>
/// What a person reports in a check-in, as one list, and the fingerprint built from it: a save whose
/// fingerprint equals the stored one changes nothing (no write, no correction). Every public property
/// of <see cref="CheckIn"/> (and of its income, help and goal rows) is either listed here as content
/// or in <see cref="NotContent"/> with the reason; a test fails on a property that is in neither, so a
/// new field cannot be left out of the fingerprint by accident (a save changing only that field would
/// vanish).
/// </summary>
public static class CheckInContent
{
    /// <summary>One part of what a person reports: a property of <typeparamref name="T"/>.</summary>
    public sealed class Field<T>
    {
        private readonly Func<T, object?> _read;

        internal Field(Expression<Func<T, object?>> property)
        {
            var body = property.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : property.Body;
            Property = (PropertyInfo)((MemberExpression)body).Member;
            _read = property.Compile();
        }

        public PropertyInfo Property { get; }

        public string Read(T item) => Convert.ToString(_read(item), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The check-in's own content fields.</summary>
    public static readonly IReadOnlyList<Field<CheckIn>> Fields =
    [
        new(c => c.SavingsBalance), new(c => c.Debts), new(c => c.HealthRating), new(c => c.HealthNotes), new(c => c.EducationNotes),
        new(c => c.Housing), new(c => c.HousingNotes), new(c => c.LeadershipNotes), new(c => c.MeetingsLed), new(c => c.NeedsMask),
        new(c => c.WantsMask), new(c => c.NeedsNotes), new(c => c.WhatsNew), new(c => c.SharedWithGroup),
    ];

    /// <summary>Content held in rows of their own: passed to <see cref="Fingerprint"/> as lists (a save compares the new rows to the stored ones).</summary>
    public static readonly IReadOnlyList<string> Rows = [nameof(CheckIn.Income), nameof(CheckIn.Help), nameof(CheckIn.Goals)];

    public static readonly IReadOnlyList<Field<IncomeLine>> IncomeFields = [new(i => i.Source), new(i => i.Amount)];

    public static readonly IReadOnlyList<Field<HelpExchange>> HelpFields =
        [new(h => h.Direction), new(h => h.Kind), new(h => h.OtherHouseholdId), new(h => h.OtherDescription), new(h => h.Value)];

    public static readonly IReadOnlyList<Field<GoalProgress>> GoalFields = [new(g => g.GoalId), new(g => g.Percent)];

    /// <summary>Properties that are not what a person reports, each with the reason.</summary>
    public static readonly IReadOnlyDictionary<(Type Type, string Property), string> NotContent = new Dictionary<(Type, string), string>
    {
        [(typeof(CheckIn), nameof(CheckIn.Id))] = "identity",
        [(typeof(CheckIn), nameof(CheckIn.HouseholdId))] = "which check-in: the household",
        [(typeof(CheckIn), nameof(CheckIn.Period))] = "which check-in: the month",
        [(typeof(CheckIn), nameof(CheckIn.CommunityId))] = "where it was recorded, set when created",
        [(typeof(CheckIn), nameof(CheckIn.GroupId))] = "where it was recorded, set when created",
        [(typeof(CheckIn), nameof(CheckIn.Currency))] = "the community's currency, set when created",
        [(typeof(CheckIn), nameof(CheckIn.IncomeTotal))] = "summary column, computed from Income by Summarise",
        [(typeof(CheckIn), nameof(CheckIn.GaveHelp))] = "summary column, computed from Help by Summarise",
        [(typeof(CheckIn), nameof(CheckIn.ReceivedHelp))] = "summary column, computed from Help by Summarise",
        [(typeof(CheckIn), nameof(CheckIn.CreatedAt))] = "bookkeeping of the write",
        [(typeof(CheckIn), nameof(CheckIn.UpdatedAt))] = "bookkeeping of the write",
        [(typeof(CheckIn), nameof(CheckIn.RecordedById))] = "bookkeeping of the write",
        [(typeof(CheckIn), nameof(CheckIn.Corrections))] = "bookkeeping of the write",
        [(typeof(CheckIn), nameof(CheckIn.Version))] = "bookkeeping of the write",
        [(typeof(IncomeLine), nameof(IncomeLine.Id))] = "identity",
        [(typeof(IncomeLine), nameof(IncomeLine.CheckInId))] = "its check-in",
        [(typeof(HelpExchange), nameof(HelpExchange.Id))] = "identity",
        [(typeof(HelpExchange), nameof(HelpExchange.CheckInId))] = "its check-in",
        [(typeof(GoalProgress), nameof(GoalProgress.Id))] = "identity",
        [(typeof(GoalProgress), nameof(GoalProgress.CheckInId))] = "its check-in",
        [(typeof(GoalProgress), nameof(GoalProgress.Goal))] = "navigation to the goal GoalId names",
    };

    /// <summary>Everything a person reports in a check-in, as one comparable string.</summary>
    public static string Fingerprint(CheckIn c, IEnumerable<IncomeLine> income, IEnumerable<HelpExchange> help, IEnumerable<GoalProgress> goals) =>
        string.Join("|", Fields.Select(f => f.Read(c))
            .Append(Lines(income, IncomeFields))
            .Append(Lines(help, HelpFields))
            .Append(Lines(goals, GoalFields)));

    // Rows have no order of their own: the same rows in another order are the same content.
    private static string Lines<T>(IEnumerable<T> rows, IReadOnlyList<Field<T>> fields) =>
        string.Join(";", rows.Select(r => string.Join(":", fields.Select(f => f.Read(r)))).Order(StringComparer.Ordinal));
}

/// <summary>The summary columns a check-in keeps beside its rows, so insights read one table.</summary>
public readonly record struct CheckInSummary(long? IncomeTotal, bool GaveHelp, bool ReceivedHelp)
{
    /// <summary>
    /// The one computation of the summary columns, used by <see cref="CheckInService"/>, the demo and
    /// the bench generator: the income total is null when no income was reported (not zero).
    /// </summary>
    public static CheckInSummary Summarise(IEnumerable<long> incomeAmounts, IEnumerable<HelpDirection> help)
    {
        long? total = null;
        foreach (var amount in incomeAmounts) total = (total ?? 0) + amount;
        var gave = false;
        var received = false;
        foreach (var direction in help)
        {
            gave |= direction == HelpDirection.Given;
            received |= direction == HelpDirection.Received;
        }
        return new CheckInSummary(total, gave, received);
    }

    public static CheckInSummary Summarise(IEnumerable<IncomeLine> income, IEnumerable<HelpExchange> help) =>
        Summarise(income.Select(i => i.Amount), help.Select(h => h.Direction));

    public void ApplyTo(CheckIn checkIn)
    {
        checkIn.IncomeTotal = IncomeTotal;
        checkIn.GaveHelp = GaveHelp;
        checkIn.ReceivedHelp = ReceivedHelp;
    }
}
