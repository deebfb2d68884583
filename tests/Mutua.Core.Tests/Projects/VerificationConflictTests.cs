using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Core.Projects;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Projects;

/// <summary>
/// A verification means someone apart from the family looked (issue 13): nobody verifies a project of their own
/// household or group, or of a household they are buddy to, even holding the sponsor role.
/// </summary>
public sealed class VerificationConflictTests : WorldTests
{
    private async Task<ProjectView> AminasProjectAsync() =>
        (await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.CreateAsync(await As(W.Amina),
            new NewProject(W.AminaHome.Id, null, "Ubworozi bw'inkoko", "Turashaka korora inkoko 50.", ProjectCategory.Agriculture,
                [new NeedInput(NeedKind.Money, "Chicks", 150_000)], null, true, false)))).Ok();

    private Task MakeSponsorAsync(Person person) => Host.Db(async db =>
    {
        db.CommunityRoles.Add(new CommunityRole { CommunityId = W.Kimironko.Id, PersonId = person.Id, Role = Role.Sponsor, GrantedAt = Host.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return 0;
    });

    private async Task<(Outcome<ProjectView> Verified, bool Offered)> TryVerifyAsync(Person by, Guid project)
    {
        var viewer = await As(by);
        var offered = (await Host.Run<ProjectService, Outcome<ProjectView>>(s => s.GetAsync(viewer, project))).Ok().Can.Verify;
        return (await Host.Run<ProjectService, Outcome<ProjectView>>(s => s.VerifyAsync(viewer, project, "Saw the coop.")), offered);
    }

    [Fact]
    public async Task A_sponsor_of_the_familys_own_household_cannot_verify_it()
    {
        var project = await AminasProjectAsync();
        await MakeSponsorAsync(W.Amina);

        var (verified, offered) = await TryVerifyAsync(W.Amina, project.Id);

        verified.Fails(Failure.ConflictOfInterest);
        Assert.False(offered);
    }

    [Fact]
    public async Task A_sponsor_in_the_familys_group_cannot_verify_it_and_one_in_another_group_can()
    {
        var project = await AminasProjectAsync();
        await MakeSponsorAsync(W.Bosco);
        await MakeSponsorAsync(W.Jean);

        var (sameGroup, offeredSameGroup) = await TryVerifyAsync(W.Bosco, project.Id);
        sameGroup.Fails(Failure.ConflictOfInterest);
        Assert.False(offeredSameGroup);
        Assert.Null((await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.GetAsync(await As(W.Sara), project.Id))).Ok().Verification);

        var (otherGroup, offeredOtherGroup) = await TryVerifyAsync(W.Jean, project.Id);
        Assert.True(offeredOtherGroup);
        Assert.Equal("Jean", otherGroup.Ok().Verification!.ByFirstName);
    }

    [Fact]
    public async Task A_sponsor_who_is_buddy_to_the_family_cannot_verify_it()
    {
        var project = await AminasProjectAsync();
        await MakeSponsorAsync(W.Jean);
        await Host.Db(async db =>
        {
            db.Orientations.Add(new Orientation { PersonId = W.Amina.Id, CommunityId = W.Kimironko.Id, BuddyId = W.Jean.Id, StartedAt = Host.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            return 0;
        });

        var (verified, offered) = await TryVerifyAsync(W.Jean, project.Id);

        verified.Fails(Failure.ConflictOfInterest);
        Assert.False(offered);
    }

    [Fact]
    public async Task The_communitys_own_sponsor_who_stands_apart_verifies()
    {
        var project = await AminasProjectAsync();

        var (verified, offered) = await TryVerifyAsync(W.Sara, project.Id);

        Assert.True(offered);
        Assert.Equal("Sara", verified.Ok().Verification!.ByFirstName);
    }

    [Fact]
    public async Task A_sponsors_queue_holds_the_unverified_published_projects_oldest_first_without_the_ones_they_stand_too_close_to()
    {
        var first = await AminasProjectAsync();
        Host.Clock.Advance(TimeSpan.FromDays(2));
        var second = (await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.CreateAsync(await As(W.Jean),
            new NewProject(W.JeanHome.Id, null, "Isoko ry'imboga", "Turashaka kugurisha imboga.", ProjectCategory.SmallBusiness,
                [new NeedInput(NeedKind.Money, "Stall", 80_000)], null, true, false)))).Ok();
        var draft = (await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.CreateAsync(await As(W.Bosco),
            new NewProject(W.BoscoHome.Id, null, "Draft", "Not yet.", ProjectCategory.Agriculture, [new NeedInput(NeedKind.Money, "x", 1_000)], null, false, false)))).Ok();

        var sara = await Host.Run<ProjectService, IReadOnlyList<ProjectToVerify>>(async s => await s.ToVerifyAsync(await As(W.Sara)));
        Assert.Equal([first.Id, second.Id], sara.Select(p => p.Id));
        Assert.Equal("Kimironko", sara[0].CommunityName);

        // Bosco, made sponsor, is in Amina's group: only Jean's project is his to verify.
        await MakeSponsorAsync(W.Bosco);
        var bosco = await Host.Run<ProjectService, IReadOnlyList<ProjectToVerify>>(async s => await s.ToVerifyAsync(await As(W.Bosco)));
        Assert.Equal([second.Id], bosco.Select(p => p.Id));

        // Verified, it leaves the queue; members who are not sponsors have none.
        (await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.VerifyAsync(await As(W.Sara), first.Id, null))).Ok();
        Assert.Equal([second.Id], (await Host.Run<ProjectService, IReadOnlyList<ProjectToVerify>>(async s => await s.ToVerifyAsync(await As(W.Sara)))).Select(p => p.Id));
        Assert.Empty(await Host.Run<ProjectService, IReadOnlyList<ProjectToVerify>>(async s => await s.ToVerifyAsync(await As(W.Amina))));
        Assert.DoesNotContain(draft.Id, sara.Select(p => p.Id));
    }

    [Fact]
    public async Task A_project_waiting_for_verification_names_the_sponsors_to_the_community_only_and_none_once_verified()
    {
        var project = await AminasProjectAsync();
        (await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.UpdateAsync(await As(W.Amina), project.Id, new ProjectPatch(IsPublic: true)))).Ok();

        var bosco = (await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.GetAsync(await As(W.Bosco), project.Id))).Ok();
        Assert.Equal(["Sara"], bosco.AwaitingVerificationBy);
        // A visitor reads the public project, but not the names of the community's people.
        Assert.Null((await Host.Run<ProjectService, Outcome<ProjectView>>(s => s.GetAsync(Viewer.Anonymous, project.Id))).Ok().AwaitingVerificationBy);

        (await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.VerifyAsync(await As(W.Sara), project.Id, null))).Ok();
        Assert.Null((await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.GetAsync(await As(W.Bosco), project.Id))).Ok().AwaitingVerificationBy);
    }

    // How to send support is for the family and the people who pledged: not for the rest of the community or a visitor.
    [Fact]
    public async Task How_to_send_support_is_shown_to_the_owners_and_to_supporters_with_a_pledge_only()
    {
        var project = await AminasProjectAsync();
        (await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.UpdateAsync(await As(W.Amina), project.Id,
            new ProjectPatch(IsPublic: true, HowToSend: "MTN Mobile Money 0788 000 111")))).Ok();
        Task<string?> SeenBy(Viewer v) => Host.Run<ProjectService, string?>(async s => (await s.GetAsync(v, project.Id)).Ok().HowToSend);

        Assert.Equal("MTN Mobile Money 0788 000 111", await SeenBy(await As(W.Amina)));
        Assert.Null(await SeenBy(await As(W.Bosco)));
        Assert.Null(await SeenBy(await As(W.Claude)));
        Assert.Null(await SeenBy(Viewer.Anonymous));

        var pledge = (await Host.Run<PledgeService, Outcome<PledgeView>>(async s => await s.PledgeAsync(await As(W.Bosco), project.Id,
            new PledgeInput(project.Needs[0].Id, 10_000)))).Ok();
        Assert.Equal("MTN Mobile Money 0788 000 111", await SeenBy(await As(W.Bosco)));
        Assert.StartsWith("M-", pledge.Code, StringComparison.Ordinal);

        (await Host.Run<PledgeService, Outcome<PledgeView>>(async s => await s.WithdrawAsync(await As(W.Bosco), pledge.Id))).Ok();
        Assert.Null(await SeenBy(await As(W.Bosco)));
    }
}
