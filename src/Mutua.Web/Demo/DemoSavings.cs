using Microsoft.EntityFrameworkCore;
using Mutua.Core;
using Mutua.Core.Communities;
using Mutua.Core.Savings;

namespace Mutua.Web.Demo;

/// <summary>
/// The demo's savings groups, recorded meeting by meeting through <see cref="SavingsService"/> so their books are
/// the real thing: Rwanda's and Uganda's communities each run a savings and loan group with a year of meetings
/// (shares, social fund, loans repaid with their service charge, a fine or two, a payout from the social fund, one
/// late loan), Fruitvale a tanda, and Dudley a young group of Jamal's (the tests' group: Jamal is its secretary).
/// </summary>
internal static class DemoSavings
{
    private sealed record Plan(string Community, string Name, SavingsGroupKind Kind, int Meetings, int DaysApart, ConstitutionInput Rules,
        Func<IReadOnlyList<(Guid Person, bool Coordinator)>, (Guid Secretary, List<Guid> Members)> Choose);

    /// <param name="fullYear">False for a few meetings per group (the tests' demo: recording a year through the service takes seconds).</param>
    public static async Task SeedAsync(IServiceProvider services, bool fullYear = true)
    {
        await using (var check = services.CreateAsyncScope())
        {
            if (await check.ServiceProvider.GetRequiredService<MutuaDbContext>().SavingsGroups.AnyAsync()) return;
        }
        Plan[] plans =
        [
            // RWF has no minor units: the share is RWF 500, the social fund RWF 200 a week, 5 % a month on what is owed.
            new("Twisungane Nyamagabe", "Itsinda ryo kuzigama Twisungane", SavingsGroupKind.Vsla, 52, 7,
                new ConstitutionInput(500, 5, 200, 5m, ServiceChargeBasis.Outstanding, 3, 3, Fines: [new("Gukererwa", 200), new("Kudaza", 500)]),
                people => Officer(people, 18)),
            new("Walukuba Tusitukire", "Tusitukire Savings Group", SavingsGroupKind.Vsla, 26, 14,
                new ConstitutionInput(2_000, 5, 1_000, 10m, ServiceChargeBasis.Outstanding, 3, 3, Fines: [new("Late", 500), new("Absent", 1_000)]),
                people => Officer(people, 14)),
            // A tanda of ten: each member puts in $100 a fortnight and each fortnight one of them takes the $1,000 pot,
            // in the order they agreed; nine rounds are done, the last is next.
            new("Fruitvale Families", "Tanda de Fruitvale", SavingsGroupKind.Rosca, 9, 14,
                new ConstitutionInput(100_00, 1), people => Officer(people, 10)),
        ];
        foreach (var plan in plans) await SeedGroupAsync(services, fullYear ? plan : plan with { Meetings = Math.Min(plan.Meetings, 6) });
        await SeedDudleyAsync(services);
    }

    /// <summary>The coordinator as secretary, with the first adults of the established households.</summary>
    private static (Guid, List<Guid>) Officer(IReadOnlyList<(Guid Person, bool Coordinator)> people, int count)
    {
        var secretary = people.First(p => p.Coordinator).Person;
        return (secretary, [.. people.Select(p => p.Person).Where(p => p != secretary).Take(count - 1)]);
    }

    private static async Task<IReadOnlyList<(Guid Person, bool Coordinator)>> PeopleAsync(MutuaDbContext db, Guid communityId, DateTimeOffset now)
    {
        // One person per household, the established ones (the two newest are still finding their feet).
        var rows = await db.HouseholdMembers.AsNoTracking()
            .Join(db.Households.Where(h => h.CommunityId == communityId && h.CreatedAt < now.AddDays(-30)), m => m.HouseholdId, h => h.Id,
                (m, h) => new { m.PersonId, m.HouseholdId, h.CreatedAt, m.JoinedAt })
            .ToListAsync();
        var coordinators = await db.CommunityRoles.Where(r => r.CommunityId == communityId && r.Role == Role.Coordinator).Select(r => r.PersonId).ToListAsync();
        return [.. rows.GroupBy(r => r.HouseholdId).Select(g => g.OrderBy(r => r.JoinedAt).First()).OrderBy(r => r.CreatedAt)
            .Select(r => (r.PersonId, coordinators.Contains(r.PersonId)))];
    }

