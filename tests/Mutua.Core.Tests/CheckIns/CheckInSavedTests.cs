using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.CheckIns;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.CheckIns;

/// <summary>What a check-in save tells other features (<see cref="CheckInSaved"/>): once per write, never for a write that changes nothing.</summary>
public sealed class CheckInSavedTests : WorldTests
{
    private static readonly Month November = new(2026, 11);
    private readonly List<CheckInSaved> published = [];

    private sealed class Recorder(List<CheckInSaved> published) : IReactTo<CheckInSaved>
    {
        public Task ReactAsync(CheckInSaved happened, CancellationToken ct)
        {
            published.Add(happened);
            return Task.CompletedTask;
        }
    }

    protected override void MoreServices(IServiceCollection services)
    {
        services.AddSingleton(published);
        services.AddReaction<CheckInSaved, Recorder>();
    }

    private async Task Save(CheckInInput input)
    {
        var saved = await Host.Run<CheckInService, Outcome<CheckInView>>(async s => await s.SaveAsync(await As(W.Amina), W.AminaHome.Id, November, input));
        Assert.True(saved.Succeeded);
    }

    [Fact]
    public async Task A_save_publishes_what_it_wrote_and_a_resubmission_that_changes_nothing_publishes_nothing()
    {
        await Save(new CheckInInput(SavingsBalance: 40_000));
        await Save(new CheckInInput(SavingsBalance: 40_000));
        await Save(new CheckInInput(SavingsBalance: 45_000));

        Assert.Equal(2, published.Count);
        var first = published[0];
        Assert.Equal((W.AminaHome.Id, W.Kimironko.Id, W.AminaHome.GroupId, November, W.Amina.Id, true),
            (first.HouseholdId, first.CommunityId, first.GroupId, first.Month, first.ById, first.Created));
        Assert.Equal(Host.Clock.GetUtcNow(), first.At);
        Assert.False(published[1].Created);
    }
}
