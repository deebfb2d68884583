using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Communities;

/// <summary>The truth table of who may manage, see the people of, and see a household.</summary>
public sealed class ViewerTests
{
    private static readonly Guid C = Guid.NewGuid();  // the community under test
    private static readonly Guid D = Guid.NewGuid();  // another community
    private static readonly Guid G = Guid.NewGuid();
    private static readonly Household Own = new() { CommunityId = C, GroupId = G, Name = "own" };
    private static readonly Household Neighbour = new() { CommunityId = C, GroupId = G, Name = "neighbour" };
    private static readonly Household Far = new() { CommunityId = D, Name = "far" };

    private static Viewer Make(string who) => who switch
    {
        "anonymous" => Viewer.Anonymous,
        "admin" => new Viewer(Guid.NewGuid(), true, [], []),
        "coordinator" => new Viewer(Guid.NewGuid(), false, [(C, Role.Coordinator)], []),
        "member" => new Viewer(Guid.NewGuid(), false, [(C, Role.Member)], [new HouseholdPlace(Own.Id, C, G)]),
        "member-coordinator" => new Viewer(Guid.NewGuid(), false, [(C, Role.Member), (C, Role.Coordinator)], [new HouseholdPlace(Own.Id, C, G)]),
        "sponsor" => new Viewer(Guid.NewGuid(), false, [(C, Role.Sponsor)], []),
        "supporter" => new Viewer(Guid.NewGuid(), false, [(C, Role.Supporter)], []),
        "ambassador" => new Viewer(Guid.NewGuid(), false, [(C, Role.Ambassador)], []),
        "coordinator-elsewhere" => new Viewer(Guid.NewGuid(), false, [(D, Role.Coordinator)], []),
        "member-elsewhere" => new Viewer(Guid.NewGuid(), false, [(D, Role.Member)], [new HouseholdPlace(Far.Id, D, null)]),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    [Theory]
    //          who                      manage C  people C  own   neighbour far    in C   manage D
    [InlineData("anonymous",             false,    false,    false, false,   false, false, false)]
    [InlineData("admin",                 true,     true,     true,  true,    true,  true,  true)]
    [InlineData("coordinator",           true,     true,     true,  true,    false, true,  false)]
    [InlineData("member",                false,    true,     true,  false,   false, true,  false)]
    [InlineData("member-coordinator",    true,     true,     true,  true,    false, true,  false)]
    [InlineData("sponsor",               false,    false,    false, false,   false, true,  false)]
    [InlineData("supporter",             false,    false,    false, false,   false, true,  false)]
    [InlineData("ambassador",            false,    false,    false, false,   false, true,  false)]
    [InlineData("coordinator-elsewhere", false,    false,    false, false,   true,  false, true)]
    [InlineData("member-elsewhere",      false,    false,    false, false,   true,  false, false)]
    public void Truth_table(string who, bool manageC, bool peopleOfC, bool seeOwn, bool seeNeighbour, bool seeFar, bool inC, bool manageD)
    {
        var v = Make(who);
        Assert.Equal(manageC, v.CanManage(C));
        Assert.Equal(manageD, v.CanManage(D));
        Assert.Equal(peopleOfC, v.CanSeePeopleOf(C));
        Assert.Equal(seeOwn, v.CanSeeHousehold(Own.Id, Own.CommunityId));
        Assert.Equal(seeNeighbour, v.CanSeeHousehold(Neighbour.Id, Neighbour.CommunityId));
        Assert.Equal(seeFar, v.CanSeeHousehold(Far.Id, Far.CommunityId));
        Assert.Equal(inC, v.InCommunity(C));
    }

    [Fact]
    public void Anonymous_is_not_signed_in() => Assert.False(Viewer.Anonymous.IsSignedIn);

    // Where a person's household is, per community: a project or an invitation is made for the household of that
    // community, never for the one they have elsewhere, and nobody gets one where they have none.
    [Fact]
    public void A_household_is_found_in_its_own_community_only()
    {
        var twoHomes = new Viewer(Guid.NewGuid(), false, [(D, Role.Member), (C, Role.Member)],
            [new HouseholdPlace(Far.Id, D, null), new HouseholdPlace(Own.Id, C, G)]);
        Assert.Equal(Own.Id, twoHomes.HouseholdIn(C)?.HouseholdId);
        Assert.Equal(Far.Id, twoHomes.HouseholdIn(D)?.HouseholdId);
        Assert.Null(twoHomes.HouseholdIn(Guid.NewGuid()));
        Assert.Null(Make("coordinator").HouseholdIn(C));
        Assert.Null(Viewer.Anonymous.HouseholdIn(C));
    }
}

public sealed class ViewerLoadTests : WorldTests
{
    [Fact]
    public async Task Loading_reads_roles_and_households()
    {
        var amina = await As(W.Amina);
        Assert.True(amina.IsSignedIn);
        Assert.False(amina.IsAdmin);
        Assert.Equal(new[] { (W.Kimironko.Id, Role.Member) }, amina.Roles);
        Assert.Equal(new HouseholdPlace(W.AminaHome.Id, W.Kimironko.Id, W.Umucyo.Id), Assert.Single(amina.Households));

        var ada = await As(W.Ada);
        Assert.True(ada.IsAdmin);
        Assert.Empty(ada.Roles);
        Assert.True(ada.CanManage(W.Gulu.Id));
    }