    private static async Task SeedGroupAsync(IServiceProvider services, Plan plan)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutuaDbContext>();
        var savings = scope.ServiceProvider.GetRequiredService<SavingsService>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == plan.Community);
        var (secretary, members) = plan.Choose(await PeopleAsync(db, community.Id, now));
        var viewer = await Viewers.LoadAsync(db, secretary);
        var made = await savings.CreateGroupAsync(viewer, new NewSavingsGroup(community.Id, plan.Name, plan.Kind, members, plan.Rules));
        var group = made.Value ?? throw new InvalidOperationException($"demo savings group {plan.Name}: {made.Failure}");
        var today = await savings.TodayOfAsync(group.Id) ?? DateOnly.FromDateTime(now.UtcDateTime);
        var last = today.AddDays(-3);
        var first = last.AddDays(-plan.DaysApart * (plan.Meetings - 1));
        // The cycle began the day before its first meeting, a year ago (meetings are recorded after the fact).
        await db.SavingsCycles.Where(c => c.Id == group.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.StartedOn, first.AddDays(-1)));
        db.ChangeTracker.Clear();
        await RecordYearAsync(db, savings, viewer, group, plan, first, new Random(plan.Name.Length * 7919));
    }

    private sealed class DemoLoan(Guid id, Guid person, long principal, DateOnly on, int months, int basisPoints, bool late)
    {
        public Guid Id { get; } = id;
        public Guid Person { get; } = person;
        public bool Late { get; } = late;
        public LoanTerms Terms { get; } = new(principal, on, months, basisPoints, ServiceChargeBasis.Outstanding);
        public List<LoanMovement> Moves { get; } = [];
        public long Outstanding => Terms.Principal - Moves.Sum(m => m.Principal);
    }

    /// <summary>
    /// A year of meetings. Members buy one to five shares (a tanda's member one), pay the social fund, now and then a
    /// fine; loans of up to twice a member's savings are repaid monthly with the charge due; one loan goes late.
    /// The cash counted is what the books expect, except once, when the box is short by a little.
    /// </summary>
    private static async Task RecordYearAsync(MutuaDbContext db, SavingsService savings, Viewer viewer, SavingsGroupView group, Plan plan,
        DateOnly first, Random random)
    {
        var rules = plan.Rules;
        var vsla = plan.Kind == SavingsGroupKind.Vsla;
        var people = group.Members.Select(m => m.PersonId).ToList();
        var saved = people.ToDictionary(p => p, _ => 0L);
        var loans = new List<DemoLoan>();
        long box = 0;
        long loanFund = 0;
        long socialFund = 0;
        var meetingsAMonth = 28 / plan.DaysApart;
        var unit = Money.MinorPerUnit(group.Currency);
        // A tanda's order is fixed when it starts (the members' list, as they agreed it); each meeting's pot goes to the next in it.
        var order = vsla ? [] : (await savings.SetPayoutOrderAsync(viewer, group.Id, people)).Value
            ?? throw new InvalidOperationException($"demo payout order of {plan.Name}");
        db.ChangeTracker.Clear();
        // A member with a project borrows for it first, and the family shows "backed by our savings group" on it.
        var projectOf = vsla && await savings.LoanProjectsAsync(viewer, group.Id) is { Succeeded: true } choices
            ? choices.Value!.GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.First().ProjectId)
            : [];
        var backed = new HashSet<Guid>();
        for (var n = 0; n < plan.Meetings; n++)
        {
            var date = first.AddDays(plan.DaysApart * n);
            var attendance = new List<AttendanceInput>();
            var shares = new List<SharesInput>();
            var social = new List<AmountInput>();
            var fines = new List<ReasonedAmountInput>();
            var repayments = new List<RepaymentInput>();
            var requests = new List<LoanRequestInput>();
            var payouts = new List<ReasonedAmountInput>();
            long cashIn = 0, cashOut = 0;
            foreach (var p in people)
            {
                var roll = random.Next(20);
                var status = roll == 0 ? Attendance.Absent : roll == 1 ? Attendance.Representative : Attendance.InPerson;
                attendance.Add(new AttendanceInput(p, status));
                if (status == Attendance.Absent)
                {
                    if (vsla && rules.Fines is { Count: > 1 } f && n % 9 == 4) fines.Add(new ReasonedAmountInput(p, f[1].Amount, f[1].Name));
                    continue;
                }
                var count = vsla ? 1 + random.Next(rules.MaxSharesPerMeeting) : 1;
                shares.Add(new SharesInput(p, count));
                saved[p] += count * rules.SharePrice;
                if (rules.SocialFundPerMeeting > 0) social.Add(new AmountInput(p, rules.SocialFundPerMeeting));
            }
            if (vsla && n % 13 == 6 && rules.Fines is { Count: > 0 } late) fines.Add(new ReasonedAmountInput(people[n % people.Count], late[0].Amount, late[0].Name));

            if (vsla)
            {
                // Repayments: a loan's principal in equal parts over its months, once a month, with the charge due then.
                foreach (var loan in loans.Where(l => !l.Late && l.Outstanding > 0))
                {
                    var since = date.DayNumber - loan.Terms.ApprovedOn.DayNumber;
                    if (since == 0 || since / plan.DaysApart % meetingsAMonth != 0) continue;
                    var part = Math.Min(loan.Outstanding, RoundUp(loan.Terms.Principal / loan.Terms.Months, unit));
                    loan.Moves.Add(new LoanMovement(date, part, 0, false));
                    var due = SavingsKernel.Standing(loan.Terms, loan.Moves, date).ChargeDue;
                    loan.Moves[^1] = new LoanMovement(date, part, due, false);
                    repayments.Add(new RepaymentInput(loan.Id, part, due));
                    cashIn += part + due;
                }
                // New loans, from the fourth meeting on: now and then a member with savings and no loan borrows.
                var fund = loanFund + shares.Sum(s => s.Count * rules.SharePrice) + fines.Sum(f => f.Amount) + repayments.Sum(r => r.Principal + r.Charge);
                var lateOne = n == plan.Meetings - meetingsAMonth * 3;
                if (n >= 3 && (n % 2 == 1 || lateOne))
                {
                    var borrower = people.Where(p => loans.All(l => l.Person != p || l.Outstanding == 0))
                        .OrderBy(p => projectOf.ContainsKey(p) && !backed.Contains(p) && saved[p] > 0 ? 0 : 1).ThenBy(_ => random.Next()).FirstOrDefault();
                    // Round amounts, as people borrow: thousands of francs or shillings, whole dollars.
                    var amount = borrower == Guid.Empty ? 0 : RoundDown(Math.Min(saved[borrower] * 2, fund / 3), unit == 1 ? 1_000 : unit);
                    if (amount > 0)
                    {
                        // The late one: a month's loan, nothing repaid since.
                        Guid? project = projectOf.TryGetValue(borrower, out var p) && backed.Add(borrower) ? p : null;
                        requests.Add(new LoanRequestInput(borrower, amount, lateOne ? 1 : rules.MaxLoanMonths, project));
                        cashOut += amount;
                    }
                }
                if (n % 17 == 10)
                {
                    var amount = Math.Min(socialFund + social.Sum(s => s.Amount), rules.SocialFundPerMeeting * 20);
                    if (amount > 0) payouts.Add(new ReasonedAmountInput(people[(n * 3) % people.Count], amount, n % 2 == 0 ? "Funeral" : "Illness"));
                    cashOut += amount;
                }
            }
            cashIn += shares.Sum(s => s.Count * rules.SharePrice) + social.Sum(s => s.Amount) + fines.Sum(f => f.Amount);
            RoundPayoutInput? round = null;
            if (!vsla && n < order.Count)
            {
                // The whole pot, this round's contributions with anything carried, is counted out to the receiver.
                round = new RoundPayoutInput(order[n].PersonId);
                cashOut += box + cashIn;
            }
            var counted = box + cashIn - cashOut;
            // Once, the box is a little short of the books: the difference is recorded, never hidden.
            // (Not in a tanda: its cash is the pot, and a shortfall would come out of a loan fund it does not have.)
            if (vsla && n == plan.Meetings / 2) counted -= unit == 1 ? 500 : 5 * unit;
            var recorded = await savings.RecordMeetingAsync(viewer, group.Id,
                new MeetingInput(date, counted, attendance, shares, social, payouts, fines, requests, repayments, RoundPayout: round), $"demo-{n}");
            var meeting = recorded.Value ?? throw new InvalidOperationException($"demo meeting {n} of {plan.Name}: {recorded.Failure}");
            db.ChangeTracker.Clear();
            box = meeting.Balances.BoxCash;
            loanFund = meeting.Balances.LoanFund;
            socialFund = meeting.Balances.SocialFund;
            foreach (var r in requests)
            {
                var view = meeting.Loans.First(l => l.PersonId == r.PersonId && l.ApprovedOn == date && loans.All(x => x.Id != l.Id));
                loans.Add(new DemoLoan(view.Id, r.PersonId, r.Amount, date, r.Months ?? rules.MaxLoanMonths,
                    (int)(rules.ServiceChargePercent * 100), r.Months == 1));
            }
        }
        // The families chose to say so on their projects (on the project page, "Show “backed by our savings group”").
        var shown = projectOf.Where(p => backed.Contains(p.Key)).Select(p => p.Value).ToList();
        if (shown.Count > 0) await db.Projects.Where(p => shown.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.ShowsSavingsBacking, true));
    }

    private static long RoundDown(long amount, long step) => step <= 0 ? amount : amount / step * step;

    private static long RoundUp(long amount, long step) => (amount + step - 1) / step * step;

    /// <summary>Jamal's young group in Dudley: ten households, four fortnightly meetings so far.</summary>
    private static async Task SeedDudleyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutuaDbContext>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == "Dudley Neighbors Together");
        var jamal = await db.Users.Where(u => u.Email == "jamal@dudley.example").Select(u => u.Id).SingleAsync();
        var keisha = await db.Users.Where(u => u.Email == "keisha@dudley.example").Select(u => u.Id).SingleAsync();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        // Not Denise's household: the coordinator is not in every group, and its books are its members' own.
        var denise = await db.Users.Where(u => u.Email == "denise@dudley.example").Select(u => u.Id).SingleAsync();
        var deniseHousehold = await db.HouseholdMembers.Where(m => m.PersonId == denise).Select(m => m.HouseholdId).SingleAsync();
        var others = (await PeopleAsync(db, community.Id, now)).Select(p => p.Person)
            .Where(p => p != jamal && p != keisha && !db.HouseholdMembers.Any(m => m.PersonId == p && m.HouseholdId == deniseHousehold)).Take(8).ToList();
        await SeedGroupAsync(services, new Plan(community.Name, "Warren Street Savings Circle", SavingsGroupKind.Vsla, 4, 14,
            new ConstitutionInput(5_00, 5, 1_00, 10m, ServiceChargeBasis.Outstanding, 3, 3),
            _ => (jamal, [keisha, .. others])));
    }
}
