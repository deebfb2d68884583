using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.Communities;
using Mutua.Core.Projects;
using Mutua.Core.Tests.Support;
using SkiaSharp;

namespace Mutua.Core.Tests.Projects;

public sealed class ProjectServiceTests : WorldTests
{
    private static readonly NeedInput[] Needs =
    [
        new(NeedKind.Money, "Chicks and feed", 150_000),
        new(NeedKind.Skills, "Someone who knows poultry vaccination", 4),
        new(NeedKind.Materials, "Iron sheets for the coop", 10),
    ];

    private Task<Outcome<ProjectView>> Create(Person by, Household home, string title = "Ubworozi bw'inkoko", string story = "Turashaka korora inkoko 50 tukagurisha amagi ku isoko rya Kitabi.",
        bool publish = true, bool isPublic = false, ProjectCategory category = ProjectCategory.Agriculture, IReadOnlyList<Guid>? inspiredBy = null) =>
        Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.CreateAsync(await As(by),
            new NewProject(home.Id, null, title, story, category, Needs, inspiredBy, publish, isPublic)));

    private Task<Outcome<ProjectView>> Get(Person? by, Guid id) =>
        Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.GetAsync(by is null ? Viewer.Anonymous : await As(by), id, withSimilar: true));

    private Task<Outcome<ProjectView>> Patch(Person by, Guid id, ProjectPatch patch) =>
        Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.UpdateAsync(await As(by), id, patch));

    private Task<Outcome<PledgeView>> Pledge(Person by, Guid project, Guid need, long amount, string? key = null, string? via = null) =>
        Host.Run<PledgeService, Outcome<PledgeView>>(async s => await s.PledgeAsync(await As(by), project, new PledgeInput(need, amount, via), key));

    private Task<Outcome<PledgeView>> Confirm(Person by, Guid pledge, string? reference) =>
        Host.Run<PledgeService, Outcome<PledgeView>>(async s => await s.ConfirmAsync(await As(by), pledge, reference));

    [Fact]
    public async Task A_project_can_be_posted_for_the_viewers_own_household_and_its_group_only()
    {
        var choices = await Host.Run<ProjectService, IReadOnlyList<ProjectOwnerChoice>>(async s => await s.OwnerChoicesAsync(await As(W.Amina)));
        var own = Assert.Single(choices);
        Assert.Equal((W.AminaHome.Id, W.Umucyo.Id, "Umucyo", "RWF"), (own.HouseholdId, own.GroupId, own.GroupName, own.Currency));
        // A coordinator or sponsor without a household of their own posts for nobody, and so does someone not signed in.
        Assert.Empty(await Host.Run<ProjectService, IReadOnlyList<ProjectOwnerChoice>>(async s => await s.OwnerChoicesAsync(await As(W.Claude))));
        Assert.Empty(await Host.Run<ProjectService, IReadOnlyList<ProjectOwnerChoice>>(s => s.OwnerChoicesAsync(Viewer.Anonymous)));
    }

    [Fact]
    public async Task A_draft_is_its_households_alone_then_published_to_the_community_then_public_to_anyone()
    {
        var draft = (await Create(W.Amina, W.AminaHome, publish: false)).Ok();
        Assert.Equal(ProjectStatus.Draft, draft.Status);
        Assert.True(draft.Can.Edit);
        Assert.Equal(3, draft.Needs.Count);
        Assert.Equal("RWF", draft.Needs[0].Currency);
        (await Get(W.Bosco, draft.Id)).Fails(Failure.NotFound);
        (await Get(W.Claude, draft.Id)).Fails(Failure.NotFound);

        (await Patch(W.Amina, draft.Id, new ProjectPatch(Status: ProjectStatus.Published))).Ok();
        Assert.False((await Get(W.Bosco, draft.Id)).Ok().Can.Edit);
        (await Get(W.Sara, draft.Id)).Ok();
        (await Get(W.Dora, draft.Id)).Fails(Failure.NotFound);
        (await Get(null, draft.Id)).Fails(Failure.NotFound);

        (await Patch(W.Bosco, draft.Id, new ProjectPatch(Title: "Mine now"))).Fails(Failure.Forbidden);
        (await Patch(W.Amina, draft.Id, new ProjectPatch(IsPublic: true))).Ok();
        Assert.Equal("Ubworozi bw'inkoko", (await Get(null, draft.Id)).Ok().Title);
        (await Get(W.Dora, draft.Id)).Ok();
        (await Patch(W.Amina, draft.Id, new ProjectPatch(Status: ProjectStatus.Draft))).Fails(Failure.InvalidStatus);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_reason_and_changes_nothing()
    {
        (await Create(W.Amina, W.AminaHome, title: " ")).Fails(Failure.TitleRequired);
        (await Create(W.Amina, W.AminaHome, title: new string('a', 121))).Fails(Failure.TextTooLong);
        (await Create(W.Amina, W.AminaHome, category: (ProjectCategory)99)).Fails(Failure.InvalidCategory);
        (await Create(W.Amina, W.BoscoHome)).Fails(Failure.Forbidden);
        var bad = await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.CreateAsync(await As(W.Amina),
            new NewProject(W.AminaHome.Id, null, "Coop", "", ProjectCategory.Agriculture, [new NeedInput(NeedKind.Money, null, -5)])));
        bad.Fails(Failure.InvalidNeed);
        Assert.Equal(0, await Host.CountAsync<Project>());
    }

    [Fact]
    public async Task A_sponsor_verifies_and_withdraws_with_both_in_the_audit_log_but_cannot_edit()
    {
        var p = (await Create(W.Amina, W.AminaHome)).Ok();
        var sara = await As(W.Sara);
        var verified = (await Host.Run<ProjectService, Outcome<ProjectView>>(s => s.VerifyAsync(sara, p.Id, "Visited the coop site on Tuesday."))).Ok();
        Assert.Equal("Sara", verified.Verification!.ByFirstName);
        Assert.Equal(Host.Clock.GetUtcNow(), verified.Verification.At);
        Assert.Equal("Visited the coop site on Tuesday.", verified.Verification.Note);
        (await Patch(W.Sara, p.Id, new ProjectPatch(Title: "Edited by the agency"))).Fails(Failure.Forbidden);
        var claude = await As(W.Claude);
        (await Host.Run<ProjectService, Outcome<ProjectView>>(s => s.VerifyAsync(claude, p.Id, null))).Fails(Failure.Forbidden);

        var withdrawn = (await Host.Run<ProjectService, Outcome<ProjectView>>(s => s.WithdrawVerificationAsync(sara, p.Id))).Ok();
        Assert.Null(withdrawn.Verification);
        var audit = await Host.Db(db => db.AuditEntries.Where(a => a.Subject == p.Id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditActions.ProjectVerified, AuditActions.ProjectVerificationWithdrawn], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(W.Sara.Id, a.ActorId));
    }

    [Fact]
    public async Task Money_totals_come_from_pledges_confirmed_with_a_reference_and_withdrawn_ones_do_not_count()
    {
        var p = (await Create(W.Amina, W.AminaHome)).Ok();
        var money = p.Needs[0].Id;
        var bosco = (await Pledge(W.Bosco, p.Id, money, 50_000)).Ok();
        var jean = (await Pledge(W.Jean, p.Id, money, 30_000)).Ok();
        (await Pledge(W.Amina, p.Id, money, 1_000)).Fails(Failure.OwnProject);
        (await Pledge(W.Jean, p.Id, money, 0)).Fails(Failure.AmountNotPositive);
        (await Pledge(W.Dora, p.Id, money, 1_000)).Fails(Failure.NotFound);

        (await Confirm(W.Amina, bosco.Id, " ")).Fails(Failure.ReferenceRequired);
        (await Confirm(W.Bosco, bosco.Id, "MTN 123")).Fails(Failure.Forbidden);
        var confirmed = (await Confirm(W.Amina, bosco.Id, "MoMo 7781-2231")).Ok();
        Assert.Equal(PledgeStatus.Confirmed, confirmed.Status);
        Assert.Equal("MoMo 7781-2231", confirmed.Reference);

        var jeanViewer = await As(W.Jean);
        (await Host.Run<PledgeService, Outcome<PledgeView>>(s => s.WithdrawAsync(jeanViewer, jean.Id))).Ok();
        var boscoViewer = await As(W.Bosco);
        (await Host.Run<PledgeService, Outcome<PledgeView>>(s => s.WithdrawAsync(boscoViewer, bosco.Id))).Fails(Failure.PledgeClosed);

        var view = (await Get(W.Amina, p.Id)).Ok();
        Assert.Equal(50_000, view.Needs[0].Confirmed);
        Assert.Equal(50_000, view.Needs[0].Pledged);
        Assert.Equal(2, view.Pledges.Count);
        var ranked = await Host.Db(db => db.Projects.SingleAsync(x => x.Id == p.Id));
        Assert.Equal(1, ranked.RankSupporters);
        Assert.Equal((50_000 * 1000 / 150_000) / 3, ranked.RankProgress);
        // A supporter sees only their own pledges.
        Assert.DoesNotContain((await Get(W.Jean, p.Id)).Ok().Pledges, x => !x.Mine);
    }

    // Read-back, not echo: a project is stored as it was answered, and an edit is what the next reader sees.
    [Fact]
    public async Task A_project_and_its_edit_read_back_as_they_were_answered()
    {
        var made = (await Create(W.Amina, W.AminaHome, title: "Coop", story: "Eggs for the market.", category: ProjectCategory.Agriculture)).Ok();
        var read = (await Get(W.Bosco, made.Id)).Ok();
        Assert.Equal((made.Title, made.Story, made.Category, made.Status, made.IsPublic, made.Currency),
            (read.Title, read.Story, read.Category, read.Status, read.IsPublic, read.Currency));
        Assert.Equal(made.Needs.Select(n => (n.Id, n.Kind, n.Description, n.Target)), read.Needs.Select(n => (n.Id, n.Kind, n.Description, n.Target)));
        Assert.Equal(Needs.Select(n => (n.Kind, n.Description, n.Target)), read.Needs.Select(n => (n.Kind, (string?)n.Description, n.Target)));

        var edited = (await Patch(W.Amina, made.Id, new ProjectPatch(Title: "Coop of Umucyo", IsPublic: true))).Ok();
        var again = (await Get(null, made.Id)).Ok();
        Assert.Equal(("Coop of Umucyo", true), (edited.Title, edited.IsPublic));
        Assert.Equal((edited.Title, edited.IsPublic, "Eggs for the market."), (again.Title, again.IsPublic, again.Story));
    }

    // Read-back for pledges: the owner's view and the supporter's show what the pledge, its confirmation and a
    // withdrawal answered, and the totals follow.
    [Fact]
    public async Task A_pledge_its_confirmation_and_a_withdrawal_read_back_in_both_sides_views()
    {
        var p = (await Create(W.Amina, W.AminaHome)).Ok();
        var money = p.Needs[0].Id;
        var pledged = (await Pledge(W.Bosco, p.Id, money, 40_000)).Ok();
        var owner = Assert.Single((await Get(W.Amina, p.Id)).Ok().Pledges);
        Assert.Equal(pledged with { Mine = false }, owner);
        Assert.Equal(pledged, Assert.Single((await Get(W.Bosco, p.Id)).Ok().Pledges));
        Assert.Equal((40_000L, 0L), ((await Get(W.Amina, p.Id)).Ok().Needs[0].Pledged, (await Get(W.Amina, p.Id)).Ok().Needs[0].Confirmed));

        Host.Clock.Advance(TimeSpan.FromDays(2));
        var confirmed = (await Confirm(W.Amina, pledged.Id, " MoMo 55-1 ")).Ok();
        Assert.Equal((PledgeStatus.Confirmed, "MoMo 55-1", Host.Clock.GetUtcNow()), (confirmed.Status, confirmed.Reference, confirmed.ConfirmedAt));
        Assert.Equal(confirmed, Assert.Single((await Get(W.Amina, p.Id)).Ok().Pledges));
        Assert.Equal(confirmed with { Mine = true }, Assert.Single((await Get(W.Bosco, p.Id)).Ok().Pledges));
        Assert.Equal(40_000, (await Get(W.Amina, p.Id)).Ok().Needs[0].Confirmed);
        var stored = await Host.Db(db => db.Pledges.AsNoTracking().SingleAsync(x => x.Id == pledged.Id));
        Assert.Equal(W.Amina.Id, stored.ConfirmedById);

        var jean = (await Pledge(W.Jean, p.Id, money, 25_000)).Ok();
        var jeanViewer = await As(W.Jean);
        var withdrawn = (await Host.Run<PledgeService, Outcome<PledgeView>>(s => s.WithdrawAsync(jeanViewer, jean.Id))).Ok();
        Assert.Equal(PledgeStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(withdrawn, Assert.Single((await Get(W.Jean, p.Id)).Ok().Pledges));
        var after = (await Get(W.Amina, p.Id)).Ok();
        Assert.Equal(PledgeStatus.Withdrawn, after.Pledges.Single(x => x.Id == jean.Id).Status);
        Assert.Equal((40_000L, 40_000L), (after.Needs[0].Pledged, after.Needs[0].Confirmed));
    }

    // The limits are inclusive: the largest amount a need may ask for and the longest key are accepted, one more is not.
    [Fact]
    public async Task A_pledge_up_to_the_limits_is_taken_and_one_past_them_or_for_another_need_is_refused()
    {
        var p = (await Create(W.Amina, W.AminaHome)).Ok();
        var money = p.Needs[0].Id;
        (await Pledge(W.Bosco, p.Id, money, Need.MaxTarget + 1)).Fails(Failure.AmountNotPositive);
        (await Pledge(W.Bosco, p.Id, money, 1_000, key: new string('k', Mutua.Core.Projects.Pledge.IdempotencyKeyMaxLength + 1))).Fails(Failure.TextTooLong);
        (await Pledge(W.Bosco, p.Id, Guid.NewGuid(), 1_000)).Fails(Failure.InvalidNeed);
        Assert.Equal(0, await Host.CountAsync<Pledge>());

        (await Pledge(W.Bosco, p.Id, money, Need.MaxTarget)).Ok();
        (await Pledge(W.Jean, p.Id, money, 1_000, key: new string('k', Mutua.Core.Projects.Pledge.IdempotencyKeyMaxLength))).Ok();
        // Supporters count as soon as they pledge, before anything is confirmed.
        Assert.Equal(2, (await Host.Db(db => db.Projects.AsNoTracking().SingleAsync(x => x.Id == p.Id))).RankSupporters);
    }

    // The owner confirms once; a second confirmation changes nothing. The reference has a limit, and the audit says what arrived.
    [Fact]
    public async Task A_confirmation_stands_once_made_and_is_audited_with_what_arrived()
    {
        var p = (await Create(W.Amina, W.AminaHome)).Ok();
        var pledge = (await Pledge(W.Bosco, p.Id, p.Needs[0].Id, 50_000)).Ok();
        (await Confirm(W.Amina, pledge.Id, new string('r', Mutua.Core.Projects.Pledge.ReferenceMaxLength + 1))).Fails(Failure.TextTooLong);
        var longest = new string('r', Mutua.Core.Projects.Pledge.ReferenceMaxLength);
        var first = (await Confirm(W.Amina, pledge.Id, longest)).Ok();
        Host.Clock.Advance(TimeSpan.FromDays(1));
        var again = (await Confirm(W.Amina, pledge.Id, "MoMo 2")).Ok();
        Assert.Equal((longest, first.ConfirmedAt), (again.Reference, again.ConfirmedAt));
        var audit = Assert.Single(await Host.Db(db => db.AuditEntries.Where(a => a.Action == AuditActions.PledgeConfirmed).ToListAsync()));
        Assert.Equal((W.Amina.Id, pledge.Id.ToString(), $"Money 50000 {longest}"), (audit.ActorId!.Value, audit.Subject, audit.Detail));
    }

    // Someone who cannot see the project is told it does not exist; someone who can is told no.
    [Fact]
    public async Task Only_the_owner_confirms_and_only_the_supporter_withdraws()
    {
        var p = (await Create(W.Amina, W.AminaHome)).Ok();
        var pledge = (await Pledge(W.Bosco, p.Id, p.Needs[0].Id, 50_000)).Ok();
        (await Confirm(W.Dora, pledge.Id, "MoMo 1")).Fails(Failure.NotFound);
        (await Confirm(W.Jean, pledge.Id, "MoMo 1")).Fails(Failure.Forbidden);
        Task<Outcome<PledgeView>> Withdraw(Person by) => Host.Run<PledgeService, Outcome<PledgeView>>(async s => await s.WithdrawAsync(await As(by), pledge.Id));
        (await Withdraw(W.Amina)).Fails(Failure.Forbidden);
        (await Withdraw(W.Dora)).Fails(Failure.NotFound);
        Assert.Equal(PledgeStatus.Pledged, Assert.Single((await Get(W.Bosco, p.Id)).Ok().Pledges).Status);
    }

    // Progress is the mean over needs of what was confirmed against each target, every confirmed pledge counted.
    [Fact]
    public async Task Progress_adds_up_every_confirmed_pledge_of_a_need_and_averages_over_needs()
    {
        var p = (await Create(W.Amina, W.AminaHome)).Ok();
        foreach (var (who, need, amount) in new[] { (W.Bosco, 0, 30_000L), (W.Jean, 0, 45_000L), (W.Bosco, 1, 2L), (W.Jean, 2, 10L) })
            (await Confirm(W.Amina, (await Pledge(who, p.Id, p.Needs[need].Id, amount)).Ok().Id, "ref")).Ok();
        var ranked = await Host.Db(db => db.Projects.AsNoTracking().SingleAsync(x => x.Id == p.Id));
        // (75,000 / 150,000 = 500) + (2 / 4 = 500) + (10 / 10 = 1000), over 3 needs.
        Assert.Equal((500 + 500 + 1000) / 3, ranked.RankProgress);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_makes_one_pledge_and_the_same_answer()
    {
        var p = (await Create(W.Amina, W.AminaHome)).Ok();
        var first = (await Pledge(W.Bosco, p.Id, p.Needs[0].Id, 20_000, key: "k-1")).Ok();
        var again = (await Pledge(W.Bosco, p.Id, p.Needs[0].Id, 20_000, key: "k-1")).Ok();
        Assert.Equal(first, again);
        var other = (await Pledge(W.Bosco, p.Id, p.Needs[0].Id, 20_000, key: "k-2")).Ok();
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(2, await Host.CountAsync<Pledge>());
    }

    [Fact]
    public async Task Two_supporters_sending_the_same_idempotency_key_each_get_their_own_pledge_and_never_see_the_others()
    {
        var p = (await Create(W.Amina, W.AminaHome)).Ok();
        var money = p.Needs[0].Id;
        var bosco = (await Pledge(W.Bosco, p.Id, money, 20_000, key: "1")).Ok();
        var jean = (await Pledge(W.Jean, p.Id, money, 35_000, key: "1")).Ok();

        Assert.NotEqual(bosco.Id, jean.Id);
        Assert.Equal((35_000L, "Jean", true), (jean.Amount, jean.SupporterFirstName, jean.Mine));
        Assert.Equal((20_000L, "Bosco", true), (bosco.Amount, bosco.SupporterFirstName, bosco.Mine));
        // Read back: two pledges stand, each its supporter's own.
        var stored = await Host.Db(db => db.Pledges.AsNoTracking().Where(x => x.ProjectId == p.Id).OrderBy(x => x.Amount)
            .Select(x => new { x.Id, x.PersonId, x.Amount }).ToListAsync());
        Assert.Equal([(bosco.Id, W.Bosco.Id, 20_000L), (jean.Id, W.Jean.Id, 35_000L)], stored.Select(x => (x.Id, x.PersonId, x.Amount)));
        var owner = (await Get(W.Amina, p.Id)).Ok();
        Assert.Equal([(bosco.Id, "Bosco", 20_000L), (jean.Id, "Jean", 35_000L)],
            owner.Pledges.OrderBy(x => x.Amount).Select(x => (x.Id, x.SupporterFirstName, x.Amount)));
        Assert.Equal(55_000, owner.Needs[0].Pledged);
        // Jean sees his pledge alone, none of Bosco's.
        var jeans = (await Get(W.Jean, p.Id)).Ok().Pledges;
        Assert.Equal(jean.Id, Assert.Single(jeans, x => x.Mine).Id);
        Assert.DoesNotContain(jeans, x => x.Id == bosco.Id || x.SupporterFirstName == "Bosco" || x.Amount == 20_000);
    }

    [Fact]
    public async Task An_idempotency_key_reused_on_another_project_is_refused_and_changes_neither_project()
    {
        var a = (await Create(W.Amina, W.AminaHome, title: "Coop A")).Ok();
        var b = (await Create(W.Jean, W.JeanHome, title: "Coop B")).Ok();
        var first = (await Pledge(W.Bosco, a.Id, a.Needs[0].Id, 20_000, key: "1")).Ok();

        (await Pledge(W.Bosco, b.Id, b.Needs[0].Id, 30_000, key: "1")).Fails(Failure.InvalidFormat);

        Assert.Equal(0, await Host.Db(db => db.Pledges.CountAsync(x => x.ProjectId == b.Id)));
        Assert.Empty((await Get(W.Jean, b.Id)).Ok().Pledges);
        Assert.Equal(0, (await Get(W.Jean, b.Id)).Ok().Needs[0].Pledged);
        var still = Assert.Single((await Get(W.Amina, a.Id)).Ok().Pledges);
        Assert.Equal((first.Id, 20_000L, PledgeStatus.Pledged, a.Needs[0].Id), (still.Id, still.Amount, still.Status, still.NeedId));
    }

    [Fact]
    public async Task Ranking_and_closest_to_goal_count_only_confirmed_money_not_pledges_still_waiting()
    {
        // A: 30,000 confirmed and 120,000 pledged but not confirmed (not withdrawn either). B: 60,000 confirmed.
        var a = (await Create(W.Amina, W.AminaHome, title: "Coop A")).Ok();
        var b = (await Create(W.Jean, W.JeanHome, title: "Coop B")).Ok();
        var confirmedA = (await Pledge(W.Bosco, a.Id, a.Needs[0].Id, 30_000)).Ok();
        (await Pledge(W.Jean, a.Id, a.Needs[0].Id, 120_000)).Ok();
        var confirmedB = (await Pledge(W.Bosco, b.Id, b.Needs[0].Id, 60_000)).Ok();
        (await Confirm(W.Amina, confirmedA.Id, "MoMo 1")).Ok();
        (await Confirm(W.Jean, confirmedB.Id, "MoMo 2")).Ok();

        var ranks = await Host.Db(db => db.Projects.AsNoTracking().ToDictionaryAsync(x => x.Id, x => (x.RankProgress, x.RankSupporters)));
        Assert.Equal(((30_000 * 1000 / 150_000) / 3, 2), ranks[a.Id]); // 66 per mille; both supporters count
        Assert.Equal(((60_000 * 1000 / 150_000) / 3, 1), ranks[b.Id]); // 133 per mille
        var closest = (await Host.Run<ProjectSearch, ProjectList>(async s =>
            await s.SearchAsync(await As(W.Bosco), new ProjectQuery(Sort: ProjectSort.ClosestToGoal)))).Items;
        Assert.Equal(["Coop B", "Coop A"], closest.Select(c => c.Title));
        Assert.Equal([(133, 60_000L), (66, 30_000L)], closest.Select(c => (c.ProgressPermille, c.MoneyConfirmed ?? -1)));
    }

    [Fact]
    public async Task Only_a_sponsor_withdraws_a_verification_and_a_coordinator_a_member_the_owner_or_an_outsider_cannot()
    {
        var p = (await Create(W.Amina, W.AminaHome, isPublic: true)).Ok();
        var sara = await As(W.Sara);
        (await Host.Run<ProjectService, Outcome<ProjectView>>(s => s.VerifyAsync(sara, p.Id, "Visited the coop site on Tuesday."))).Ok();

        foreach (var who in new[] { W.Claude, W.Bosco, W.Amina, W.Dora, W.Odongo })
        {
            var viewer = await As(who);
            (await Host.Run<ProjectService, Outcome<ProjectView>>(s => s.WithdrawVerificationAsync(viewer, p.Id))).Fails(Failure.Forbidden);
        }

        var read = (await Get(W.Bosco, p.Id)).Ok().Verification;
        Assert.NotNull(read);
        Assert.Equal(("Sara", "Visited the coop site on Tuesday."), (read.ByFirstName, read.Note));
        var stored = await Host.Db(db => db.Projects.AsNoTracking().SingleAsync(x => x.Id == p.Id));
        Assert.Equal(W.Sara.Id, stored.VerifiedById);
        Assert.DoesNotContain(await Host.Db(db => db.AuditEntries.Select(x => x.Action).ToListAsync()), x => x == AuditActions.ProjectVerificationWithdrawn);
    }

    [Fact]
    public async Task Search_finds_words_in_any_language_with_or_without_accents_and_filters()
    {
        var coop = (await Create(W.Amina, W.AminaHome, title: "Ubworozi bw'inkoko", story: "Amagi ku isoko.", isPublic: true)).Ok();
        var school = (await Create(W.Jean, W.JeanHome, title: "École du soir pour adultes", story: "Cours d'alphabétisation le soir.",
            category: ProjectCategory.Education)).Ok();
        var sara = await As(W.Sara);
        await Host.Run<ProjectService, Outcome<ProjectView>>(s => s.VerifyAsync(sara, school.Id, null));
        async Task<List<string>> Find(Person? who, ProjectQuery q) => (await Host.Run<ProjectSearch, ProjectList>(async s =>
            await s.SearchAsync(who is null ? Viewer.Anonymous : await As(who), q))).Items.Select(i => i.Title).ToList();

        Assert.Equal(["Ubworozi bw'inkoko"], await Find(W.Bosco, new ProjectQuery(Q: "inkoko")));
        Assert.Equal(["Ubworozi bw'inkoko"], await Find(W.Bosco, new ProjectQuery(Q: "inko")));
        Assert.Equal(["École du soir pour adultes"], await Find(W.Bosco, new ProjectQuery(Q: "ecole")));
        Assert.Equal(["École du soir pour adultes"], await Find(W.Bosco, new ProjectQuery(Q: "alphabétisation soir")));
        Assert.Empty(await Find(W.Bosco, new ProjectQuery(Q: "\" OR * NEAR(")));
        Assert.Equal(["École du soir pour adultes"], await Find(W.Bosco, new ProjectQuery(VerifiedOnly: true)));
        Assert.Equal(["École du soir pour adultes"], await Find(W.Bosco, new ProjectQuery(Category: ProjectCategory.Education)));
        Assert.Equal(2, (await Find(W.Bosco, new ProjectQuery(Need: NeedKind.Materials))).Count);
        // Outside the community only the public one shows.
        Assert.Equal(["Ubworozi bw'inkoko"], await Find(W.Dora, new ProjectQuery()));
        Assert.Equal(["Ubworozi bw'inkoko"], await Find(null, new ProjectQuery()));
        Assert.Equal(coop.Id, (await Host.Run<ProjectSearch, ProjectList>(s => s.SearchAsync(Viewer.Anonymous, new ProjectQuery()))).Items[0].Id);
    }

    [Fact]
    public async Task Inspired_projects_spread_across_communities_and_similar_ones_are_found_across_languages()
    {
        var origin = (await Create(W.Amina, W.AminaHome, isPublic: true)).Ok();
        var gulu = (await Create(W.Dora, W.DoraHome, title: "Kuku wa mayai", story: "Tunataka kufuga kuku na kuuza mayai sokoni.",
            isPublic: true, inspiredBy: [origin.Id])).Ok();
        var third = (await Create(W.Jean, W.JeanHome, title: "Inkoko z'umudugudu", story: "Twigiye kuri Gulu.", inspiredBy: [gulu.Id])).Ok();

        var view = (await Get(W.Amina, origin.Id)).Ok();
        Assert.Equal([gulu.Id], view.Inspired.Select(i => i.Id));
        Assert.Contains(view.Similar, s => s.Id == gulu.Id);
        Assert.DoesNotContain(view.Similar, s => s.Id == third.Id); // same community: not "elsewhere"

        var tree = (await Host.Run<ProjectService, Outcome<SpreadNode>>(async s => await s.SpreadAsync(await As(W.Jean), third.Id))).Ok();
        Assert.Equal(origin.Id, tree.Project.Id);
        Assert.Equal(gulu.Id, Assert.Single(tree.Children).Project.Id);
        Assert.Equal(third.Id, Assert.Single(tree.Children[0].Children).Project.Id);

        // No loops.
        (await Patch(W.Amina, origin.Id, new ProjectPatch(InspiredBy: [third.Id]))).Fails(Failure.InvalidInspiration);
    }

    [Fact]
    public async Task Ambassador_links_count_visits_and_pledges_for_the_ambassador_and_the_owner()
    {
        var p = (await Create(W.Amina, W.AminaHome, isPublic: true)).Ok();
        await Host.GrantAsync(W.Kimironko.Id, W.Jean.Id, Role.Ambassador);
        var jeanView = (await Get(W.Jean, p.Id)).Ok();
        Assert.True(jeanView.Can.Share);
        var code = jeanView.ShareCode!;
        Assert.Null((await Get(W.Bosco, p.Id)).Ok().ShareCode);

        Assert.Equal(W.Jean.Id, await Host.Run<AmbassadorService, Guid?>(s => s.RecordVisitAsync(p.Id, code)));
        Assert.Null(await Host.Run<AmbassadorService, Guid?>(s => s.RecordVisitAsync(p.Id, "nonsense")));
        await Host.Run<AmbassadorService, Guid?>(s => s.RecordSignUpAsync(p.Id, code));
        (await Pledge(W.Dora, p.Id, p.Needs[1].Id, 3, via: code)).Ok();

        var dashboard = (await Host.Run<AmbassadorService, Outcome<AmbassadorDashboard>>(async s => await s.DashboardAsync(await As(W.Jean)))).Ok();
        Assert.Equal((1, 1, 1), (dashboard.Visits, dashboard.SignUps, dashboard.Pledges));
        var owner = (await Get(W.Amina, p.Id)).Ok();
        Assert.Equal(new AmbassadorCount("Jean", 1, 1, 1), Assert.Single(owner.Ambassadors!));
        Assert.Equal("Jean", owner.Pledges.Single().ViaAmbassadorFirstName);
        (await Host.Run<AmbassadorService, Outcome<AmbassadorDashboard>>(async s => await s.DashboardAsync(await As(W.Bosco)))).Fails(Failure.NotAmbassador);
    }

    [Fact]
    public async Task Followers_are_told_of_updates_in_the_app()
    {
        var p = (await Create(W.Amina, W.AminaHome)).Ok();
        (await Host.Run<ProjectService, Outcome<bool>>(async s => await s.FollowAsync(await As(W.Bosco), p.Id, true))).Ok();
        (await Host.Run<ProjectService, Outcome<UpdateView>>(async s => await s.PostUpdateAsync(await As(W.Bosco), p.Id, "Not mine"))).Fails(Failure.Forbidden);
        var update = (await Host.Run<ProjectService, Outcome<UpdateView>>(async s =>
            await s.PostUpdateAsync(await As(W.Amina), p.Id, "The first 20 chicks arrived!", [TestPhotos.JpegWithGps()]))).Ok();
        Assert.Single(update.Photos);
        var notices = await Host.Run<ProjectService, IReadOnlyList<NotificationView>>(async s => await s.NotificationsAsync(await As(W.Bosco)));
        Assert.Equal("The first 20 chicks arrived!", Assert.Single(notices).UpdateText);
        Assert.Empty(await Host.Run<ProjectService, IReadOnlyList<NotificationView>>(async s => await s.NotificationsAsync(await As(W.Amina))));
    }

    [Fact]
    public async Task Photos_lose_every_byte_of_metadata_and_are_turned_upright_and_resized()
    {
        var original = TestPhotos.JpegWithGps(orientation: 6, width: 2000, height: 1000);
        Assert.True(TestPhotos.Contains(original, "Exif\0\0"u8.ToArray()));
        var decodedOriginal = SKCodec.Create(new MemoryStream(original));
        Assert.Equal(SKEncodedOrigin.RightTop, decodedOriginal.EncodedOrigin);
        decodedOriginal.Dispose();

        var photo = PhotoProcessor.Process(original).Ok();
        foreach (var bytes in new[] { photo.Large, photo.Thumbnail })
        {
            Assert.False(TestPhotos.Contains(bytes, "Exif"u8.ToArray()), "EXIF survived");
            Assert.False(TestPhotos.Contains(bytes, System.Text.Encoding.ASCII.GetBytes(TestPhotos.SecretDescription)));
            Assert.False(TestPhotos.Contains(bytes, [0xFF, 0xE1]), "an APP1 segment survived");
            using var codec = SKCodec.Create(new MemoryStream(bytes));
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }
        // Stored sideways and "rotate 90°" in EXIF: it comes out upright, tall, at most 1280 on its long edge.
        Assert.Equal((640, 1280), (photo.Width, photo.Height));

        PhotoProcessor.Process("GIF89a not really"u8.ToArray()).Fails(Failure.InvalidPhoto);
        PhotoProcessor.Process("<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray()).Fails(Failure.InvalidPhoto);
        PhotoProcessor.Process([]).Fails(Failure.InvalidPhoto);
        PhotoProcessor.Process(new byte[PhotoProcessor.MaxBytes + 1]).Fails(Failure.PhotoTooLarge);
    }
}
