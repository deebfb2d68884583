namespace Mutua.Core.Savings;

/// <summary>An entry of the journal as the books need it: which accounts, whose, how much.</summary>
public readonly record struct BookEntry(Guid CycleId, SavingsAccount Debit, SavingsAccount Credit, Guid? PersonId, Guid? LoanId,
    long Amount, int Shares);

/// <summary>
/// A group's balances, summed from its journal every time (nothing is kept as a running total). A balance is
/// debits less credits: an asset (cash, a loan) is positive, what the group owes (savings, the social fund) negative.
/// Each entry moves money within one set of accounts (<see cref="SetOf"/>), so each set adds up to zero.
/// </summary>
public sealed class SavingsBooks
{
    private readonly record struct Key(SavingsAccount Account, Guid CycleId, Guid? PersonId, Guid? LoanId);

    private readonly Dictionary<Key, long> balances = [];
    private readonly Dictionary<(Guid CycleId, Guid PersonId), int> shares = [];

    public long TotalDebits { get; private set; }
    public long TotalCredits { get; private set; }

    public static SavingsBooks Of(IEnumerable<BookEntry> entries)
    {
        var books = new SavingsBooks();
        foreach (var e in entries) books.Add(e);
        return books;
    }

    public void Add(BookEntry e)
    {
        Move(KeyOf(e.Debit, e), e.Amount);
        Move(KeyOf(e.Credit, e), -e.Amount);
        TotalDebits += e.Amount;
        TotalCredits += e.Amount;
        if (e.Shares != 0 && e.PersonId is { } person)
        {
            shares[(e.CycleId, person)] = shares.GetValueOrDefault((e.CycleId, person)) + e.Shares;
        }
    }

    private void Move(Key key, long amount) => balances[key] = balances.GetValueOrDefault(key) + amount;

    // Only the per-member and per-loan accounts are kept apart by member or loan.
    // Stryker disable once Conditional : keeping the group's own accounts apart by member too changes how many keys there are,
    // not any balance the books are asked for (those accounts are never narrowed to a member)
    private static Key KeyOf(SavingsAccount account, BookEntry e) => new(account, e.CycleId,
        account is SavingsAccount.Savings or SavingsAccount.Payouts or SavingsAccount.Contributions or SavingsAccount.RoundPayouts ? e.PersonId : null,
        account == SavingsAccount.Loan ? e.LoanId : null);

    /// <summary>Debits less credits of an account, over every cycle, member and loan unless narrowed.</summary>
    public long Balance(SavingsAccount account, Guid? cycleId = null, Guid? personId = null, Guid? loanId = null) =>
        balances.Where(b => b.Key.Account == account && (cycleId is null || b.Key.CycleId == cycleId)
            && (personId is null || b.Key.PersonId == personId) && (loanId is null || b.Key.LoanId == loanId)).Sum(b => b.Value);

    /// <summary>The cash that should be in the box: every cycle's loan fund, social fund and pot.</summary>
    public long BoxCash => Balance(SavingsAccount.LoanFund) + Balance(SavingsAccount.SocialFundCash) + Balance(SavingsAccount.Pot);

    public long LoanFundCash(Guid cycleId) => Balance(SavingsAccount.LoanFund, cycleId);
    public long SocialFundCash(Guid cycleId) => Balance(SavingsAccount.SocialFundCash, cycleId);
    public long LoanOutstanding(Guid loanId) => Balance(SavingsAccount.Loan, loanId: loanId);
    public long LoansOutstanding(Guid cycleId) => Balance(SavingsAccount.Loan, cycleId);

    /// <summary>What the group owes a member for their shares of a cycle.</summary>
    public long SavingsOf(Guid cycleId, Guid personId) => -Balance(SavingsAccount.Savings, cycleId, personId);
    public int SharesOf(Guid cycleId, Guid personId) => shares.GetValueOrDefault((cycleId, personId));
    public int Shares(Guid cycleId) => shares.Where(s => s.Key.CycleId == cycleId).Sum(s => s.Value);

    /// <summary>The set of accounts an account belongs to: loan fund, social fund, or a rotating group's pot.</summary>
    public static int SetOf(SavingsAccount account) => account switch
    {
        SavingsAccount.SocialFundCash or SavingsAccount.SocialFund => 2,
        SavingsAccount.Pot or SavingsAccount.Contributions or SavingsAccount.RoundPayouts or SavingsAccount.Commission => 3,
        _ => 1,
    };

    /// <summary>A set's accounts added up: zero when the books balance.</summary>
    public long SetTotal(int set, Guid? cycleId = null) =>
        balances.Where(b => SetOf(b.Key.Account) == set && (cycleId is null || b.Key.CycleId == cycleId)).Sum(b => b.Value);
}
