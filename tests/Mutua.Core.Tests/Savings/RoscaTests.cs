using Mutua.Core.Accounts;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

/// <summary>Rotating groups: an order fixed or drawn (with its seed kept), one pot per round, nobody twice in a cycle.</summary>
public sealed class RoscaTests : SavingsTestBase
{
    private Task<Outcome<IReadOnlyList<RoscaTurnView>>> SetOrder(Person by, Guid groupId, IReadOnlyList<Guid>? order) =>
        Host.Run<SavingsService, Outcome<IReadOnlyList<RoscaTurnView>>>(async s => await s.SetPayoutOrderAsync(await As(by), groupId, order));

    private async Task<SavingsGroupView> TandaAsync(RoscaPayoutOrder order) =>
        (await Create(W.Amina, new NewSavingsGroup(W.Kimironko.Id, $"Tanda {order}", SavingsGroupKind.Rosca, [W.Bosco.Id, W.Jean.Id],
            new ConstitutionInput(SharePrice: 1_000, PayoutOrder: order)))).Ok();

    [Fact]
    public async Task In_a_fixed_order_each_round_pays_the_pot_to_the_next_one_and_nobody_receives_twice()
    {
        var g = await TandaAsync(RoscaPayoutOrder.Fixed);
        (await SetOrder(W.Bosco, g.Id, [W.Bosco.Id, W.Amina.Id, W.Jean.Id])).Fails(Failure.Forbidden);
        (await SetOrder(W.Amina, g.Id, [W.Bosco.Id, W.Amina.Id])).Fails(Failure.NotSavingsMember);
        var order = (await SetOrder(W.Amina, g.Id, [W.Bosco.Id, W.Amina.Id, W.Jean.Id])).Ok();
        Assert.Equal([W.Bosco.Id, W.Amina.Id, W.Jean.Id], order.Select(t => t.PersonId));
        (await SetOrder(W.Amina, g.Id, [W.Jean.Id, W.Amina.Id, W.Bosco.Id])).Fails(Failure.NotTheirTurn);

        var everyone = new[] { W.Amina, W.Bosco, W.Jean }.Select(p => new SharesInput(p.Id, 1)).ToList();
        var d1 = NextWeek();
        (await Meet(W.Amina, g.Id, new MeetingInput(d1, 0, Shares: everyone, RoundPayout: new RoundPayoutInput(W.Amina.Id)))).Fails(Failure.NotTheirTurn);
        var first = (await Meet(W.Amina, g.Id, new MeetingInput(d1, 0, Shares: everyone, RoundPayout: new RoundPayoutInput(W.Bosco.Id)))).Ok();
        Assert.Equal(0, first.BoxDifference);
        Assert.Equal(0, first.Balances.BoxCash);

        // Bosco keeps paying after receiving, and cannot receive again.
        var d2 = NextWeek();
        (await Meet(W.Amina, g.Id, new MeetingInput(d2, 0, Shares: everyone, RoundPayout: new RoundPayoutInput(W.Bosco.Id)))).Fails(Failure.NotTheirTurn);
        (await Meet(W.Amina, g.Id, new MeetingInput(d2, 0, Shares: everyone, RoundPayout: new RoundPayoutInput(W.Amina.Id)))).Ok();
        var turns = (await Host.Run<SavingsService, Outcome<IReadOnlyList<RoscaTurnView>>>(async s =>
            await s.PayoutOrderAsync(await As(W.Jean), g.Id))).Ok();
        Assert.Equal([true, true, false], turns.Select(t => t.Paid));
        var bosco = (await Passbook(W.Jean, g.Id, W.Bosco.Id)).Ok();
        Assert.Equal([SavingsEntryKind.Contribution, SavingsEntryKind.RoundPayout, SavingsEntryKind.Contribution], bosco.Lines.Select(l => l.Kind));
        Assert.Equal(3_000, bosco.Lines[1].Amount);
    }

    [Fact]
    public async Task A_lottery_order_is_drawn_once_with_its_seed_kept_so_anyone_can_draw_it_again()
    {
        var g = await TandaAsync(RoscaPayoutOrder.Lottery);
        var order = (await SetOrder(W.Amina, g.Id, null)).Ok();
        var seed = await Host.Db(db => Task.FromResult(db.SavingsCycles.Single(c => c.GroupId == g.Id).LotterySeed));
        Assert.NotNull(seed);
        Assert.Equal(SavingsKernel.LotteryOrder([W.Amina.Id, W.Bosco.Id, W.Jean.Id], seed.Value), order.Select(t => t.PersonId));
        Assert.Equal([1, 2, 3], order.Select(t => t.Round));
    }
}