    private Task<(Viewer Viewer, DateTimeOffset? LastSeen)> InSession(Guid personId, Guid sessionId) =>
        Host.Db(db => Viewers.LoadInSessionAsync(db, personId, sessionId));

    private Task<Guid> SignIn(Person who) => Host.Run<SessionService, Guid>(s =>
        s.StartAsync(who.Id, SessionKind.Browser, null));

    // Every signed-in request loads the viewer and its session together: the session counts only while it is
    // live and the signed-in person's own.
    [Fact]
    public async Task A_live_session_loads_with_the_viewer_and_when_it_was_last_seen()
    {
        var signedInAt = Host.Clock.GetUtcNow();
        var session = await SignIn(W.Amina);
        Host.Clock.Advance(TimeSpan.FromHours(1));

        var (amina, lastSeen) = await InSession(W.Amina.Id, session);
        Assert.Equal(signedInAt, lastSeen);
        Assert.Equal(W.Amina.Id, amina.PersonId);
        Assert.Equal(new[] { (W.Kimironko.Id, Role.Member) }, amina.Roles);
        Assert.Equal(new HouseholdPlace(W.AminaHome.Id, W.Kimironko.Id, W.Umucyo.Id), Assert.Single(amina.Households));
    }

    [Fact]
    public async Task An_ended_session_or_someone_elses_loads_the_viewer_without_a_session()
    {
        var amina = await SignIn(W.Amina);
        var bosco = await SignIn(W.Bosco);
        await Host.Db(db => db.SignInSessions.Where(s => s.Id == bosco).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, Host.Clock.GetUtcNow())));

        var (viewer, lastSeen) = await InSession(W.Bosco.Id, bosco);
        Assert.Null(lastSeen);
        Assert.Equal(W.Bosco.Id, viewer.PersonId);
        Assert.Null((await InSession(W.Bosco.Id, amina)).LastSeen); // Amina's live session is not Bosco's
        Assert.Null((await InSession(W.Amina.Id, Guid.NewGuid())).LastSeen);
        Assert.NotNull((await InSession(W.Amina.Id, amina)).LastSeen);

        var (nobody, none) = await InSession(Guid.NewGuid(), amina);
        Assert.Same(Viewer.Anonymous, nobody);
        Assert.Null(none);
    }

    [Fact]
    public async Task An_unknown_person_is_anonymous()
    {
        var nobody = await Host.ViewerAsync(Guid.NewGuid());
        Assert.Same(Viewer.Anonymous, nobody);
    }
}
