using Mutua.Core.Accounts;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

/// <summary>
/// What coordinators and sponsors see of a community's savings groups (issue 14, "What people see"): figures summed from
/// the journal, each through the disclosure rules. The group is the base's VSLA of ten households in Kimironko (RWF).
/// </summary>
public sealed class SavingsRollUpTests : SavingsTestBase
{
    private Task<Outcome<SavingsRollUpView>> RollUp(Person by, Guid communityId) =>
        Host.Run<SavingsRollUp, Outcome<SavingsRollUpView>>(async s => await s.RollUpAsync(await As(by), communityId));

    /// <summary>Kimironko's figures as its coordinator sees them.</summary>
    private async Task<SavingsFigures> FiguresAsync() => Assert.Single((await RollUp(W.Claude, W.Kimironko.Id)).Ok().Community);

    private List<Guid> Ten => [.. People.Take(10).Select(p => p.Id)];

    private static List<AttendanceInput> Marks(IEnumerable<Guid> people, Func<int, Attendance>? status = null) =>
        [.. people.Select((p, i) => new AttendanceInput(p, status?.Invoke(i) ?? Attendance.InPerson))];

    [Fact]
    public async Task Portfolio_at_risk_counts_loans_31_days_late_not_29_and_money_is_rounded_to_two_digits()
    {
        var g = await GroupAsync();
        var all = Ten;
        // 49 shares of RWF 500 (24,500) and RWF 200 each to the social fund.
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 24_500 + 2_000, Marks(all),
            Shares: [.. all.Select((p, i) => new SharesInput(p, i == 9 ? 4 : 5))], SocialFund: [.. all.Select(p => new AmountInput(p, 200))]))).Ok();
        // Five one-month loans of 2,000 and one three-month loan of 3,000.
        var lentOn = NextWeek();
        (await Meet(W.Amina, g.Id, new MeetingInput(lentOn, 26_500 - 13_000, Marks(all),
            Loans: [.. all.Take(5).Select(p => new LoanRequestInput(p, 2_000, 1)), new LoanRequestInput(all[5], 3_000, 3)]))).Ok();
        var due = lentOn.AddMonths(1);
        Host.Clock.Advance(TimeSpan.FromDays(due.AddDays(29).DayNumber - Today.DayNumber));
        Assert.Equal(due.AddDays(29), Today);

        var f = await FiguresAsync();
        Assert.Equal("RWF", f.Currency);
        Assert.Equal(1, f.Groups.Value);
        Assert.Equal(10, f.Members.Value);
        Assert.Equal(10, f.Households.Value);
        Assert.Equal(25_000, f.Savings.Value);            // 24,500 to two significant digits: no member's sum, nor the exact total
        Assert.Equal(13_000, f.LoansOutstanding.Value);   // six borrowers
        Assert.Equal(27_000, f.Assets.Value);             // 11,500 cash + 13,000 lent + 2,000 social fund = 26,500
        Assert.Equal(25_000, f.ProjectedShareOut.Value);  // 24,500: every share worth its 500
        Assert.Equal(100, f.AttendancePercent.Value);     // everyone at both meetings, over ten households
        Assert.Equal(0, f.WrittenOffPercent.Value);
        // 29 days late is not yet at risk: none of ten households is, which may be said.
        Assert.Equal(0, f.PortfolioAtRiskPercent.Value);

        Host.Clock.Advance(TimeSpan.FromDays(2));
        f = await FiguresAsync();
        // 31 days: the five one-month loans (10,000 of 13,000) are at risk; five households late and five not.
        Assert.Equal(77, f.PortfolioAtRiskPercent.Value);
        Assert.Equal(13_000, f.LoansOutstanding.Value);
    }

    [Fact]
    public async Task Attendance_is_over_the_last_four_meetings_representatives_count_as_present_and_few_absent_households_are_too_few()
    {
        var g = await GroupAsync();
        var all = Ten;
        async Task Meeting(Func<int, Attendance> status) => (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 0, Marks(all, status)))).Ok();

        await Meeting(i => i < 5 ? Attendance.Absent : Attendance.InPerson);
        for (var n = 0; n < 3; n++) await Meeting(_ => Attendance.InPerson);
        // 35 of 40 marks; five households missed a meeting and five did not.
        Assert.Equal(88, (await FiguresAsync()).AttendancePercent.Value);

        await Meeting(i => i < 5 ? Attendance.Representative : Attendance.InPerson);
        // The first meeting is no longer one of the last four; a representative is a presence.
        Assert.Equal(100, (await FiguresAsync()).AttendancePercent.Value);

        await Meeting(i => i == 0 ? Attendance.Absent : Attendance.InPerson);
        // 39 of 40 would say that one household missed a meeting.
        var f = await FiguresAsync();
        Assert.Null(f.AttendancePercent.Value);
        Assert.Equal(Withheld.TooFew, f.AttendancePercent.Withheld);
        Assert.Equal(10, f.Members.Value);
    }

    [Fact]
    public async Task The_written_off_share_is_of_this_cycles_lending_and_shown_once_five_households_have_had_a_loan_written_off()
    {
        var g = await GroupAsync();
        var all = Ten;
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 25_000, Shares: [.. all.Select(p => new SharesInput(p, 5))]))).Ok();
        // Nothing lent yet, over ten households: nothing to measure.
        Assert.Equal(Withheld.NothingToMeasure, (await FiguresAsync()).WrittenOffPercent.Withheld);
        var lent = (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 19_000,
            Loans: [.. all.Take(6).Select(p => new LoanRequestInput(p, 1_000, 1))]))).Ok();
        var loanOf = lent.Loans.ToDictionary(l => l.PersonId, l => l.Id);

        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 19_000, Decisions: new MeetingDecisions(WriteOffs: [loanOf[all[0]]])))).Ok();
        var f = await FiguresAsync();
        Assert.Null(f.WrittenOffPercent.Value);
        Assert.Equal(Withheld.TooFew, f.WrittenOffPercent.Withheld);

        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 19_000,
            Decisions: new MeetingDecisions(WriteOffs: [.. all.Skip(1).Take(4).Select(p => loanOf[p])])))).Ok();
        f = await FiguresAsync();
        Assert.Equal(83, f.WrittenOffPercent.Value);       // 5,000 of 6,000
        // One loan still owed: one household's own figure, too few.
        Assert.Null(f.LoansOutstanding.Value);
        Assert.Equal(25_000, f.Savings.Value);
    }

    [Fact]
    public async Task Ten_members_from_four_households_are_too_few_to_show_even_how_many_groups_there_are()
    {
        var homes = new List<Mutua.Core.Communities.Household>();
        for (var h = 0; h < 4; h++) homes.Add(await Host.HouseholdAsync(W.Kimironko.Id, W.Umucyo.Id, $"Home {h}"));
        var people = new List<Person>();
        for (var i = 0; i < 10; i++)
        {
            var p = await Host.PersonAsync($"Kin{i}");
            await Host.JoinAsync(p.Id, homes[i % 4]);
            people.Add(p);
        }
        (await Create(people[0], new NewSavingsGroup(W.Kimironko.Id, "Kin", SavingsGroupKind.Vsla, [.. people.Select(p => p.Id)], Rules))).Ok();

        var f = await FiguresAsync();
        foreach (var cell in new[] { f.Groups, f.Members, f.Households, f.Savings, f.LoansOutstanding, f.PortfolioAtRiskPercent, f.AttendancePercent,
                     f.WrittenOffPercent, f.Assets, f.ProjectedShareOut })
        {
            Assert.Null(cell.Value);
            Assert.Equal(Withheld.TooFew, cell.Withheld);
        }

        // With the ten households of the base's group beside them, the community has fourteen: shown, each household once.
        await GroupAsync();
        f = await FiguresAsync();
        Assert.Equal(2, f.Groups.Value);
        Assert.Equal(20, f.Members.Value);
        Assert.Equal(14, f.Households.Value);
    }

    [Fact]
    public async Task Coordinators_sponsors_and_admins_see_it_members_and_supporters_of_the_community_are_refused_and_others_find_nothing()
    {
        await GroupAsync();
        Assert.Single((await RollUp(W.Claude, W.Kimironko.Id)).Ok().Community);
        Assert.Single((await RollUp(W.Sara, W.Kimironko.Id)).Ok().Community);
        Assert.Single((await RollUp(W.Ada, W.Kimironko.Id)).Ok().Community);

        // The group's own members see its books on its pages, not this; nor does a member of the community outside it.
        (await RollUp(W.Amina, W.Kimironko.Id)).Fails(Failure.Forbidden);
        (await RollUp(W.Jean, W.Kimironko.Id)).Fails(Failure.Forbidden);
        var supporter = await Host.WithRoleAsync(W.Kimironko.Id, Role.Supporter, "Funder");
        (await RollUp(supporter, W.Kimironko.Id)).Fails(Failure.Forbidden);

        // Another community's people get what an id that does not exist gets.
        (await RollUp(W.Dora, W.Kimironko.Id)).Fails(Failure.NotFound);
        (await RollUp(W.Odongo, W.Kimironko.Id)).Fails(Failure.NotFound);
        var otherSponsor = await Host.WithRoleAsync(W.Gulu.Id, Role.Sponsor, "Agency");
        (await RollUp(otherSponsor, W.Kimironko.Id)).Fails(Failure.NotFound);
        (await RollUp(W.Claude, Guid.NewGuid())).Fails(Failure.NotFound);

        // A community without a savings group: nothing to show, and no set of figures.
        Assert.Empty((await RollUp(W.Odongo, W.Gulu.Id)).Ok().Community);
    }

    [Fact]
    public async Task Across_communities_figures_are_by_currency_and_a_community_too_small_to_show_adds_nothing_to_them()
    {
        await GroupAsync();
        // Huye (RWF): a rotating group of four households. Gulu (UGX): one of two.
        var huye = await Host.CommunityAsync("Huye");
        var huyeA = await Host.GroupAsync(huye.Id, "Huye A");
        var small = new List<Person>();
        for (var i = 0; i < 4; i++) small.Add((await Host.MemberAsync(huye.Id, huyeA.Id, $"Huye{i}")).Person);
        (await Create(small[0], new NewSavingsGroup(huye.Id, "Tontine", SavingsGroupKind.Rosca, [.. small.Select(p => p.Id)],
            new ConstitutionInput(1_000, 1)))).Ok();
        var okello = (await Host.MemberAsync(W.Gulu.Id, W.GuluA.Id, "Okello")).Person;
        (await Create(W.Dora, new NewSavingsGroup(W.Gulu.Id, "Gulu circle", SavingsGroupKind.Rosca, [W.Dora.Id, okello.Id],
            new ConstitutionInput(5_000, 1)))).Ok();
        await Host.GrantAsync(huye.Id, W.Sara.Id, Role.Sponsor);
        await Host.GrantAsync(W.Gulu.Id, W.Sara.Id, Role.Sponsor);

        var view = (await RollUp(W.Sara, W.Kimironko.Id)).Ok();
        Assert.Equal(3, view.CommunitiesAcross);
        Assert.Equal(["RWF", "UGX"], view.Across.Select(a => a.Currency));
        var rwf = view.Across[0];
        // Kimironko's group only: Huye's four households are counted nowhere, so no total less Kimironko gives them back.
        Assert.Equal(1, rwf.Communities);
        Assert.Equal(1, rwf.Figures.Groups.Value);
        Assert.Equal(10, rwf.Figures.Members.Value);
        Assert.Equal(Assert.Single(view.Community), rwf.Figures);
        var ugx = view.Across[1];
        Assert.Equal(0, ugx.Communities);
        Assert.Equal(Withheld.TooFew, ugx.Figures.Groups.Withheld);

        // Huye's own page says too few, not "no group".
        var huyeFigures = Assert.Single((await RollUp(W.Sara, huye.Id)).Ok().Community);
        Assert.Equal(Withheld.TooFew, huyeFigures.Groups.Withheld);
        // Claude coordinates Kimironko only: his totals are Kimironko's.
        Assert.Equal(1, (await RollUp(W.Claude, W.Kimironko.Id)).Ok().CommunitiesAcross);
    }

    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(1, 1_000, 1)]      // a little is not nothing
    [InlineData(999, 1_000, 99)]   // nearly all is not all
    [InlineData(1, 2, 50)]
    [InlineData(7, 8, 88)]         // 87.5: halves away from zero
    [InlineData(100, 100, 100)]
    public void Shares_are_whole_percents_and_0_and_100_mean_exactly_none_and_all(long part, long whole, long percent) =>
        Assert.Equal(percent, SavingsRollUpKernel.Percent(part, whole));

    [Fact]
    public void A_loan_is_at_risk_once_it_is_more_than_30_days_late_and_only_while_something_is_owed()
    {
        var due = new DateOnly(2026, 3, 1);
        Assert.False(SavingsRollUpKernel.IsAtRisk(due, 1, due.AddDays(29)));
        Assert.False(SavingsRollUpKernel.IsAtRisk(due, 1, due.AddDays(30)));
        Assert.True(SavingsRollUpKernel.IsAtRisk(due, 1, due.AddDays(31)));
        Assert.False(SavingsRollUpKernel.IsAtRisk(due, 0, due.AddDays(31)));
    }

    [Theory]
    [InlineData(0, 9, false)]   // "nobody has a loan" of nine households
    [InlineData(0, 10, true)]
    [InlineData(4, 20, false)]  // near enough one household's own figure
    [InlineData(5, 5, true)]
    public void A_total_of_money_needs_five_households_behind_it_or_none_of_ten(long behind, long of, bool shown) =>
        Assert.Equal(shown, Disclosure.MayShowTotal(behind, of));
}
