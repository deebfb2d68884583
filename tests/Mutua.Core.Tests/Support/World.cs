using Mutua.Core.Accounts;
using Mutua.Core.Communities;

namespace Mutua.Core.Tests.Support;

/// <summary>
/// Two communities. Kimironko (RW): group Umucyo with Amina's and Bosco's households, group Urumuri
/// with Jean's; Claude coordinates, Sara sponsors, Ada is the installation's admin. Gulu (UG): Dora's
/// household in group Gulu A, and Odongo coordinates there.
/// </summary>
public sealed record World(
    Community Kimironko, Group Umucyo, Group Urumuri,
    Person Amina, Household AminaHome, Person Bosco, Household BoscoHome, Person Jean, Household JeanHome,
    Person Claude, Person Sara, Person Ada,
    Community Gulu, Group GuluA, Person Dora, Household DoraHome, Person Odongo)
{
    public static async Task<World> BuildAsync(TestHost host)
    {
        var k = await host.CommunityAsync("Kimironko");
        var umucyo = await host.GroupAsync(k.Id, "Umucyo");
        var urumuri = await host.GroupAsync(k.Id, "Urumuri");
        var (amina, aminaHome) = await host.MemberAsync(k.Id, umucyo.Id, "Amina", phone: "+250788000001");
        var (bosco, boscoHome) = await host.MemberAsync(k.Id, umucyo.Id, "Bosco", email: "bosco@example.org");
        var (jean, jeanHome) = await host.MemberAsync(k.Id, urumuri.Id, "Jean", phone: "+250788000003");
        var claude = await host.WithRoleAsync(k.Id, Role.Coordinator, "Claude");
        var sara = await host.WithRoleAsync(k.Id, Role.Sponsor, "Sara");
        var ada = await host.PersonAsync("Ada", email: "ada@example.org", admin: true);

        var gulu = await host.CommunityAsync("Gulu", "UG", "en", "UGX", "Africa/Kampala");
        var guluA = await host.GroupAsync(gulu.Id, "Gulu A");
        var (dora, doraHome) = await host.MemberAsync(gulu.Id, guluA.Id, "Dora", phone: "+256772123456");
        var odongo = await host.WithRoleAsync(gulu.Id, Role.Coordinator, "Odongo");
        return new World(k, umucyo, urumuri, amina, aminaHome, bosco, boscoHome, jean, jeanHome, claude, sara, ada,
            gulu, guluA, dora, doraHome, odongo);
    }
}

/// <summary>A test class over a fresh copy of the <see cref="World"/> (built once per run).</summary>
public abstract class WorldTests : HostTests
{
    private static readonly Lazy<Task<(string Template, World World, DateTimeOffset Now)>> Built = new(async () =>
    {
        await using var host = await TestHost.StartAsync();
        var world = await World.BuildAsync(host);
        return (host.SaveAsTemplate(), world, host.Clock.GetUtcNow());
    });

    private World? world;

    protected World W => world ?? throw new InvalidOperationException("not built");

    protected override async Task<TestHost> StartHostAsync()
    {
        var (template, built, now) = await Built.Value;
        world = built;
        return await TestHost.StartAsync(template, now, MoreServices);
    }

    /// <summary>A test class's own registrations, after Core's (its event reactions).</summary>
    protected virtual void MoreServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    protected Task<Viewer> As(Person person) => Host.ViewerAsync(person.Id);
}
