using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Network;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Network;

/// <summary>Kimironko's help network; the clock stands at 2026-11-23 in Kigali.</summary>
public sealed class NetworkServiceTests : WorldTests
{
    private static readonly Month September = new(2026, 9);
    private static readonly Month October = new(2026, 10);
    private static readonly Month November = new(2026, 11);

    private async Task Save(Person who, Household home, Month month, params HelpEntry[] help) =>
        (await Host.Run<CheckInService, Outcome<CheckInView>>(async s => await s.SaveAsync(await As(who), home.Id, month,
            new CheckInInput(Help: help)))).Ok();

    private static HelpEntry Gave(Household to) => new(HelpDirection.Given, HelpKind.Food, to.Id, null, null);
    private static HelpEntry GotFrom(Household from) => new(HelpDirection.Received, HelpKind.Childcare, from.Id, null, null);

    private async Task<Outcome<HelpNetwork>> Network(Person who, Month? from = null, Month? to = null, Guid? community = null) =>
        await Host.Run<NetworkService, Outcome<HelpNetwork>>(async s => await s.ForCommunityAsync(await As(who), community ?? W.Kimironko.Id, from, to));

    /// <summary>
    /// Two more households in Umucyo (Clarisse, Didier), so Kimironko has five, and all five carry their
    /// names to the community (households choose; until then nobody sees their name).
    /// </summary>
    private async Task<(Person Clarisse, Household ClarisseHome, Person Didier, Household DidierHome)> FiveHouseholds(
        NameOnMap names = NameOnMap.Community)
    {
        var (clarisse, clarisseHome) = await Host.MemberAsync(W.Kimironko.Id, W.Umucyo.Id, "Clarisse");
        var (didier, didierHome) = await Host.MemberAsync(W.Kimironko.Id, W.Umucyo.Id, "Didier");
        await Host.Db(db => db.Households.Where(h => h.CommunityId == W.Kimironko.Id).ExecuteUpdateAsync(x => x.SetProperty(h => h.NameOnMap, names)));
        return (clarisse, clarisseHome, didier, didierHome);
    }

    private Task Choose(Person member, Household home, NameOnMap choice) =>
        Host.Run<HouseholdSharingService>(async s => (await s.SetNameOnMapAsync(await As(member), home.Id, choice)).Ok());

    private static NetworkHousehold Node(HelpNetwork n, Household h) => n.Households.Single(x => x.HouseholdId == h.Id);

    private static NetworkLink Link(HelpNetwork n, Household giver, Household receiver) =>
        n.Links.Single(l => n.Households[l.Giver].HouseholdId == giver.Id && n.Households[l.Receiver].HouseholdId == receiver.Id);

    [Fact]
    public async Task Help_both_sides_reported_is_confirmed_and_help_one_side_reported_is_kept_and_marked()
    {
        var (clarisse, clarisseHome, _, didierHome) = await FiveHouseholds();
        await Save(W.Amina, W.AminaHome, October, Gave(W.BoscoHome));
        await Save(W.Bosco, W.BoscoHome, October, GotFrom(W.AminaHome));
        await Save(W.Jean, W.JeanHome, October, Gave(W.AminaHome));
        await Save(clarisse, clarisseHome, November, GotFrom(didierHome), Gave(W.JeanHome));

        var n = (await Network(W.Claude, October, November)).Ok();

        Assert.True(n.ShowsNames);
        Assert.False(n.TooFew);
        Assert.Equal(5, n.Households.Count);
        Assert.Equal(4, n.Links.Count);
        Assert.True(Link(n, W.AminaHome, W.BoscoHome).Confirmed);
        var jeanToAmina = Link(n, W.JeanHome, W.AminaHome);
        Assert.False(jeanToAmina.Confirmed);
        Assert.True(jeanToAmina.ReportedByGiver);
        var didierToClarisse = Link(n, didierHome, clarisseHome);
        Assert.False(didierToClarisse.Confirmed);
        Assert.True(didierToClarisse.ReportedByReceiver);
        Assert.Equal("Amina", Node(n, W.AminaHome).Label);
        Assert.Equal("Umucyo", Node(n, W.AminaHome).GroupName);
        // Jean (Urumuri) helped Amina (Umucyo) and was helped by Clarisse (Umucyo): help across groups.
        Assert.True(Node(n, W.JeanHome).Metrics.Flags.HasFlag(HelpPattern.Bridge));
        Assert.Equal(4 / 20.0, n.Summary!.Density);
    }

