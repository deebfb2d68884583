using MathNet.Numerics;

namespace Mutua.Core;

/// <summary>A published number, or "too few to show" when the disclosure rules hold it back.</summary>
public readonly record struct Cell(long? Value)
{
    public bool Suppressed => Value is null;
    public static readonly Cell TooFew = new(null);
}

public sealed record Quartiles(Cell Low, Cell Median, Cell High)
{
    public static readonly Quartiles TooFew = new(Cell.TooFew, Cell.TooFew, Cell.TooFew);
}

/// <summary>One cell of a table whose cells add up to a total (a month's groups and the community), before it is published.</summary>
/// <param name="Value">The true count.</param>
/// <param name="Of">How many households it is a count of.</param>
/// <param name="Shown">Whether the cell would be published; a part that never is (the households in no group) is false.</param>
public record struct TableCell(long Value, long Of, bool Shown);

/// <summary>
/// The one place that decides what an aggregate may show (DESIGN §6, docs/privacy.md). Every feature that
/// publishes a figure about households — insights, the help map's summary, savings, surveys — asks here.
/// <list type="bullet">
/// <item>Threshold: nothing rests on fewer than <see cref="MinHouseholds"/> households.</item>
/// <item>A count of households with some trait is shown only when both it and its complement are 0 or at least
/// <see cref="MinHouseholds"/>; 0 and "all of them" only over <see cref="MinForAllOrNothing"/> households or more.</item>
/// <item>Amounts are Harrell–Davis quantiles (a weighted mean of every value, never one household's own figure),
/// rounded to <see cref="SignificantDigits"/> significant digits.</item>
/// <item>Complementary suppression: where cells add up to a total, never exactly one of them is hidden.</item>
/// </list>
/// </summary>
public static class Disclosure
{
    public const int MinHouseholds = 5;
    public const int MinForAllOrNothing = 10;
    public const int SignificantDigits = 2;

    /// <summary>Whether "<paramref name="count"/> of <paramref name="of"/> households" may be shown.</summary>
    public static bool MayShowCount(long count, long of)
    {
        // (Fewer than five households, a negative count or more than all of them fail the rules below by themselves.)
        // None or all of them says something about every one of them: only over a larger number.
        if (count == 0 || count == of) return of >= MinForAllOrNothing;
        return count >= MinHouseholds && of - count >= MinHouseholds;
    }

    /// <summary>
    /// Whether a total of money that <paramref name="behind"/> of <paramref name="of"/> households put there (savings, loans
    /// outstanding) may be shown, rounded: over fewer than five it is near enough one household's own figure; a total of
    /// nothing says "none of them" and needs the larger number, as a count of none does.
    /// </summary>
    public static bool MayShowTotal(long behind, long of) =>
        behind == 0 ? of >= MinForAllOrNothing : behind >= MinHouseholds;

    /// <summary>How many households a group or community has: no trait, so only the threshold applies.</summary>
    public static bool MayShowSize(long households) => households == 0 || households >= MinHouseholds;

    /// <summary>
    /// Lower quartile, median and upper quartile of amounts that at least five of <paramref name="of"/> households
    /// gave. Showing them at all says that five or more gave one: over fewer than ten households that says it of
    /// nearly all of them (all five of five checked in), so amounts need ten households behind the figure.
    /// </summary>
    public static Quartiles QuartilesOf(IReadOnlyList<long> amounts, long of)
    {
        if (amounts.Count < MinHouseholds || Math.Max(of, amounts.Count) < MinForAllOrNothing) return Quartiles.TooFew;
        var sorted = amounts.Order().ToArray();
        return new Quartiles(Amount(HarrellDavis(sorted, 0.25)), Amount(HarrellDavis(sorted, 0.5)), Amount(HarrellDavis(sorted, 0.75)));
    }

    private static Cell Amount(double value) => new(RoundToSignificant(value, SignificantDigits));

    /// <summary>
    /// The Harrell–Davis estimate of the p-quantile: every order statistic weighted by a Beta((n+1)p, (n+1)(1-p))
    /// distribution. Unlike the nearest-rank quantile it is not one household's figure, and moving one value to
    /// either extreme shifts the weights instead of landing the quantile on a neighbour's exact amount.
    /// </summary>
    internal static double HarrellDavis(IReadOnlyList<long> sorted, double p)
    {
        var n = sorted.Count;
        double a = p * (n + 1), b = (1 - p) * (n + 1);
        // The Beta weights are all but zero more than a few standard deviations from p: for thousands of
        // households only a few hundred order statistics count, and the incomplete beta is the costly part.
        // Ten standard deviations either way leave out less than 1e-20 of the weight, so the window's exact width decides
        // nothing a rounded figure could show (mutation testing: every change to it survives, as it should).
        // Stryker disable once Arithmetic : see above
        var spread = 10 * Math.Sqrt(p * (1 - p) / (n + 2)) + 2.0 / n;
        int first = Math.Max(1, (int)Math.Floor(n * (p - spread))), last = Math.Min(n, (int)Math.Ceiling(n * (p + spread)));
        // The regularized incomplete beta is 0 at 0 and 1 at 1, so the first and last weights need no special case.
        double sum = 0, below = SpecialFunctions.BetaRegularized(a, b, (double)(first - 1) / n);
        for (var i = first; i <= last; i++)
        {
            var upTo = SpecialFunctions.BetaRegularized(a, b, (double)i / n);
            sum += (upTo - below) * sorted[i - 1];
            below = upTo;
        }
        // What lies beyond the window is left out, not spread over it: less than 1e-20 of the weight.
        return sum;
    }

    /// <summary>182,345 → 180,000: two significant digits, in the amount's own minor units.</summary>
    public static long RoundToSignificant(double value, int digits)
    {
        // Stryker disable once Logical : NaN comes out 0 either way (double-to-integer conversions saturate); the check says so
        if (value == 0 || double.IsNaN(value)) return 0;
        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var step = Math.Pow(10, Math.Max(0, magnitude - digits + 1));
        return (long)(Math.Round(value / step, MidpointRounding.AwayFromZero) * step);
    }

    /// <summary>
    /// Complementary suppression for cells that add up to a total (index 0), the parts after it. Subtracting the
    /// shown parts from a shown total gives the sum of the hidden ones: that sum, as a count of their households
    /// together, must itself be safe; and a hidden total must not be the sum of shown parts. Until both hold, the
    /// smallest shown part (or the total, when no part is left) is held back too. Returns which cells are shown.
    /// </summary>
    public static bool[] Protect(IReadOnlyList<TableCell> cells, Func<long, long, bool> safe)
    {
        var shown = cells.Select(c => c.Shown && safe(c.Value, c.Of)).ToArray();
        while (true)
        {
            var hidden = Enumerable.Range(1, cells.Count - 1).Where(i => !shown[i]).ToList();
            var exposed = shown[0]
                ? hidden.Count > 0 && !safe(hidden.Sum(i => cells[i].Value), hidden.Sum(i => cells[i].Of))
                : hidden.Count == 0 && !safe(cells[0].Value, cells[0].Of);
            if (!exposed) return shown;
            var partner = Enumerable.Range(1, cells.Count - 1).Where(i => shown[i])
                .OrderBy(i => cells[i].Value).ThenBy(i => i).Cast<int?>().FirstOrDefault() ?? 0;
            if (!shown[partner]) return shown; // nothing is shown: nothing to subtract from
            shown[partner] = false;
        }
    }
}
