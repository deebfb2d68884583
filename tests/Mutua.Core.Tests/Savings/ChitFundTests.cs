using Mutua.Core.Accounts;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

/// <summary>
/// Bidding (chit) groups through the meeting: the round goes to a member who has not received, the winner takes the pot less
/// their discount, the organiser the commission out of it, and the rest is shared as a dividend, all in the group's books.
/// </summary>
public sealed class ChitFundTests : SavingsTestBase
{
    private async Task<SavingsGroupView> ChitAsync(int members, long contribution, decimal commissionPercent, bool dividendToWinner)
    {
        await GroupAsync(size: 10); // the base's people
        while (People.Count < members)
            People.Add((await Host.MemberAsync(W.Kimironko.Id, W.Umucyo.Id, $"Saver{People.Count}")).Person);
        return (await Create(W.Amina, new NewSavingsGroup(W.Kimironko.Id, $"Chit of {members}", SavingsGroupKind.Rosca,
            [.. People.Take(members).Skip(1).Select(p => p.Id)],
            new ConstitutionInput(SharePrice: contribution, PayoutOrder: RoscaPayoutOrder.Bidding, CommissionPercent: commissionPercent,
                DividendToWinner: dividendToWinner)))).Ok();
    }

    private List<SharesInput> Everyone(int members) => [.. People.Take(members).Select(p => new SharesInput(p.Id, 1))];

    private Task<IReadOnlyList<RoscaTurnView>> Turns(Person by, Guid groupId) =>
        Host.Run<SavingsService, IReadOnlyList<RoscaTurnView>>(async s => (await s.PayoutOrderAsync(await As(by), groupId)).Ok());

