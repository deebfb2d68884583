using Microsoft.EntityFrameworkCore;
using Mutua.Core.Network;
using Mutua.Core.PersonalData;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Network;

/// <summary>
/// A savings group's loans and social-fund payouts on the help map (issue 14): the money lent is the members' together,
/// so a loan is help from each of the group's other households to the borrower's, in the month of the meeting, as both
/// sides told it (the ledger is their shared record). Kimironko's ten-member VSLA of <see cref="SavingsTestBase"/>.
/// </summary>
public sealed class SavingsOnTheMapTests : SavingsTestBase
{
    private async Task<Guid> SavedAsync()
    {
        var g = await GroupAsync();
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 25_000, Shares: [.. People.Take(10).Select(p => new SharesInput(p.Id, 5))]))).Ok();
        return g.Id;
    }

    private Task<HouseholdCircle> CircleOf(Guid householdId) =>
        Host.Run<NetworkService, HouseholdCircle>(async s => (await s.CircleAsync(await As(W.Claude), householdId, null, null)).Ok());

    private Task<Guid> HomeOf(Guid personId) =>
        Host.Db(db => db.HouseholdMembers.Where(m => m.PersonId == personId).Select(m => m.HouseholdId).SingleAsync());

    [Fact]
    public async Task A_loan_is_help_from_every_other_household_of_the_group_to_the_borrower_in_the_meeting_month_told_by_both()
    {
        var groupId = await SavedAsync();
        var before = await CircleOf(W.BoscoHome.Id);
        Assert.Empty(before.People);

        var date = NextWeek();
        var meeting = new MeetingInput(date, 20_000, Loans: [new LoanRequestInput(P(1), 5_000)]);
        (await Meet(W.Amina, groupId, meeting, key: "loan-meeting")).Ok();
        (await Meet(W.Amina, groupId, meeting, key: "loan-meeting")).Ok();  // a phone retrying: one meeting, one loan, one set of links

        var circle = await CircleOf(W.BoscoHome.Id);
        var lenders = People.Take(10).Where(p => p.Id != W.Bosco.Id).Select(p => p.Id).ToList();
        var lenderHomes = new List<Guid>();
        foreach (var p in lenders) lenderHomes.Add(await HomeOf(p));
        Assert.Equal(lenderHomes.Order(), circle.People.Select(p => p.HouseholdId).Order());
        Assert.All(circle.People, p =>
        {
            Assert.Equal(1, p.MonthsTheyHelped);
            Assert.Equal(0, p.MonthsWeHelped);
            Assert.True(p.Confirmed);
        });
        var period = new Month(date.Year, date.Month).Period;
        var month = Assert.Single(circle.Months, m => m.HelpedUs.Count > 0);
        Assert.Equal(period, month.Period);
        Assert.Equal(9, month.HelpedUs.Count);

        // From a lender's side it is help given, to the borrower alone.
        var amina = await CircleOf(W.AminaHome.Id);
        var borrower = Assert.Single(amina.People);
        Assert.Equal(W.BoscoHome.Id, borrower.HouseholdId);
        Assert.Equal((1, 0), (borrower.MonthsWeHelped, borrower.MonthsTheyHelped));
        Assert.Equal(9, await Host.CountAsync<SavingsHelpLink>());

        // The community's map draws the same nine links, each told by giver and receiver.
        var map = await Host.Run<NetworkService, HelpNetwork>(async s => (await s.ForCommunityAsync(await As(W.Claude), W.Kimironko.Id, null, null)).Ok());
        Assert.Equal(9, map.Links.Count);
        Assert.All(map.Links, l => Assert.True(l.Confirmed && l.ReportedByGiver && l.ReportedByReceiver && l.Months == 1));
        Assert.Single(map.Links.Select(l => l.Receiver).Distinct());
    }

    [Fact]
    public async Task Social_fund_payouts_are_help_to_the_household_paid_once_per_meeting_and_a_refused_meeting_draws_nothing()
    {
        var groupId = await SavedAsync();
        // Refused (the box is short of a loan fund it cannot lower): nothing is drawn.
        (await Meet(W.Amina, groupId, new MeetingInput(NextWeek(), 25_000, SocialFund: [new AmountInput(P(2), 200)],
            SocialFundPayouts: [new ReasonedAmountInput(P(2), 300, "funeral")]))).Fails(Failure.SocialFundShort);
        Assert.Equal(0, await Host.CountAsync<SavingsHelpLink>());

        var social = People.Take(10).Select(p => new AmountInput(p.Id, 200)).ToList();
        (await Meet(W.Amina, groupId, new MeetingInput(NextWeek(), 26_000, SocialFund: social,
            SocialFundPayouts: [new ReasonedAmountInput(P(2), 800, "funeral"), new ReasonedAmountInput(P(2), 200, "transport to the burial")]))).Ok();

        var jean = await CircleOf(W.JeanHome.Id);
        Assert.Equal(9, jean.People.Count);
        Assert.All(jean.People, p => Assert.Equal((0, 1, true), (p.MonthsWeHelped, p.MonthsTheyHelped, p.Confirmed)));
        Assert.Equal(9, await Host.CountAsync<SavingsHelpLink>());
        Assert.All(await Host.Db(db => db.SavingsHelpLinks.ToListAsync()), l =>
            Assert.Equal((SavingsHelpKind.SocialFund, W.JeanHome.Id, W.Kimironko.Id), (l.Kind, l.ReceiverHouseholdId, l.CommunityId)));
    }

    [Fact]
    public async Task A_household_that_closes_leaves_the_map_and_the_others_links_stay()
    {
        var groupId = await SavedAsync();
        (await Meet(W.Amina, groupId, new MeetingInput(NextWeek(), 20_000, Loans: [new LoanRequestInput(P(1), 5_000)]))).Ok();
        var leaving = People[9];
        var leavingHome = await HomeOf(leaving.Id);

        (await Host.Run<AccountClosure, Outcome<ClosedAccount>>(async s => await s.CloseAsync(await As(leaving), null, true))).Ok();

        Assert.Equal(8, await Host.CountAsync<SavingsHelpLink>());
        Assert.False(await Host.Db(db => db.SavingsHelpLinks.AnyAsync(l => l.GiverHouseholdId == leavingHome || l.ReceiverHouseholdId == leavingHome)));
        Assert.Equal(8, (await CircleOf(W.BoscoHome.Id)).People.Count);
    }
}
