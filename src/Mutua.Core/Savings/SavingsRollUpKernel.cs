namespace Mutua.Core.Savings;

/// <summary>
/// One savings group's open cycle as the roll-up needs it: no names, no amounts per member, only totals and which
/// households (never which people) stand behind each of them.
/// </summary>
/// <param name="Households">The households of its active members (a member with no household in the community counts with none: fewer, never more).</param>
/// <param name="Members">How many people are active members.</param>
/// <param name="Savings">What the group owes its members for the shares bought this cycle.</param>
/// <param name="LoanFund">The loan fund's cash.</param>
/// <param name="SocialFund">The social fund's cash.</param>
/// <param name="LoansOutstanding">Principal still owed on the cycle's loans.</param>
/// <param name="AtRisk">Principal still owed on loans more than <see cref="SavingsRollUpKernel.AtRiskAfterDays"/> days late.</param>
/// <param name="Savers">Households with shares this cycle.</param>
/// <param name="Borrowers">Households with a loan still owed.</param>
/// <param name="Late">Households with a loan more than 30 days late.</param>
/// <param name="Disbursed">Principal lent this cycle (corrected loans left out).</param>
/// <param name="WrittenOff">Principal written off this cycle.</param>
/// <param name="WrittenOffHouseholds">Households with a loan written off this cycle.</param>
/// <param name="AttendanceRecords">Attendance marks of the group's last four meetings that took attendance.</param>
/// <param name="Attended">Of them, present in person or by a representative.</param>
/// <param name="Absent">Households with someone absent from one of those meetings.</param>
/// <param name="ProjectedShareOut">What the share-out would pay if the cycle closed today, loans counted as repaid.</param>
public sealed record SavingsGroupFacts(Guid GroupId, Guid CommunityId, string Currency, SavingsGroupKind Kind,
    IReadOnlySet<Guid> Households, int Members, long Savings, long LoanFund, long SocialFund, long LoansOutstanding, long AtRisk,
    IReadOnlySet<Guid> Savers, IReadOnlySet<Guid> Borrowers, IReadOnlySet<Guid> Late, long Disbursed, long WrittenOff,
    IReadOnlySet<Guid> WrittenOffHouseholds, long AttendanceRecords, long Attended, IReadOnlySet<Guid> Absent, long ProjectedShareOut);

/// <summary>Why a figure is not shown: too few households behind it, or nothing to measure yet (no loans, no meetings).</summary>
public enum Withheld { TooFew = 1, NothingToMeasure = 2 }

/// <summary>A published figure of the roll-up, or why it is held back; <see cref="Value"/> is null exactly when it is.</summary>
public readonly record struct RollUpCell(long? Value, Withheld? Withheld)
{
    public static readonly RollUpCell TooFew = new(null, Savings.Withheld.TooFew);
    public static readonly RollUpCell Nothing = new(null, Savings.Withheld.NothingToMeasure);
    public static RollUpCell Of(long value) => new(value, null);
    public bool Shown => Value is not null;
}

/// <summary>
/// The savings groups of a community (or of several, in one currency) as facilitating agencies and coordinators see
/// them. Counts as counted; money rounded to two significant digits; shares in whole percent (0 and 100 only when
/// exactly none or all).
/// </summary>
public sealed record SavingsFigures(string Currency, RollUpCell Groups, RollUpCell Members, RollUpCell Households, RollUpCell Savings,
    RollUpCell LoansOutstanding, RollUpCell PortfolioAtRiskPercent, RollUpCell AttendancePercent, RollUpCell WrittenOffPercent,
    RollUpCell Assets, RollUpCell ProjectedShareOut);

