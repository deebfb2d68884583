using Mutua.Core.Communities;
using Mutua.Core.Insights;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Insights;

/// <summary>
/// One month side by side for the communities a person belongs to: grouped by currency (never one scale for two
/// currencies), by name within a currency, and only the person's own communities unless they are the admin.
/// </summary>
public sealed class InsightsCompareTests : WorldTests
{
    private static readonly Month October = new(2026, 10);

    private Task<IReadOnlyList<IGrouping<string, CommunityComparison>>> Compare(Viewer viewer) =>
        Host.Run<InsightsService, IReadOnlyList<IGrouping<string, CommunityComparison>>>(s => s.CompareAsync(viewer, October));

    private static List<string> Shape(IReadOnlyList<IGrouping<string, CommunityComparison>> groups) =>
        groups.Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.CommunityName))}").ToList();

    [Fact]
    public async Task A_person_of_three_communities_sees_them_by_currency_then_by_name()
    {
        var butare = await Host.CommunityAsync("Butare");
        await Host.GrantAsync(butare.Id, W.Claude.Id, Role.Coordinator);
        await Host.GrantAsync(W.Gulu.Id, W.Claude.Id, Role.Sponsor);

        var groups = await Compare(await As(W.Claude));

        Assert.Equal(["RWF: Butare, Kimironko", "UGX: Gulu"], Shape(groups));
        Assert.All(groups.SelectMany(g => g), c => Assert.Equal(October.Period, c.Month.Period));
        Assert.Equal(W.Gulu.Id, groups[1].Single().CommunityId);
    }

    [Fact]
    public async Task A_member_sees_only_their_own_community_and_the_admin_sees_every_one()
    {
        await Host.CommunityAsync("Butare");

        Assert.Equal(["RWF: Kimironko"], Shape(await Compare(await As(W.Amina))));
        Assert.Equal(["UGX: Gulu"], Shape(await Compare(await As(W.Dora))));
        Assert.Equal(["RWF: Butare, Kimironko", "UGX: Gulu"], Shape(await Compare(await As(W.Ada))));
    }

    [Fact]
    public async Task Each_communitys_month_is_the_one_its_own_insights_show()
    {
        var groups = await Compare(await As(W.Ada));

        foreach (var c in groups.SelectMany(g => g))
        {
            var own = (await Host.Run<InsightsService, Outcome<CommunityInsights>>(async s =>
                await s.ForCommunityAsync(await As(W.Ada), c.CommunityId, October, October, null))).Ok();
            Assert.Equal(own.Months[0].Households, c.Month.Households);
            Assert.Equal(own.Currency, c.Currency);
        }
    }
}
