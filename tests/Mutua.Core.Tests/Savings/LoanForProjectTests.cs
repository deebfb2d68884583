using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Core.Projects;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

/// <summary>
/// A loan for a member's project (issue 14): the meeting says which of the borrower's projects it is for, and the project
/// may then say "backed by our savings group" with the amount, once the family chooses. Bosco borrows for his household's
/// chicken project; Jean's project is not his.
/// </summary>
public sealed class LoanForProjectTests : SavingsTestBase
{
    private Task<ProjectView> ProjectOf(Person by, Household home, string title, bool publish = true) =>
        Host.Run<ProjectService, ProjectView>(async s => (await s.CreateAsync(await As(by), new NewProject(home.Id, null, title,
            "Turashaka korora inkoko 50 tukagurisha amagi ku isoko.", ProjectCategory.Agriculture,
            [new NeedInput(NeedKind.Money, "Inkoko", 60_000)], Publish: publish, IsPublic: true))).Ok());

    private Task<Outcome<ProjectView>> Get(Person? by, Guid id) =>
        Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.GetAsync(by is null ? Viewer.Anonymous : await As(by), id));

    private Task<Outcome<ProjectView>> Show(Person by, Guid id, bool show) =>
        Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.UpdateAsync(await As(by), id, new ProjectPatch(ShowsSavingsBacking: show)));

    private async Task<Guid> SavedAsync()
    {
        var g = await GroupAsync();
        (await Meet(W.Amina, g.Id, new MeetingInput(NextWeek(), 25_000, Shares: [.. People.Take(10).Select(p => new SharesInput(p.Id, 5))]))).Ok();
        return g.Id;
    }

    [Fact]
    public async Task A_loan_for_the_borrowers_project_backs_it_and_the_family_alone_decides_whether_the_page_says_so()
    {
        var groupId = await SavedAsync();
        var chickens = await ProjectOf(W.Bosco, W.BoscoHome, "Inkoko za Bosco");
        Assert.Null((await Get(W.Bosco, chickens.Id)).Ok().SavingsBacking);

        var date = NextWeek();
        var loan = Assert.Single((await Meet(W.Amina, groupId, new MeetingInput(date, 20_000,
            Loans: [new LoanRequestInput(P(1), 5_000, ProjectId: chickens.Id)]))).Ok().Loans);
        Assert.Equal(chickens.Id, loan.ProjectId);
        var backing = await Host.Db(db => db.ProjectBackings.SingleAsync());
        Assert.Equal((chickens.Id, loan.Id, groupId, 5_000L, "RWF", date), (backing.ProjectId, backing.LoanId, backing.SavingsGroupId, backing.Amount,
            backing.Currency, backing.LentOn));

        // The family sees it, not shown yet; nobody else sees anything.
        Assert.Equal(new SavingsBackingView(5_000, "RWF", 1, false), (await Get(W.Bosco, chickens.Id)).Ok().SavingsBacking);
        Assert.Null((await Get(W.Jean, chickens.Id)).Ok().SavingsBacking);
        Assert.Null((await Get(null, chickens.Id)).Ok().SavingsBacking);

        // Only the family chooses: the secretary who recorded the loan may not show it for them.
        (await Show(W.Amina, chickens.Id, true)).Fails(Failure.Forbidden);
        Assert.Null((await Get(null, chickens.Id)).Ok().SavingsBacking);
        (await Show(W.Bosco, chickens.Id, true)).Ok();
        Assert.Equal(new SavingsBackingView(5_000, "RWF", 1, true), (await Get(null, chickens.Id)).Ok().SavingsBacking);
        Assert.Equal(new SavingsBackingView(5_000, "RWF", 1, true), (await Get(W.Jean, chickens.Id)).Ok().SavingsBacking);

        // A second loan for it adds up; stopping hides it again from everyone but the family.
        (await Meet(W.Amina, groupId, new MeetingInput(NextWeek(), 18_000, Loans: [new LoanRequestInput(P(1), 2_000, ProjectId: chickens.Id)]))).Ok();
        Assert.Equal(new SavingsBackingView(7_000, "RWF", 2, true), (await Get(null, chickens.Id)).Ok().SavingsBacking);
        (await Show(W.Bosco, chickens.Id, false)).Ok();
        Assert.Null((await Get(null, chickens.Id)).Ok().SavingsBacking);
        Assert.Equal(new SavingsBackingView(7_000, "RWF", 2, false), (await Get(W.Bosco, chickens.Id)).Ok().SavingsBacking);
    }

    [Fact]
    public async Task A_loan_for_someone_elses_project_or_one_of_another_community_is_refused_and_the_meeting_writes_nothing()
    {
        var groupId = await SavedAsync();
        var jeans = await ProjectOf(W.Jean, W.JeanHome, "Ubudozi bwa Jean");
        var doras = await ProjectOf(W.Dora, W.DoraHome, "Dora's tailoring");
        var entries = await Host.CountAsync<SavingsEntry>();

        (await Meet(W.Amina, groupId, new MeetingInput(NextWeek(), 20_000, Loans: [new LoanRequestInput(P(1), 5_000, ProjectId: jeans.Id)])))
            .Fails(Failure.NotBorrowersProject);
        (await Meet(W.Amina, groupId, new MeetingInput(NextWeek(), 20_000, Loans: [new LoanRequestInput(W.Dora.Id == P(1) ? P(2) : P(1), 5_000,
            ProjectId: doras.Id)]))).Fails(Failure.NotBorrowersProject);
        (await Meet(W.Amina, groupId, new MeetingInput(NextWeek(), 20_000, Loans: [new LoanRequestInput(P(1), 5_000, ProjectId: Guid.NewGuid())])))
            .Fails(Failure.NotBorrowersProject);
        Assert.Equal(entries, await Host.CountAsync<SavingsEntry>());
        Assert.Equal(0, await Host.CountAsync<SavingsLoan>());
        Assert.Equal(0, await Host.CountAsync<ProjectBacking>());

        // Jean's own project is his to borrow for.
        (await Meet(W.Amina, groupId, new MeetingInput(NextWeek(), 20_000, Loans: [new LoanRequestInput(W.Jean.Id, 5_000, ProjectId: jeans.Id)]))).Ok();
        Assert.Equal(jeans.Id, (await Host.Db(db => db.ProjectBackings.SingleAsync())).ProjectId);
    }

    [Fact]
    public async Task The_meeting_offers_the_members_published_projects_to_its_officers_only()
    {
        var groupId = await SavedAsync();
        var chickens = await ProjectOf(W.Bosco, W.BoscoHome, "Inkoko za Bosco");
        await ProjectOf(W.Jean, W.JeanHome, "Umushinga utarasohoka", publish: false);  // a draft stays the family's
        await ProjectOf(W.Dora, W.DoraHome, "Dora's tailoring");                      // not a member's

        var choices = (await Host.Run<SavingsService, Outcome<IReadOnlyList<LoanProjectChoice>>>(async s =>
            await s.LoanProjectsAsync(await As(W.Amina), groupId))).Ok();
        var choice = Assert.Single(choices);
        Assert.Equal((chickens.Id, W.Bosco.Id, "Bosco", "Inkoko za Bosco"), (choice.ProjectId, choice.PersonId, choice.FirstName, choice.Title));

        (await Host.Run<SavingsService, Outcome<IReadOnlyList<LoanProjectChoice>>>(async s => await s.LoanProjectsAsync(await As(W.Bosco), groupId)))
            .Fails(Failure.Forbidden);
        (await Host.Run<SavingsService, Outcome<IReadOnlyList<LoanProjectChoice>>>(async s => await s.LoanProjectsAsync(await As(W.Dora), groupId)))
            .Fails(Failure.NotFound);
    }
}
