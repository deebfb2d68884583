using Mutua.Core.CheckIns;

namespace Mutua.Core.Tests.CheckIns;

public sealed class MonthTests
{
    [Theory]
    [InlineData("en", "US", "November 2026", "11/1/2026")]
    [InlineData("es", "US", "noviembre de 2026", "1/11/2026")]
    [InlineData("fr", "RW", "novembre 2026", "01/11/2026")]
    [InlineData("sw", "UG", "Novemba 2026", "01/11/2026")]
    [InlineData("rw", "RW", "Ugushyingo 2026", "01/11/2026")]
    [InlineData("rw", null, "Ugushyingo 2026", "01/11/2026")]
    public void A_month_and_a_date_read_in_each_language_s_own_order(string language, string? country, string month, string date)
    {
        var culture = Money.ConventionsFor(language, country);
        Assert.Equal(month, new Month(2026, 11).ToString(culture));
        Assert.Equal(date, new DateTime(2026, 11, 1).ToString("d", culture));
    }

    [Fact]
    public void A_window_defaults_its_end_and_its_length_and_refuses_one_backwards_or_too_long()
    {
        var last = new Month(2026, 3);
        Assert.Equal((new Month(2025, 4), last), Month.Window(null, null, last, 12, 60));
        Assert.Equal((new Month(2026, 1), new Month(2026, 2)), Month.Window(new Month(2026, 1), new Month(2026, 2), last, 12, 60));
        // Only the start given: up to the default end; only the end: the default length back from it.
        Assert.Equal((new Month(2020, 1), last), Month.Window(new Month(2020, 1), null, last, 12, 100));
        Assert.Equal((new Month(2000, 1), new Month(2000, 12)), Month.Window(null, new Month(2000, 12), last, 12, 60));
        Assert.Equal((new Month(2021, 4), last), Month.Window(new Month(2021, 4), null, last, 12, 60));
        Assert.Null(Month.Window(new Month(2021, 3), null, last, 12, 60));
        Assert.Null(Month.Window(new Month(2026, 4), null, last, 12, 60));
        Assert.Equal(new Month(1999, 12), new Month(2000, 1).Back(1));
        Assert.Equal(new Month(2000, 1), new Month(2000, 1).Back(0));
    }

    [Fact]
    public void A_month_written_yyyy_MM_is_read()
    {
        Assert.True(Month.TryParse("2026-03", out var m));
        Assert.Equal(new Month(2026, 3), m);
        Assert.Equal("2026-03", m.ToString());
        Assert.Equal(202603, m.Period);
        Assert.Equal(m, Month.FromPeriod(m.Period));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("26-03")]
    [InlineData("2026-3")]
    [InlineData("2026/03")]
    [InlineData("2026-03-01")]
    [InlineData(" 2026-03")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(Month.TryParse(text, out _), $"\"{text}\" was read as a month");
    }

    [Theory]
    [InlineData("0001-01")]
    [InlineData("1999-12")]
    [InlineData("2100-01")]
    [InlineData("9999-12")]
    public void A_month_outside_2000_to_2099_is_refused_and_says_so(string text)
    {
        Assert.False(Month.TryParse(text, out _), $"\"{text}\" was read as a month");
        Assert.Equal(Mutua.Core.Failure.MonthOutOfRange, Month.Read(text, out _));
        Assert.Equal(Mutua.Core.Failure.MonthOutOfRange, Month.ReadWindow("2026-01", text, out _, out _));
        Assert.Equal(Mutua.Core.Failure.MonthOutOfRange, Month.ReadWindow(text, null, out _, out _));
    }

    [Fact]
    public void The_ends_of_the_range_are_read_and_a_window_may_leave_out_either_month()
    {
        Assert.Null(Month.Read("2000-01", out var first));
        Assert.Equal(Month.Earliest, first);
        Assert.Null(Month.Read("2099-12", out var last));
        Assert.Equal(Month.Latest, last);
        Assert.Equal(Mutua.Core.Failure.InvalidMonth, Month.Read("2026-13", out _));
        Assert.Null(Month.ReadWindow(null, "", out var from, out var to));
        Assert.Null(from);
        Assert.Null(to);
        Assert.Null(Month.ReadWindow("2025-02", "2026-01", out from, out to));
        Assert.Equal((new Month(2025, 2), new Month(2026, 1)), (from!.Value, to!.Value));
    }

    [Fact]
    public void Previous_and_next_cross_years()
    {
        Assert.Equal(new Month(2025, 12), new Month(2026, 1).Previous);
        Assert.Equal(new Month(2027, 1), new Month(2026, 12).Next);
        Assert.Equal(new Month(2026, 6), new Month(2026, 7).Previous);
        Assert.Equal(new Month(2026, 8), new Month(2026, 7).Next);
        Assert.Equal(new Month(2026, 1), new Month(2026, 1).Previous.Next);
        Assert.Equal(["2025-11", "2025-12", "2026-01", "2026-02"],
            Month.Range(new Month(2025, 11), new Month(2026, 2)).Select(m => m.ToString()));
    }

