namespace Mutua.Core.Savings;

/// <summary>A payment turned into shares: whole shares only; what is left over is handed back, never savings.</summary>
public readonly record struct SharePurchase(int Shares, long Cost, long Remainder);

/// <summary>A loan's terms as approved (the constitution's rule at that meeting).</summary>
public sealed record LoanTerms(long Principal, DateOnly ApprovedOn, int Months, int ServiceChargeBasisPoints, ServiceChargeBasis Basis)
{
    public DateOnly DueOn => ApprovedOn.AddMonths(Months);
}

/// <summary>Something paid on a loan at a meeting, or the amount a meeting wrote off.</summary>
public readonly record struct LoanMovement(DateOnly On, long Principal, long Charge, bool WriteOff = false);

/// <summary>Where a loan stands on a day, derived from its terms and its movements.</summary>
public sealed record LoanStanding(long Outstanding, long ChargesAccrued, long ChargesPaid, long ChargeDue, long WrittenOff,
    DateOnly DueOn, bool IsLate, int DaysLate)
{
    public bool IsSettled => Outstanding == 0 && ChargeDue == 0;
}

/// <summary>A member's part in a share-out.</summary>
public sealed record ShareOutMember(Guid PersonId, int Shares, long Savings);

public sealed record ShareOutLine(Guid PersonId, int Shares, long Savings, long Payout, long SocialFundPayout);

/// <summary>
/// A share-out: <see cref="ValuePerShare"/> is in minor units and may have a fraction (cash ÷ shares); each payout is
/// shares × value rounded down to the minor unit, computed exactly; what rounding leaves is <see cref="Remainder"/>,
/// carried to the next cycle.
/// </summary>
public sealed record ShareOut(long LoanFundCash, int TotalShares, decimal ValuePerShare, IReadOnlyList<ShareOutLine> Lines,
    long Remainder, long SocialFundBalance, long SocialFundRemainder)
{
    public long TotalPayout => Lines.Sum(l => l.Payout);
}

/// <summary>One bidding round of a chit fund.</summary>
/// <param name="Pot">Every member's contribution.</param>
/// <param name="Discount">What the winner gave up to win the pot.</param>
/// <param name="Commission">The organiser's, out of the discount.</param>
/// <param name="WinnerReceives">The pot less the discount.</param>
/// <param name="DividendEach">Each sharing member's part of the discount less the commission, rounded down.</param>
/// <param name="Undivided">What rounding the dividend leaves, kept in the pot's next round.</param>
/// <param name="NextInstalment">A sharing member's next contribution: the contribution less their dividend.</param>
public sealed record BidRound(long Pot, long Discount, long Commission, long WinnerReceives, int SharingMembers, long DividendEach,
    long Undivided, long NextInstalment);

/// <summary>
/// The arithmetic of savings groups, as plain functions on plain data (no database): shares from a payment, the
/// service charge, loan limits and terms, late loans, the share-out and rotating groups' orders and bids. The
/// service derives every figure it shows from the journal through these.
/// </summary>
public static class SavingsKernel
{
    public const int BasisPointsPerWhole = 10_000;

    /// <summary>⌊payment ÷ price⌋ shares; GH₵23 at GH₵5 buys 4 shares and leaves GH₵3.</summary>
    public static SharePurchase SharesFor(long payment, long sharePrice)
    {
        if (sharePrice <= 0) throw new ArgumentOutOfRangeException(nameof(sharePrice), "a share has a price above zero");
        // Stryker disable once Equality : nothing paid buys nothing either way
        if (payment <= 0) return new SharePurchase(0, 0, Math.Max(payment, 0));
        var shares = payment / sharePrice;
        if (shares > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(payment));
        return new SharePurchase((int)shares, shares * sharePrice, payment - shares * sharePrice);
    }

    /// <summary>A month's service charge: the percent of the original amount or of what is still owed, halves rounded up.</summary>
    public static long MonthlyCharge(ServiceChargeBasis basis, int basisPoints, long principal, long outstanding)
    {
        var on = basis == ServiceChargeBasis.Original ? principal : outstanding;
        // Stryker disable once Equality : a charge on nothing, or at 0 %, rounds to 0 either way; the guard is for less than nothing
        if (on <= 0 || basisPoints <= 0) return 0;
        return (long)(((Int128)on * basisPoints + BasisPointsPerWhole / 2) / BasisPointsPerWhole);
    }

    /// <summary>
    /// A loan on a day. A month's charge is due from the first day of each month of the loan (the day it was approved,
    /// then each month after), on the original amount or on what was owed when that month began, for as long as any
    /// principal is owed; late loans keep being charged. A write-off ends the loan and the charges not yet paid.
    /// </summary>
    public static LoanStanding Standing(LoanTerms terms, IEnumerable<LoanMovement> movements, DateOnly asOf)
    {
        var moves = movements.Where(m => m.On <= asOf).ToList();
        var paid = moves.Where(m => !m.WriteOff).Sum(m => m.Principal);
        var writtenOff = moves.Where(m => m.WriteOff).Sum(m => m.Principal);
        var chargesPaid = moves.Sum(m => m.Charge);
        var outstanding = terms.Principal - paid - writtenOff;
        long accrued = 0;
        for (var k = 0; ; k++)
        {
            var start = terms.ApprovedOn.AddMonths(k);
            if (start > asOf) break;
            // What was owed as the month began: movements of earlier days count, those of its first day do not.
            var owed = terms.Principal - moves.Where(m => m.On < start).Sum(m => m.Principal);
            if (owed <= 0) break;
            accrued += MonthlyCharge(terms.Basis, terms.ServiceChargeBasisPoints, terms.Principal, owed);
        }
        var due = writtenOff > 0 ? 0 : Math.Max(0, accrued - chargesPaid);
        var dueOn = terms.DueOn;
        var late = outstanding > 0 && asOf > dueOn;
        return new LoanStanding(outstanding, accrued, chargesPaid, due, writtenOff, dueOn, late, late ? asOf.DayNumber - dueOn.DayNumber : 0);
    }