    [Fact]
    public async Task Only_months_in_the_window_count()
    {
        await FiveHouseholds();
        await Save(W.Amina, W.AminaHome, September, Gave(W.BoscoHome));
        await Save(W.Jean, W.JeanHome, October, Gave(W.BoscoHome));

        var october = (await Network(W.Claude, October, November)).Ok();
        var both = (await Network(W.Claude, September, November)).Ok();

        Assert.Single(october.Links);
        Assert.Equal(2, both.Links.Count);
        Assert.Equal("2026-10", october.From);
        Assert.Equal("2026-11", october.To);
        (await Network(W.Claude, November, October)).Fails(Failure.InvalidMonth);
        (await Network(W.Claude, new Month(2020, 1), November)).Fails(Failure.InvalidMonth);
    }

    [Fact]
    public async Task A_household_nobody_helped_is_flagged_and_on_the_coordinators_attention_list()
    {
        var (clarisse, clarisseHome, didier, didierHome) = await FiveHouseholds();
        await Save(W.Amina, W.AminaHome, October, Gave(W.BoscoHome), GotFrom(W.JeanHome));
        await Save(W.Bosco, W.BoscoHome, October, Gave(W.JeanHome));
        await Save(didier, didierHome, October, Gave(clarisseHome));
        await Save(W.Jean, W.JeanHome, September, Gave(didierHome));

        var n = (await Network(W.Claude, October, November)).Ok();
        Assert.True(Node(n, didierHome).Metrics.Flags.HasFlag(HelpPattern.Isolated));
        Assert.True(Node(n, didierHome).Metrics.Flags.HasFlag(HelpPattern.OnlyGives));
        Assert.True(Node(n, clarisseHome).Metrics.Flags.HasFlag(HelpPattern.OnlyReceives));
        Assert.False(Node(n, W.AminaHome).Metrics.Flags.HasFlag(HelpPattern.Isolated));
        Assert.Equal(1, n.Summary!.Isolated);

        var attention = (await Host.Run<NetworkService, Outcome<AttentionList>>(async s =>
            await s.AttentionAsync(await As(W.Claude), W.Kimironko.Id, October, November))).Ok();
        var only = Assert.Single(attention.Households);
        Assert.Equal(didierHome.Id, only.HouseholdId);
        Assert.Equal(September.Period, only.LastHelpedPeriod);
        Assert.Equal(1, only.HelpedOthers);

        foreach (var notCoordinator in new[] { W.Amina, W.Sara, W.Odongo })
        {
            (await Host.Run<NetworkService, Outcome<AttentionList>>(async s =>
                await s.AttentionAsync(await As(notCoordinator), W.Kimironko.Id, October, November)))
                .Fails(notCoordinator == W.Odongo ? Failure.NotFound : Failure.Forbidden);
        }
    }

    [Fact]
    public async Task Fewer_than_five_households_is_too_few_to_show()
    {
        await Save(W.Amina, W.AminaHome, October, Gave(W.BoscoHome));

        var n = (await Network(W.Claude, October, November)).Ok();

        Assert.True(n.TooFew);
        Assert.Null(n.Summary);
        Assert.Empty(n.Households);
        Assert.Empty(n.Links);
    }

