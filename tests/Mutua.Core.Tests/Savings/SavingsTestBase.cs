using Mutua.Core.Accounts;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

/// <summary>
/// A VSLA of ten in Kimironko (RWF, no minor unit): Amina (who makes it, so its secretary), Bosco, Jean and seven
/// neighbours with households of their own. Share price RWF 500, up to 5 shares a meeting, social fund RWF 200 a meeting,
/// 10 % a month on the outstanding balance, loans up to 3 × savings for up to 3 months.
/// </summary>
public abstract class SavingsTestBase : WorldTests
{
    public static readonly ConstitutionInput Rules = new(SharePrice: 500, MaxSharesPerMeeting: 5, SocialFundPerMeeting: 200,
        ServiceChargePercent: 10, ServiceChargeBasis: ServiceChargeBasis.Outstanding, LoanMultiple: 3, MaxLoanMonths: 3,
        Fines: [new FineRuleInput("late", 100), new FineRuleInput("absent", 200)]);

    protected List<Person> People { get; } = [];

    protected Guid P(int i) => People[i].Id;

    protected async Task<SavingsGroupView> GroupAsync(ConstitutionInput? rules = null, string name = "Twisungane", int size = 10)
    {
        if (People.Count == 0)
        {
            People.AddRange([W.Amina, W.Bosco, W.Jean]);
            for (var i = People.Count; i < SavingsGroup.MaxVslaMembers + 1; i++)
                People.Add((await Host.MemberAsync(W.Kimironko.Id, W.Umucyo.Id, $"Neighbour{i}")).Person);
        }
        return (await Create(W.Amina, new NewSavingsGroup(W.Kimironko.Id, name, SavingsGroupKind.Vsla,
            [.. People.Take(size).Select(p => p.Id)], rules ?? Rules))).Ok();
    }

    protected Task<Outcome<SavingsGroupView>> Create(Person by, NewSavingsGroup input) =>
        Host.Run<SavingsService, Outcome<SavingsGroupView>>(async s => await s.CreateGroupAsync(await As(by), input));

    protected Task<Outcome<SavingsGroupView>> Group(Person by, Guid id) =>
        Host.Run<SavingsService, Outcome<SavingsGroupView>>(async s => await s.GetGroupAsync(await As(by), id));

    protected Task<Outcome<MeetingRecord>> Meet(Person by, Guid groupId, MeetingInput input, string? key = null) =>
        Host.Run<SavingsService, Outcome<MeetingRecord>>(async s => await s.RecordMeetingAsync(await As(by), groupId, input, key));

    protected Task<Outcome<Passbook>> Passbook(Person by, Guid groupId, Guid personId) =>
        Host.Run<SavingsService, Outcome<Passbook>>(async s => await s.PassbookAsync(await As(by), groupId, personId));

    protected Task<Outcome<ShareOutView>> Preview(Person by, Guid groupId) =>
        Host.Run<SavingsService, Outcome<ShareOutView>>(async s => await s.ShareOutPreviewAsync(await As(by), groupId));

    protected Task<Outcome<CycleClosedView>> Close(Person by, Guid groupId, CloseCycleInput input, string? key = null) =>
        Host.Run<SavingsService, Outcome<CycleClosedView>>(async s => await s.CloseCycleAsync(await As(by), groupId, input, key));

    protected Task<IReadOnlyList<OwnSavings>> OwnSavings(Person by, string currency) =>
        Host.Run<SavingsService, IReadOnlyList<OwnSavings>>(async s => await s.OwnSavingsAsync(await As(by), currency));

    /// <summary>A week later, in Kigali.</summary>
    protected DateOnly NextWeek()
    {
        Host.Clock.Advance(TimeSpan.FromDays(7));
        return DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime.AddHours(2));
    }

    protected DateOnly Today => DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime.AddHours(2));
}
