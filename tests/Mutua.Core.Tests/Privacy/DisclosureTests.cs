using Mutua.Core.Privacy;

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
        var low = Disclosure.QuartilesOf([0, .. others]);
        var high = Disclosure.QuartilesOf([1_000_000_000_000, .. others]);
        foreach (var q in new[] { low.Low, low.Median, high.Low, high.Median })
            Assert.DoesNotContain(q.Value!.Value, others);
    }

    [Fact]
    public void Fewer_than_five_amounts_give_no_quartiles() =>
        Assert.Equal(Quartiles.TooFew, Disclosure.QuartilesOf([1, 2, 3, 4]));

    [Fact]
    public void Exactly_one_unsafe_hidden_cell_takes_the_smallest_shown_part_with_it()
    {
        // Total 30 = 12 + 15 + 3: the 3 is unsafe; 12 is the smallest shown part.
        var shown = Disclosure.Protect([new(30, true, true), new(12, true, true), new(15, true, true), new(3, true, false)]);
        Assert.Equal([true, false, true, false], shown);
    }

    [Fact]
    public void Two_hidden_cells_or_a_safe_one_need_nothing_more()
    {
        Assert.Equal([true, true, false, false],
            Disclosure.Protect([new(30, true, true), new(20, true, true), new(7, true, false), new(3, true, false)]));
        // A part that is never shown but would be safe to see may be derived.
        Assert.Equal([true, true, false],
            Disclosure.Protect([new(30, true, true), new(20, true, true), new(10, false, true)]));
    }

    [Fact]
    public void With_no_part_left_to_hide_the_total_goes()
    {
        Assert.Equal([false, false],
            Disclosure.Protect([new(8, true, true), new(3, true, false)]));
    }
}