/// <summary>
/// Many groups' facts added up: sums of money and marks, unions of households (a household with members in two groups
/// counts once), before anything is held back.
/// </summary>
public sealed class SavingsTally
{
    public int Groups { get; private set; }
    public long Members { get; private set; }
    public HashSet<Guid> Households { get; } = [];
    public HashSet<Guid> Savers { get; } = [];
    public HashSet<Guid> Borrowers { get; } = [];
    public HashSet<Guid> Late { get; } = [];
    public HashSet<Guid> WrittenOffHouseholds { get; } = [];
    public HashSet<Guid> Absent { get; } = [];
    public long Savings { get; private set; }
    public long LoanFund { get; private set; }
    public long SocialFund { get; private set; }
    public long LoansOutstanding { get; private set; }
    public long AtRisk { get; private set; }
    public long Disbursed { get; private set; }
    public long WrittenOff { get; private set; }
    public long AttendanceRecords { get; private set; }
    public long Attended { get; private set; }
    public long ProjectedShareOut { get; private set; }

    private readonly List<SavingsGroupFacts> groups = [];

    public static SavingsTally Of(IEnumerable<SavingsGroupFacts> groups)
    {
        var tally = new SavingsTally();
        foreach (var g in groups) tally.Add(g);
        return tally;
    }

    public void Add(SavingsGroupFacts g)
    {
        groups.Add(g);
        Groups++;
        Members += g.Members;
        Households.UnionWith(g.Households);
        Savers.UnionWith(g.Savers);
        Borrowers.UnionWith(g.Borrowers);
        Late.UnionWith(g.Late);
        WrittenOffHouseholds.UnionWith(g.WrittenOffHouseholds);
        Absent.UnionWith(g.Absent);
        Savings += g.Savings;
        LoanFund += g.LoanFund;
        SocialFund += g.SocialFund;
        LoansOutstanding += g.LoansOutstanding;
        AtRisk += g.AtRisk;
        Disbursed += g.Disbursed;
        WrittenOff += g.WrittenOff;
        AttendanceRecords += g.AttendanceRecords;
        Attended += g.Attended;
        ProjectedShareOut += g.ProjectedShareOut;
    }

    /// <summary>Another tally's groups, one by one (so their households are joined, never counted twice).</summary>
    public void Add(SavingsTally t)
    {
        foreach (var g in t.groups) Add(g);
    }
}

/// <summary>
/// The arithmetic of the savings roll-up, on plain data: every figure through <see cref="Disclosure"/> (docs/privacy.md,
/// "Savings groups, from outside"). The households behind a figure decide whether it is shown:
/// <list type="bullet">
/// <item>Everything needs at least 5 households in the groups (members are people; their households are counted).</item>
/// <item>A total of money rests on the households that put it there (savers, borrowers): 5 or more, or none of 10 or more
/// (<see cref="Disclosure.MayShowTotal"/>); it is rounded to two significant digits, so no one's own figure shows.</item>
/// <item>A share that says something about some households (late on a loan, written off, absent) follows the count of
/// those households (<see cref="Disclosure.MayShowCount"/>): 5 or more and 5 or more without, or none or all of 10 or more.</item>
/// </list>
/// </summary>
public static class SavingsRollUpKernel
{
    /// <summary>PAR30: a loan is at risk once its repayment is more than 30 days late.</summary>
    public const int AtRiskAfterDays = 30;

    /// <summary>How many of a group's latest meetings its attendance is measured over.</summary>
    public const int AttendanceMeetings = 4;

    /// <summary>Whether a loan still owed and due on <paramref name="dueOn"/> is more than 30 days late on <paramref name="asOf"/>.</summary>
    public static bool IsAtRisk(DateOnly dueOn, long outstanding, DateOnly asOf) =>
        outstanding > 0 && asOf.DayNumber - dueOn.DayNumber > AtRiskAfterDays;