    [Fact]
    public async Task A_sponsor_sees_the_structure_with_anonymous_ids_and_no_names()
    {
        await FiveHouseholds();
        await Save(W.Amina, W.AminaHome, October, Gave(W.BoscoHome));

        var named = (await Network(W.Amina, October, November)).Ok();
        var anonymous = (await Network(W.Sara, October, November)).Ok();

        Assert.True(named.ShowsNames);
        Assert.False(anonymous.ShowsNames);
        Assert.All(anonymous.Households, h =>
        {
            Assert.Null(h.Label);
            Assert.Null(h.HouseholdId);
            Assert.Null(h.GroupName);
            Assert.StartsWith("h-", h.Id, StringComparison.Ordinal);
        });
        Assert.Equal(named.Summary, anonymous.Summary);
        Assert.Single(anonymous.Links);
        var again = (await Network(W.Sara, October, November)).Ok();
        Assert.Equal(anonymous.Households.Select(h => h.Id), again.Households.Select(h => h.Id));
        var key = await Host.Db(db => db.PseudonymKeys.Select(k => k.Key).SingleAsync());
        Assert.Equal(Pseudonyms.Of(key, W.Kimironko.Id, W.AminaHome.Id), anonymous.Households[anonymous.Links[0].Giver].Id);
        // The same household has the same pseudonym for everyone, named or not.
        Assert.Equal(named.Households.Select(h => h.Id).Order(StringComparer.Ordinal), anonymous.Households.Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Names_reach_only_as_far_as_each_household_chose()
    {
        await FiveHouseholds(NameOnMap.Nobody);
        await Save(W.Amina, W.AminaHome, October, Gave(W.BoscoHome), Gave(W.JeanHome));
        await Choose(W.Amina, W.AminaHome, NameOnMap.Group);
        await Choose(W.Jean, W.JeanHome, NameOnMap.Community);

        string?[] Names(HelpNetwork n) => n.Households.Select(h => h.Label).ToArray();
        // Bosco lives in Amina's group (Umucyo): her name and Jean's. Not his neighbours who chose nobody, but always his own.
        var bosco = (await Network(W.Bosco, October, November)).Ok();
        Assert.Equal(["Amina", "Bosco", "Jean"], Names(bosco).OfType<string>().Order(StringComparer.Ordinal));
        // Jean is in Urumuri: Amina's name does not reach him.
        var jean = (await Network(W.Jean, October, November)).Ok();
        Assert.Equal(["Jean"], Names(jean).OfType<string>());
        // The coordinator lives in no group: the community's names only, and the household id of those he may open and that are named.
        var claude = (await Network(W.Claude, October, November)).Ok();
        Assert.Equal(["Jean"], Names(claude).OfType<string>());
        Assert.Equal([W.JeanHome.Id], claude.Households.Select(h => h.HouseholdId).OfType<Guid>());
        // Bosco sees Amina's name but may not open her household: no id.
        Assert.Null(bosco.Households.Single(h => h.Label == "Amina").HouseholdId);
        Assert.Equal(W.BoscoHome.Id, bosco.Households.Single(h => h.Label == "Bosco").HouseholdId);
        // The sponsor: nobody's name.
        Assert.All((await Network(W.Sara, October, November)).Ok().Households, h => Assert.Null(h.Label));

        // The attention list: Claude sees Jean's name only; the three others nobody helped are counted.
        var attention = (await Host.Run<NetworkService, Outcome<AttentionList>>(async s =>
            await s.AttentionAsync(await As(W.Claude), W.Kimironko.Id, October, November))).Ok();
        Assert.Empty(attention.Households);
        Assert.Equal(3, attention.KeptPrivate);
    }

    [Fact]
    public async Task Only_a_households_own_members_choose_and_only_among_the_three_choices()
    {
        await Choose(W.Amina, W.AminaHome, NameOnMap.Community);
        var coordinator = await Host.Run<HouseholdSharingService, Outcome<HouseholdSharing>>(async s =>
            await s.SetNameOnMapAsync(await As(W.Claude), W.AminaHome.Id, NameOnMap.Nobody));
        coordinator.Fails(Failure.Forbidden);
        (await Host.Run<HouseholdSharingService, Outcome<HouseholdSharing>>(async s =>
            await s.SetNameOnMapAsync(await As(W.Bosco), W.AminaHome.Id, NameOnMap.Nobody))).Fails(Failure.Forbidden);
        (await Host.Run<HouseholdSharingService, Outcome<HouseholdSharing>>(async s =>
            await s.SetNameOnMapAsync(await As(W.Odongo), W.AminaHome.Id, NameOnMap.Nobody))).Fails(Failure.NotFound);
        (await Host.Run<HouseholdSharingService, Outcome<HouseholdSharing>>(async s =>
            await s.SetNameOnMapAsync(await As(W.Amina), W.AminaHome.Id, (NameOnMap)7))).Fails(Failure.InvalidSharingChoice);
        (await Host.Run<HouseholdSharingService, Outcome<HouseholdSharing>>(async s =>
            await s.GetAsync(await As(W.Claude), W.AminaHome.Id))).Fails(Failure.Forbidden);
        var mine = (await Host.Run<HouseholdSharingService, Outcome<HouseholdSharing>>(async s => await s.GetAsync(await As(W.Amina), W.AminaHome.Id))).Ok();
        Assert.Equal(NameOnMap.Community, mine.NameOnMap);
        Assert.Equal(1, await Host.Db(db => db.AuditEntries.CountAsync(a => a.Action == Mutua.Core.Auditing.AuditActions.NameOnMapChanged)));
    }

    [Fact]
    public async Task People_of_another_community_may_not_see_the_network()
    {
        // The answer for a community that does not exist (issue 11, finding 7).
        (await Network(W.Odongo)).Fails(Failure.NotFound);
        (await Network(W.Dora)).Fails(Failure.NotFound);
        (await Network(W.Claude, community: Guid.NewGuid())).Fails(Failure.NotFound);
    }

    [Fact]
    public async Task A_household_circle_shows_who_helped_whom_month_by_month_to_its_own_members_and_coordinators()
    {
        await Save(W.Amina, W.AminaHome, October, Gave(W.BoscoHome), new HelpEntry(HelpDirection.Received, HelpKind.Money, null, "My cousin", null));
        await Save(W.Bosco, W.BoscoHome, October, GotFrom(W.AminaHome));
        await Save(W.Jean, W.JeanHome, November, Gave(W.AminaHome));

        var circle = (await Host.Run<NetworkService, Outcome<HouseholdCircle>>(async s =>
            await s.CircleAsync(await As(W.Amina), W.AminaHome.Id, October, November))).Ok();

        Assert.Equal(2, circle.People.Count);
        var bosco = circle.People.Single(p => p.HouseholdId == W.BoscoHome.Id);
        Assert.Equal((1, 0, true), (bosco.MonthsWeHelped, bosco.MonthsTheyHelped, bosco.Confirmed));
        var jean = circle.People.Single(p => p.HouseholdId == W.JeanHome.Id);
        Assert.Equal((0, 1, false), (jean.MonthsWeHelped, jean.MonthsTheyHelped, jean.Confirmed));
        var november = circle.Months.Single(m => m.Period == November.Period);
        Assert.Equal(["Jean"], november.HelpedUs);
        var october = circle.Months.Single(m => m.Period == October.Period);
        Assert.Equal(["Bosco"], october.WeHelped);
        Assert.True(october.HelpFromOutside);

        (await Host.Run<NetworkService, Outcome<HouseholdCircle>>(async s =>
            await s.CircleAsync(await As(W.Claude), W.AminaHome.Id, October, November))).Ok();
        foreach (var other in new[] { W.Jean, W.Sara, W.Odongo })
        {
            (await Host.Run<NetworkService, Outcome<HouseholdCircle>>(async s =>
                await s.CircleAsync(await As(other), W.AminaHome.Id, October, November))).Fails(other == W.Odongo ? Failure.NotFound : Failure.Forbidden);
        }
    }
}