    /// <summary>
    /// Whether a meeting may approve a loan: above zero, no longer than the constitution's longest loan, the member's
    /// loans together no more than the multiple of their savings, and no more than the loan fund holds.
    /// </summary>
    public static Failure? CheckLoan(long amount, int months, long memberSavings, long memberOutstanding, long loanFundCash,
        int loanMultiple, int maxLoanMonths)
    {
        if (amount <= 0) return Failure.AmountNotPositive;
        if (months < 1 || months > maxLoanMonths) return Failure.LoanTermTooLong;
        if ((Int128)memberOutstanding + amount > (Int128)loanMultiple * memberSavings) return Failure.LoanOverLimit;
        if (amount > loanFundCash) return Failure.LoanFundShort;
        return null;
    }

    /// <summary>A member's loan limit: the multiple of their savings, less what they owe already.</summary>
    public static long LoanLimit(long memberSavings, long memberOutstanding, int loanMultiple) =>
        Math.Max(0, loanMultiple * memberSavings - memberOutstanding);

    /// <summary>
    /// The share-out: value per share = the loan fund's cash ÷ the shares bought in the cycle; each member gets
    /// shares × value, rounded down to the minor unit; the remainder is carried. The social fund is shared out (in equal
    /// parts, rounded down, among the members in the share-out) only when the constitution says so; otherwise it is untouched.
    /// </summary>
    public static ShareOut ShareOutOf(long loanFundCash, IReadOnlyList<ShareOutMember> members, long socialFundCash, bool shareSocialFund)
    {
        var total = members.Sum(m => m.Shares);
        var cash = Math.Max(0, loanFundCash);
        var sharing = shareSocialFund ? members.Count(m => m.Shares > 0) : 0;
        var socialEach = sharing > 0 ? Math.Max(0, socialFundCash) / sharing : 0;
        var lines = members.Select(m => new ShareOutLine(m.PersonId, m.Shares, m.Savings,
            total == 0 ? 0 : (long)((Int128)m.Shares * cash / total),
            m.Shares > 0 ? socialEach : 0)).ToList();
        var value = total == 0 ? 0m : decimal.Round((decimal)cash / total, 4, MidpointRounding.ToZero);
        var socialPaid = lines.Sum(l => l.SocialFundPayout);
        return new ShareOut(cash, total, value, lines, cash - lines.Sum(l => l.Payout),
            socialFundCash, socialFundCash - socialPaid);
    }

    // ---- rotating groups

    /// <summary>
    /// A lottery order, drawn fairly and again by anyone with the seed: the members in the order of their ids, shuffled
    /// (Fisher–Yates) with SplitMix64 from the seed, a generator simple enough to write down in the group's notebook.
    /// </summary>
    public static IReadOnlyList<Guid> LotteryOrder(IEnumerable<Guid> members, long seed)
    {
        var order = members.Distinct().Order().ToList();
        var state = unchecked((ulong)seed);
        // Stryker disable once Equality : at i = 0 the only choice is to swap the first with itself, and nothing is drawn after it
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = (int)(SplitMix64(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        // Stryker disable Bitwise : on an unsigned number >> and >>> are the same shift
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        // Stryker restore Bitwise
    }

    /// <summary>Who may still receive a pot this cycle: nobody receives twice.</summary>
    public static IReadOnlyList<Guid> StillToReceive(IReadOnlyList<Guid> members, IEnumerable<Guid> received)
    {
        var had = received.ToHashSet();
        return [.. members.Where(m => !had.Contains(m))];
    }

    /// <summary>The next receiver of a fixed or drawn order, or null when everyone has received.</summary>
    public static Guid? NextReceiver(IReadOnlyList<Guid> order, IEnumerable<Guid> received) =>
        StillToReceive(order, received) is [var next, ..] ? next : null;

    /// <summary>
    /// A chit fund's round: the winner receives the pot less their discount; the discount less the organiser's commission
    /// (a percent of the pot) is shared among all members, or all but the winner. ₹1,000,000 of 40 × ₹25,000, a 35 % bid
    /// and a 5 % commission: ₹650,000 to the winner, ₹7,500 to each of the 40, a next instalment of ₹17,500.
    /// </summary>
    public static Outcome<BidRound> Bid(long contribution, int members, long discount, int commissionBasisPoints, bool dividendToWinner)
    {
        if (contribution <= 0 || members < 2) return Failure.InvalidConstitution;
        var pot = contribution * members;
        var commission = (long)((Int128)pot * commissionBasisPoints / BasisPointsPerWhole);
        if (discount < commission || discount >= pot) return Failure.InvalidBid;
        var sharing = dividendToWinner ? members : members - 1;
        var pool = discount - commission;
        var each = pool / sharing;
        return new BidRound(pot, discount, commission, pot - discount, sharing, each, pool - each * sharing, contribution - each);
    }

    /// <summary>A bid given as a percent of the pot, in hundredths of a percent (3500 = 35 %).</summary>
    public static long DiscountOf(long pot, int bidBasisPoints) => (long)((Int128)pot * bidBasisPoints / BasisPointsPerWhole);
}
