
namespace Mutua.Core.Tests.Privacy;

public sealed class DisclosureTests
{
    [Theory]
    [InlineData(0, 4, false)]
    [InlineData(0, 9, false)]
    [InlineData(0, 10, true)]
    [InlineData(3, 20, false)]
    [InlineData(5, 20, true)]
    [InlineData(16, 20, false)]
    [InlineData(15, 20, true)]
    [InlineData(9, 9, false)]
    [InlineData(10, 10, true)]
    [InlineData(5, 9, false)]
    [InlineData(5, 10, true)]
    [InlineData(11, 10, false)]
    public void A_count_and_its_complement_must_both_be_safe(long count, long of, bool shown) =>
        Assert.Equal(shown, Disclosure.MayShowCount(count, of));

    [Theory]
    [InlineData(182_345, 180_000)]
    [InlineData(1_870_00, 1_900_00)]
    [InlineData(61_000, 61_000)]
    [InlineData(64_999, 65_000)]
    [InlineData(7, 7)]
    [InlineData(0, 0)]
    [InlineData(-1_234, -1_200)]
    public void Amounts_keep_two_significant_digits(long value, long rounded) =>
        Assert.Equal(rounded, Disclosure.RoundToSignificant(value, 2));

    [Fact]
    public void A_quantile_moves_less_than_a_neighbours_value_when_one_household_jumps_to_an_extreme()
    {
        // The attack of issue 11 finding 1 against the estimator itself: four households at 20,000 … 50,000 and one
        // that moves from 0 to a trillion. Nearest rank landed exactly on a neighbour each time.
        long[] others = [20_000, 30_000, 40_000, 50_000];
        var low = Disclosure.QuartilesOf([0, .. others], 10);
        var high = Disclosure.QuartilesOf([1_000_000_000_000, .. others], 10);
        foreach (var q in new[] { low.Low, low.Median, high.Low, high.Median })
            Assert.DoesNotContain(q.Value!.Value, others);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(37)]
    [InlineData(2_000)]
    [InlineData(9_000)]
    public void The_windowed_estimate_is_the_full_weighted_sum(int n)
    {
        var random = new Random(n);
        var sorted = Enumerable.Range(0, n).Select(_ => (long)(100_000 * Math.Exp(random.NextDouble() * 3))).Order().ToArray();
        foreach (var p in new[] { 0.25, 0.5, 0.75 })
        {
            double a = p * (n + 1), b = (1 - p) * (n + 1), full = 0, below = 0;
            for (var i = 1; i <= n; i++)
            {
                var upTo = i == n ? 1.0 : MathNet.Numerics.SpecialFunctions.BetaRegularized(a, b, (double)i / n);
                full += (upTo - below) * sorted[i - 1];
                below = upTo;
            }
            Assert.Equal(full, Disclosure.HarrellDavis(sorted, p), full * 1e-9);
        }
    }

    [Fact]
    public void Fewer_than_five_amounts_give_no_quartiles() =>
        Assert.Equal(Quartiles.TooFew, Disclosure.QuartilesOf([1, 2, 3, 4], 10));

    [Fact]
    public void Amounts_need_ten_households_behind_them_or_they_say_who_checked_in()
    {
        // Found by an outsider's attack: a group of five showing quartiles said all five had checked in.
        Assert.Equal(Quartiles.TooFew, Disclosure.QuartilesOf([10, 20, 30, 40, 50], 5));
        Assert.Equal(Quartiles.TooFew, Disclosure.QuartilesOf([10, 20, 30, 40, 50, 60], 9));
        Assert.False(Disclosure.QuartilesOf([10, 20, 30, 40, 50], 10).Median.Suppressed);
    }

    private static bool[] Protect(params TableCell[] cells) => Disclosure.Protect(cells, Disclosure.MayShowCount);

    [Fact]
    public void One_unsafe_hidden_cell_takes_the_smallest_shown_part_with_it()
    {
        // 30 of 60 = 12 of 20 + 15 of 20 + 3 of 20: the 3 is unsafe; 12 is the smallest shown part, and 15 of 40 is safe.
        Assert.Equal([true, false, true, false], Protect(new(30, 60, true), new(12, 20, true), new(15, 20, true), new(3, 20, true)));
    }

    [Fact]
    public void Hidden_cells_whose_sum_is_safe_need_nothing_more()
    {
        // 7 + 3 of 40 hidden: their sum, 10 of 40, may be known.
        Assert.Equal([true, true, false, false], Protect(new(30, 80, true), new(20, 40, true), new(7, 20, true), new(3, 20, true)));
        // A part that is never shown but would be safe to see may be derived.
        Assert.Equal([true, true, false], Protect(new(30, 60, true), new(20, 40, true), new(10, 20, false)));
    }

    [Fact]
    public void Two_hidden_cells_whose_sum_is_unsafe_take_another_with_them()
    {
        // 1 + 2 of 10 hidden: the total minus the shown 10 and 12 gives 3 of 10.
        Assert.Equal([true, false, true, false, false], Protect(new(25, 50, true), new(10, 20, true), new(12, 20, true), new(1, 5, true), new(2, 5, true)));
    }

    [Fact]
    public void With_no_part_left_to_hide_the_total_goes()
    {
        Assert.Equal([false, false], Protect(new(8, 20, true), new(3, 10, true)));
    }

    [Fact]
    public void A_lone_hidden_part_is_not_left_as_the_total_minus_the_shown_ones()
    {
        // 16 of 25 is safe and shown; 11 of 15 is unsafe (complement 4) and hidden, so 16 - 5 would give it: the 5 goes too.
        Assert.Equal([true, false, false], Protect(new(16, 25, true), new(5, 10, true), new(11, 15, true)));
    }

    // A hidden total beside parts that are all shown would be their sum: one part is held back too.
    [Fact]
    public void A_hidden_total_is_not_left_as_the_sum_of_shown_parts()
    {
        static bool NotSeven(long value, long of) => value != 7;
        Assert.Equal([false, false, true], Disclosure.Protect([new(7, 20, true), new(3, 10, true), new(4, 10, true)], NotSeven));
    }

    // Of two smallest parts, the first is held back: the same cells hidden for the same figures every time.
    [Fact]
    public void Of_equal_smallest_parts_the_first_is_held_back()
    {
        static bool FiveOrMore(long value, long of) => value >= 5;
        Assert.Equal([true, false, true, true, false],
            Disclosure.Protect([new(18, 40, true), new(5, 10, true), new(5, 10, true), new(6, 10, true), new(2, 10, true)], FiveOrMore));
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(0.0, 0)]
    [InlineData(182_345.0, 180_000)]
    [InlineData(-182_345.0, -180_000)]
    public void Rounding_to_two_significant_digits(double value, long rounded)
    {
        Assert.Equal(rounded, Disclosure.RoundToSignificant(value, 2));
    }
}