    [Fact]
    public async Task The_published_example_a_35_percent_bid_on_a_pot_of_a_million_pays_650_000_and_a_dividend_of_7_500()
    {
        // ₹1,000,000 of 40 × ₹25,000; a 35 % bid; 5 % to the organiser; the other 30 % shared by all 40.
        var g = await ChitAsync(40, 25_000, 5, dividendToWinner: true);
        var winner = P(7);
        var record = (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 0, Shares: Everyone(40),
            RoundPayout: new RoundPayoutInput(winner, Discount: 350_000)))).Ok();
        Assert.Equal(0, record.BoxDifference);
        Assert.Equal(0, record.Balances.BoxCash); // 40 × 7,500 = 300,000 shares the discount less the commission exactly

        var passbook = (await Passbook(W.Jean, g.Id, winner)).Ok();
        Assert.Equal([(SavingsEntryKind.Contribution, 25_000L), (SavingsEntryKind.RoundPayout, 650_000L), (SavingsEntryKind.Dividend, 7_500L)],
            passbook.Lines.Select(l => (l.Kind, l.Amount)));
        var other = (await Passbook(W.Jean, g.Id, P(3))).Ok();
        Assert.Equal([(SavingsEntryKind.Contribution, 25_000L), (SavingsEntryKind.Dividend, 7_500L)], other.Lines.Select(l => (l.Kind, l.Amount)));

        var turn = Assert.Single(await Turns(W.Jean, g.Id));
        Assert.Equal((1, winner, true, 350_000L, 7_500L, 17_500L),
            (turn.Round, turn.PersonId, turn.Paid, turn.Discount, turn.DividendEach, turn.NextInstalment));
        var commission = await Host.Db(db => Task.FromResult(db.SavingsEntries
            .Where(e => e.GroupId == g.Id && e.Kind == SavingsEntryKind.Commission).Sum(e => e.Amount)));
        Assert.Equal(50_000, commission);
    }

    [Fact]
    public async Task Nobody_wins_twice_and_a_bid_must_cover_the_commission_and_leave_something_of_the_pot()
    {
        var g = await ChitAsync(5, 10_000, 5, dividendToWinner: false);
        var week = NextWeek();
        // Below the 5 % commission (2,500 of 50,000), or the whole pot: no bid.
        (await Meet(W.Amina, g.Id, new MeetingInput(week, 0, Shares: Everyone(5), RoundPayout: new RoundPayoutInput(P(1), 2_499)))).Fails(Failure.InvalidBid);
        (await Meet(W.Amina, g.Id, new MeetingInput(week, 0, Shares: Everyone(5), RoundPayout: new RoundPayoutInput(P(1), 50_000)))).Fails(Failure.InvalidBid);
        (await Meet(W.Amina, g.Id, new MeetingInput(week, 0, Shares: Everyone(5), RoundPayout: new RoundPayoutInput(P(1))))).Fails(Failure.InvalidBid);
        // A member has not paid in yet: the round cannot pay out a pot that is not there.
        (await Meet(W.Amina, g.Id, new MeetingInput(week, 0, Shares: Everyone(4), RoundPayout: new RoundPayoutInput(P(1), 5_000)))).Fails(Failure.PotShort);

        // 5,000 bid: 2,500 commission, 2,500 shared by the four others (the winner takes no dividend here), 625 each.
        var first = (await Meet(W.Amina, g.Id, new MeetingInput(week, 0, Shares: Everyone(5), RoundPayout: new RoundPayoutInput(P(1), 5_000)))).Ok();
        Assert.Equal(0, first.Balances.BoxCash);
        Assert.Equal(45_000, (await Passbook(W.Amina, g.Id, P(1))).Ok().Lines.Where(l => l.Kind == SavingsEntryKind.RoundPayout).Sum(l => l.Amount));
        Assert.DoesNotContain((await Passbook(W.Amina, g.Id, P(1))).Ok().Lines, l => l.Kind == SavingsEntryKind.Dividend);
        Assert.Equal(625, (await Passbook(W.Amina, g.Id, P(2))).Ok().Lines.Single(l => l.Kind == SavingsEntryKind.Dividend).Amount);

        var next = NextWeek();
        (await Meet(W.Amina, g.Id, new MeetingInput(next, 0, Shares: Everyone(5), RoundPayout: new RoundPayoutInput(P(1), 6_000)))).Fails(Failure.NotTheirTurn);
        // 2,999 bid: 499 to share among four leaves 3 in the pot, carried to the next round.
        var second = (await Meet(W.Amina, g.Id, new MeetingInput(next, 3, Shares: Everyone(5), RoundPayout: new RoundPayoutInput(P(2), 2_999)))).Ok();
        Assert.Equal(3, second.Balances.BoxCash);
        Assert.Equal(0, second.BoxDifference);
        Assert.Equal([1, 2], (await Turns(W.Bosco, g.Id)).Select(t => t.Round));
    }

    [Fact]
    public async Task A_discount_is_refused_in_a_group_that_does_not_bid()
    {
        var g = (await Create(W.Amina, new NewSavingsGroup(W.Kimironko.Id, "Fixed tanda", SavingsGroupKind.Rosca, [W.Bosco.Id, W.Jean.Id],
            new ConstitutionInput(SharePrice: 1_000, PayoutOrder: RoscaPayoutOrder.Fixed)))).Ok();
        (await Host.Run<SavingsService, Outcome<IReadOnlyList<RoscaTurnView>>>(async s =>
            await s.SetPayoutOrderAsync(await As(W.Amina), g.Id, [W.Bosco.Id, W.Amina.Id, W.Jean.Id]))).Ok();
        var everyone = new[] { W.Amina, W.Bosco, W.Jean }.Select(p => new SharesInput(p.Id, 1)).ToList();
        var week = NextWeek();
        (await Meet(W.Amina, g.Id, new MeetingInput(week, 0, Shares: everyone, RoundPayout: new RoundPayoutInput(W.Bosco.Id, 500)))).Fails(Failure.InvalidBid);
        // Nothing in the pot yet: nothing to pay.
        (await Meet(W.Amina, g.Id, new MeetingInput(week, 0, RoundPayout: new RoundPayoutInput(W.Bosco.Id)))).Fails(Failure.PotShort);
        (await Meet(W.Amina, g.Id, new MeetingInput(week, 0, Shares: everyone, RoundPayout: new RoundPayoutInput(W.Bosco.Id)))).Ok();
    }
}
