using System.Globalization;

namespace Mutua.Core.CheckIns;

/// <summary>A calendar month in a community's time zone (DESIGN §3), written "yyyy-MM".</summary>
public readonly record struct Month(int Year, int Number) : IComparable<Month>
{
    /// <summary>A month closes for plain edits this many days after it ends; later changes are corrections.</summary>
    public const int EditableDaysAfterEnd = 10;

    public int Period => Year * 100 + Number;

    public static Month FromPeriod(int period) => new(period / 100, period % 100);

    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (!DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        month = new Month(d.Year, d.Month);
        return true;
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