    /// <summary>The figures of a tally of groups of one currency, held back where the rules say.</summary>
    public static SavingsFigures Publish(string currency, SavingsTally t)
    {
        long n = t.Households.Count;
        // Below the threshold nothing is shown, not even how many groups or people there are.
        if (n < Disclosure.MinHouseholds)
        {
            var few = RollUpCell.TooFew;
            return new SavingsFigures(currency, few, few, few, few, few, few, few, few, few, few);
        }
        var givers = new HashSet<Guid>(t.Savers);
        givers.UnionWith(t.Borrowers);
        return new SavingsFigures(currency,
            RollUpCell.Of(t.Groups),
            RollUpCell.Of(t.Members),
            RollUpCell.Of(n), // five or more, as said above
            Total(t.Savings, t.Savers.Count, n),
            Total(t.LoansOutstanding, t.Borrowers.Count, n),
            Share(t.AtRisk, t.LoansOutstanding, t.Late.Count, n),
            Share(t.Attended, t.AttendanceRecords, t.Absent.Count, n),
            Share(t.WrittenOff, t.Disbursed, t.WrittenOffHouseholds.Count, n),
            Total(t.LoanFund + t.LoansOutstanding + t.SocialFund, givers.Count, n),
            Total(t.ProjectedShareOut, t.Savers.Count, n));
    }

    /// <summary>A total of money from <paramref name="behind"/> of <paramref name="of"/> households, rounded.</summary>
    private static RollUpCell Total(long total, long behind, long of) =>
        Disclosure.MayShowTotal(behind, of) ? RollUpCell.Of(Disclosure.RoundToSignificant(total, Disclosure.SignificantDigits)) : RollUpCell.TooFew;

    /// <summary>
    /// <paramref name="part"/> of <paramref name="whole"/> as a percent, where <paramref name="marked"/> of <paramref name="of"/>
    /// households are the ones the share is about. Nothing to measure (no loans, no meetings) is said only when saying
    /// "none of them" may be: otherwise it is too few too.
    /// </summary>
    private static RollUpCell Share(long part, long whole, long marked, long of)
    {
        if (!Disclosure.MayShowCount(marked, of)) return RollUpCell.TooFew;
        return whole <= 0 ? RollUpCell.Nothing : RollUpCell.Of(Percent(part, whole));
    }

    /// <summary>A whole percent, halves away from zero; 0 and 100 only for exactly none and all (0.3 % is 1 %, 99.7 % is 99 %).</summary>
    public static long Percent(long part, long whole)
    {
        if (whole <= 0 || part <= 0) return 0;
        if (part >= whole) return 100;
        var percent = (long)Math.Round((decimal)part * 100 / whole, MidpointRounding.AwayFromZero);
        return Math.Clamp(percent, 1, 99);
    }

    /// <summary>
    /// Several communities' groups of one currency added up, figure by figure, from the communities where that figure is
    /// shown: a community whose figure is too few to show adds nothing to any total, so no total minus the shown parts
    /// gives back a hidden one, whichever set of communities a person sees.
    /// </summary>
    public static (SavingsFigures Figures, int Communities) Across(string currency, IReadOnlyList<SavingsTally> communities)
    {
        var published = communities.Select(c => (Tally: c, Figures: Publish(currency, c))).ToList();
        // A figure's total is published like a community's: the parts that show it pass its rule, and so does their sum.
        RollUpCell Cell(Func<SavingsFigures, RollUpCell> figure)
        {
            var sum = new SavingsTally();
            foreach (var (tally, _) in published.Where(p => figure(p.Figures).Withheld != Withheld.TooFew)) sum.Add(tally);
            return figure(Publish(currency, sum));
        }
        var figures = new SavingsFigures(currency, Cell(f => f.Groups), Cell(f => f.Members), Cell(f => f.Households), Cell(f => f.Savings),
            Cell(f => f.LoansOutstanding), Cell(f => f.PortfolioAtRiskPercent), Cell(f => f.AttendancePercent),
            Cell(f => f.WrittenOffPercent), Cell(f => f.Assets), Cell(f => f.ProjectedShareOut));
        return (figures, published.Count(p => p.Figures.Groups.Shown));
    }
}