    // Kigali is UTC+2 all year: March closes at 2026-04-11 00:00 local = 2026-04-10 22:00 UTC.
    // Los Angeles is on daylight time (UTC-7) in April: March closes at 2026-04-11 00:00 local = 2026-04-11 07:00 UTC.
    [Theory]
    [InlineData("Africa/Kigali", "2026-03-01T00:00:00+02:00", MonthState.Open)]
    [InlineData("Africa/Kigali", "2026-02-28T21:59:00Z", MonthState.Future)]
    [InlineData("Africa/Kigali", "2026-02-28T22:00:00Z", MonthState.Open)]
    [InlineData("Africa/Kigali", "2026-04-10T21:59:59Z", MonthState.Open)]
    [InlineData("Africa/Kigali", "2026-04-10T22:00:00Z", MonthState.Closed)]
    [InlineData("America/Los_Angeles", "2026-04-11T06:59:59Z", MonthState.Open)]
    [InlineData("America/Los_Angeles", "2026-04-11T07:00:00Z", MonthState.Closed)]
    [InlineData("America/Los_Angeles", "2026-03-01T07:59:59Z", MonthState.Future)] // still 28 February, 23:59 (UTC-8)
    [InlineData("America/Los_Angeles", "2026-03-01T08:00:00Z", MonthState.Open)]
    [InlineData("America/Los_Angeles", "2027-01-01T00:00:00Z", MonthState.Closed)]
    public void March_2026_is_open_during_the_month_and_ten_days_after_in_the_communitys_time_zone(string zone, string utc, MonthState expected)
    {
        var clock = new Support.ManualClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, new Month(2026, 3).StateAt(clock.GetUtcNow(), zone));
    }

    [Fact]
    public void A_month_moves_from_future_to_open_to_closed_as_the_clock_moves()
    {
        var clock = new Support.ManualClock(new DateTimeOffset(2026, 11, 30, 21, 59, 0, TimeSpan.Zero)); // 23:59 in Kigali
        var december = new Month(2026, 12);
        Assert.Equal(MonthState.Future, december.StateAt(clock.GetUtcNow(), "Africa/Kigali"));
        Assert.Equal(MonthState.Open, december.StateAt(clock.GetUtcNow(), "Asia/Tokyo")); // already 1 December there
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(MonthState.Open, december.StateAt(clock.GetUtcNow(), "Africa/Kigali"));
        Assert.Equal(new Month(2026, 12), Month.Current(clock.GetUtcNow(), "Africa/Kigali"));
        Assert.Equal(new Month(2026, 11), Month.Current(clock.GetUtcNow(), "America/Los_Angeles"));
        clock.Advance(TimeSpan.FromDays(41) - TimeSpan.FromSeconds(1)); // 2027-01-10 23:59:59 in Kigali
        Assert.Equal(MonthState.Open, december.StateAt(clock.GetUtcNow(), "Africa/Kigali"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(MonthState.Closed, december.StateAt(clock.GetUtcNow(), "Africa/Kigali"));
    }

    // Found by mutation testing (docs/testing.md): each of these survived a mutant.

    [Fact]
    public void A_window_of_one_month_is_allowed()
    {
        var march = new Month(2026, 3);
        Assert.Equal((march, march), Month.Window(march, march, march, 12, 60));
    }

    [Fact]
    public void When_both_ends_of_a_window_are_wrong_the_start_is_the_one_reported()
    {
        Assert.Equal(Mutua.Core.Failure.InvalidMonth, Month.ReadWindow("March", "1999-01", out _, out _));
        Assert.Equal(Mutua.Core.Failure.MonthOutOfRange, Month.ReadWindow("1999-01", "March", out _, out _));
    }

    [Fact]
    public void A_month_reads_as_its_name_and_year_and_short_on_a_chart_axis()
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        Assert.Equal("March 2026", new Month(2026, 3).ToString(culture));
        Assert.Equal("Mar 26", new Month(2026, 3).ToShortString(culture));
    }

    [Fact]
    public void At_most_and_at_least_hold_for_the_same_month_and_only_one_way_for_two()
    {
        Month march = new(2026, 3), april = new(2026, 4), alsoMarch = new(2026, 3);
        Assert.True(march <= alsoMarch);
        Assert.True(march >= alsoMarch);
        Assert.True(march <= april);
        Assert.False(april <= march);
        Assert.True(april >= march);
        Assert.False(march >= april);
    }
}
