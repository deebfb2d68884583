using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Kernel;

public sealed class EventsTests
{
    private sealed class Refuses : IReactTo<ProfileSaved>
    {
        public Task ReactAsync(ProfileSaved happened, CancellationToken ct) => throw new InvalidOperationException("refused");
    }

    [Fact]
    public async Task A_failing_reaction_fails_the_write_and_nothing_of_it_or_of_the_other_reactions_is_saved()
    {
        // Registered after Core's: the orientation tick has run (on the tracked rows) when this one throws.
        await using var host = await TestHost.StartAsync(services: s => s.AddReaction<ProfileSaved, Refuses>());
        var community = await host.CommunityAsync();
        var (grace, _) = await host.MemberAsync(community.Id, null, "Grace");
        await host.Db(async db =>
        {
            db.Orientations.Add(new Orientation { PersonId = grace.Id, CommunityId = community.Id, StartedAt = host.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var viewer = await host.ViewerAsync(grace.Id);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.Run<ProfileService, Outcome<Profile>>(s => s.UpdateAsync(viewer, new ProfileChange("Gracie", null, null))));

        Assert.Equal("Grace", await host.Db(db => db.Users.Where(u => u.Id == grace.Id).Select(u => u.FirstName).SingleAsync()));
        Assert.Null(await host.Db(db => db.Orientations.Where(o => o.PersonId == grace.Id).Select(o => o.ProfileDoneAt).SingleAsync()));
    }

    private sealed class Seen
    {
        public List<string> Order { get; } = [];
    }

    private sealed class First(Seen seen) : IReactTo<ProjectPublished>
    {
        public Task ReactAsync(ProjectPublished happened, CancellationToken ct)
        {
            seen.Order.Add("first");
            return Task.CompletedTask;
        }
    }

    private sealed class Second(Seen seen) : IReactTo<ProjectPublished>
    {
        public Task ReactAsync(ProjectPublished happened, CancellationToken ct)
        {
            seen.Order.Add("second");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Reactions_run_one_after_another_in_the_order_registered_in_the_publishers_scope()
    {
        var services = new ServiceCollection();
        services.AddScoped<Seen>();
        services.AddScoped<Events>();
        services.AddReaction<ProjectPublished, First>();
        services.AddReaction<ProjectPublished, Second>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<Events>().PublishAsync(
            new ProjectPublished(Guid.NewGuid(), Guid.NewGuid(), null, null, Guid.NewGuid(), DateTimeOffset.UnixEpoch),
            TestContext.Current.CancellationToken);

        Assert.Equal(["first", "second"], scope.ServiceProvider.GetRequiredService<Seen>().Order);
    }
}
