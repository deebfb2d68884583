using System.Globalization;

namespace Mutua.Core;

/// <summary>A calendar month in a community's time zone (DESIGN §3), written "yyyy-MM".</summary>
public readonly record struct Month(int Year, int Number) : IComparable<Month>
{
    /// <summary>A month closes for plain edits this many days after it ends; later changes are corrections.</summary>
    public const int EditableDaysAfterEnd = 10;

    public int Period => Year * 100 + Number;

    public static Month FromPeriod(int period) => new(period / 100, period % 100);

    /// <summary>
    /// The first month Mutua reads from a person or a caller. Check-ins began with the platform (2026); a hub
    /// typing in its paper records reaches back years, not decades, and 2000 leaves room for that. Earlier
    /// months hold nothing, and near year 1 the date arithmetic of a window (twelve months back, the day
    /// before a month begins) leaves the calendar: that was a 500 (issue 11, finding 6).
    /// </summary>
    public static readonly Month Earliest = new(2000, 1);

    /// <summary>
    /// The last month read. Not "a few years from now": parsing needs no clock, so a link reads the same on
    /// every node, every day and in every test. A far window costs nothing (at most 60 months, future months
    /// are never kept, check-ins refuse them), and 2099 keeps Next and the ten days after a month's end far
    /// from year 9999.
    /// </summary>
    public static readonly Month Latest = new(2099, 12);

    /// <summary>A month written "yyyy-MM" between <see cref="Earliest"/> and <see cref="Latest"/>.</summary>
    public static bool TryParse(string? text, out Month month) => Read(text, out month) is null;

    /// <summary>
    /// Reads a month as <see cref="TryParse"/> does and says why not: <see cref="Failure.InvalidMonth"/> when it is
    /// not "yyyy-MM", <see cref="Failure.MonthOutOfRange"/> when it is outside <see cref="Earliest"/> … <see cref="Latest"/>.
    /// </summary>
    public static Failure? Read(string? text, out Month month)
    {
        month = default;
        if (!DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return Failure.InvalidMonth;
        var read = new Month(d.Year, d.Month);
        if (read < Earliest || read > Latest) return Failure.MonthOutOfRange;
        month = read;
        return null;
    }

    /// <summary>The "from" and "to" of a window: either may be absent (null), a present one must be readable.</summary>
    public static Failure? ReadWindow(string? from, string? to, out Month? start, out Month? end)
    {
        var fromFailure = ReadOptional(from, out start);
        var toFailure = ReadOptional(to, out end);
        return fromFailure ?? toFailure;
    }

    /// <summary>
    /// The one window of months every view over time uses (insights, the help map, attention, a household's circle), after
    /// <see cref="ReadWindow"/> read what was asked: an absent end is <paramref name="lastByDefault"/>, an absent start
    /// <paramref name="months"/> months back to the end's month included. Null (a refusal: <see cref="Failure.InvalidMonth"/>)
    /// when the start is after the end or the window is longer than <paramref name="maxMonths"/>.
    /// </summary>
    public static (Month Start, Month End)? Window(Month? from, Month? to, Month lastByDefault, int months, int maxMonths)
    {
        var end = to ?? lastByDefault;
        var start = from ?? end.Back(months - 1);
        if (start > end || (end.Year - start.Year) * 12 + end.Number - start.Number + 1 > maxMonths) return null;
        return (start, end);
    }

    /// <summary>The month <paramref name="months"/> before this one.</summary>
    public Month Back(int months)
    {
        var index = Year * 12 + (Number - 1) - months;
        return new Month(index / 12, index % 12 + 1);
    }

    private static Failure? ReadOptional(string? text, out Month? month)
    {
        month = null;
        if (string.IsNullOrEmpty(text)) return null;
        var failure = Read(text, out var m);
        if (failure is null) month = m;
        return failure;
    }

    /// <summary>The month it is now where the community lives.</summary>
    public static Month Current(DateTimeOffset now, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone(timeZone));
        return new Month(local.Year, local.Month);
    }

    public Month Previous => Number == 1 ? new Month(Year - 1, 12) : new Month(Year, Number - 1);
    public Month Next => Number == 12 ? new Month(Year + 1, 1) : new Month(Year, Number + 1);

    public static IEnumerable<Month> Range(Month from, Month to)
    {
        for (var m = from; m.CompareTo(to) <= 0; m = m.Next) yield return m;
    }

    public MonthState StateAt(DateTimeOffset now, string timeZone)
    {
        var current = Current(now, timeZone);
        if (CompareTo(current) > 0) return MonthState.Future;
        var local = TimeZoneInfo.ConvertTime(now, Zone(timeZone)).DateTime;
        var closes = new DateTime(Next.Year, Next.Number, 1).AddDays(EditableDaysAfterEnd);
        return local < closes ? MonthState.Open : MonthState.Closed;
    }

    public int CompareTo(Month other) => Period.CompareTo(other.Period);

    public override string ToString() => $"{Year:D4}-{Number:D2}";

    public string ToString(CultureInfo culture) => new DateTime(Year, Number, 1).ToString("Y", culture);

    /// <summary>"Nov 26": short enough for a chart's axis on a phone.</summary>
    public string ToShortString(CultureInfo culture) => new DateTime(Year, Number, 1).ToString("MMM yy", culture);

    private static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool operator <(Month a, Month b) => a.CompareTo(b) < 0;
    public static bool operator >(Month a, Month b) => a.CompareTo(b) > 0;
    public static bool operator <=(Month a, Month b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Month a, Month b) => a.CompareTo(b) >= 0;
}

public enum MonthState { Open, Closed, Future }
