using Microsoft.AspNetCore.Identity;
using Mutua.Core.Auditing;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Insights;
using Mutua.Core.Projects;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.PersonalData;

/// <summary>
/// Amina's household with a row in every table that can hold something about a household or a person,
/// and Bosco's household next door with its own (which Amina's download must not carry).
/// </summary>
public sealed record FullHousehold(Guid CheckIn, Guid Goal, Guid Project, Guid PledgedProject, Guid UnpledgedProject, Guid BoscoProject,
    Guid PledgeReceived, Guid PledgeMadeConfirmed, Guid PledgeMadeOpen, Guid Invitation, Guid BoscoHelpAboutAmina)
{
    public const string AminaNote = "Twabonye umurima mushya";
    public const string BoscoNote = "Bosco's own private note";
    public const string AminaFullName = "Amina Uwimana";
    public const string AminaEmail = "amina.uwimana@example.org";
    public const string AminaPhone = "+250788000001";
    public const string Reference = "MoMo from Amina Uwimana 0788000001 ref 4471";

    public static Task<FullHousehold> FillAsync(TestHost host, World w) => host.Db(async db =>
    {
        var now = host.Clock.GetUtcNow();
        var amina = await db.Users.FindAsync(w.Amina.Id);
        amina!.FullName = AminaFullName;
        amina.Email = AminaEmail;
        amina.NormalizedEmail = AminaEmail.ToUpperInvariant();

        var goal = new Goal { HouseholdId = w.AminaHome.Id, Name = "Kugura inka", CreatedAt = now };
        var checkIn = new CheckIn
        {
            HouseholdId = w.AminaHome.Id, CommunityId = w.Kimironko.Id, GroupId = w.Umucyo.Id, Period = 202610, Currency = "RWF",
            IncomeTotal = 80_000, SavingsBalance = 20_000, HealthNotes = "ok", WhatsNew = AminaNote, NeedsMask = 1 << (int)NeedCategory.Transport,
            WantsMask = 1 << (int)NeedCategory.Training, GaveHelp = true, CreatedAt = now, UpdatedAt = now, RecordedById = w.Amina.Id,
            Income = [new IncomeLine { Source = IncomeSource.OwnBusiness, Amount = 80_000 }],
            Help = [new HelpExchange { Direction = HelpDirection.Given, Kind = HelpKind.Childcare, OtherHouseholdId = w.BoscoHome.Id }],
        };
        checkIn.Goals.Add(new GoalProgress { GoalId = goal.Id, Percent = 40 });
        db.Goals.Add(goal);
        db.CheckIns.Add(checkIn);
        db.CheckInCorrections.Add(new CheckInCorrection { CheckInId = checkIn.Id, At = now, ById = w.Amina.Id, Summary = "income" });

        var boscoCheckIn = new CheckIn
        {
            HouseholdId = w.BoscoHome.Id, CommunityId = w.Kimironko.Id, GroupId = w.Umucyo.Id, Period = 202610, Currency = "RWF",
            WhatsNew = BoscoNote, ReceivedHelp = true, CreatedAt = now, UpdatedAt = now, RecordedById = w.Bosco.Id,
            Help = [new HelpExchange { Direction = HelpDirection.Received, Kind = HelpKind.Childcare, OtherHouseholdId = w.AminaHome.Id }],
        };
        db.CheckIns.Add(boscoCheckIn);

        Project NewProject(Guid household, Guid by, string title) => new()
        {
            Slug = $"p-{Guid.NewGuid():N}"[..20], CommunityId = w.Kimironko.Id, HouseholdId = household, CreatedById = by, Title = title,
            Story = "Inkuru", Category = ProjectCategory.Agriculture, Status = ProjectStatus.Published, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
        };
        var project = NewProject(w.AminaHome.Id, w.Amina.Id, "Inkoko");
        var unpledged = NewProject(w.AminaHome.Id, w.Amina.Id, "Ubuhinzi");
        var bosco = NewProject(w.BoscoHome.Id, w.Bosco.Id, "Bosco's bakery");
        db.Projects.AddRange(project, unpledged, bosco);
        var need = new Need { ProjectId = project.Id, Kind = NeedKind.Money, Description = "", Target = 100_000 };
        var boscoNeed = new Need { ProjectId = bosco.Id, Kind = NeedKind.Money, Description = "", Target = 100_000 };
        db.Needs.AddRange(need, boscoNeed, new Need { ProjectId = unpledged.Id, Kind = NeedKind.Money, Description = "", Target = 5 });
        var update = new ProjectUpdate { ProjectId = project.Id, AuthorId = w.Amina.Id, Text = "Twatangiye", CreatedAt = now };
        var boscoUpdate = new ProjectUpdate { ProjectId = bosco.Id, AuthorId = w.Bosco.Id, Text = "Ovens are in", CreatedAt = now };
        db.ProjectUpdates.AddRange(update, boscoUpdate);
        db.ProjectPhotos.Add(new ProjectPhoto { ProjectId = project.Id, Width = 2, Height = 2, Large = [0xFF, 0xD8, 1, 2], Thumbnail = [0xFF, 0xD8], CreatedAt = now });
        db.ProjectPhotos.Add(new ProjectPhoto { ProjectId = unpledged.Id, Width = 2, Height = 2, Large = [0xFF, 0xD8, 3], Thumbnail = [0xFF], CreatedAt = now });
        db.ProjectInspirations.Add(new ProjectInspiration { ProjectId = project.Id, InspiredById = bosco.Id, CreatedAt = now });
        db.ProjectFollowers.Add(new ProjectFollower { ProjectId = project.Id, PersonId = w.Bosco.Id, CreatedAt = now });
        db.ProjectFollowers.Add(new ProjectFollower { ProjectId = bosco.Id, PersonId = w.Amina.Id, CreatedAt = now });
        db.ProjectNotifications.Add(new ProjectNotification { PersonId = w.Amina.Id, ProjectId = bosco.Id, UpdateId = boscoUpdate.Id, CreatedAt = now });
        var received = new Pledge { ProjectId = project.Id, NeedId = need.Id, PersonId = w.Bosco.Id, Amount = 5_000, CreatedAt = now, IdempotencyKey = "bosco-key" };
        var madeConfirmed = new Pledge
        {
            ProjectId = bosco.Id, NeedId = boscoNeed.Id, PersonId = w.Amina.Id, Amount = 7_000, CreatedAt = now, Status = PledgeStatus.Confirmed,
            ConfirmedAt = now, ConfirmedById = w.Bosco.Id, Reference = Reference, IdempotencyKey = "amina-key",
        };
        var madeOpen = new Pledge { ProjectId = bosco.Id, NeedId = boscoNeed.Id, PersonId = w.Amina.Id, Amount = 3_000, CreatedAt = now };
        db.Pledges.AddRange(received, madeConfirmed, madeOpen);
        db.AmbassadorCodes.Add(new AmbassadorCode { PersonId = w.Amina.Id, Code = "AMB23456", CreatedAt = now });
        db.ShareEvents.Add(new ShareEvent { AmbassadorId = w.Amina.Id, ProjectId = bosco.Id, Kind = ShareEventKind.Visit, At = now });
        var invitation = new Invitation
        {
            Code = "AMNAINV2", CommunityId = w.Kimironko.Id, HouseholdId = w.AminaHome.Id, CreatedById = w.Amina.Id, CreatedAt = now,
            ExpiresAt = now.AddDays(14),
        };
        db.Invitations.Add(invitation);
        // Someone else's invitation that brought her, named for her.
        db.Invitations.Add(new Invitation
        {
            Code = "CLDXK7PQ", CommunityId = w.Kimironko.Id, GroupId = w.Umucyo.Id, NewHouseholdName = "Amina's family", CreatedById = w.Claude.Id,
            CreatedAt = now, ExpiresAt = now.AddDays(14), RedeemedAt = now, RedeemedById = w.Amina.Id,
        });
        db.Orientations.Add(new Orientation { PersonId = w.Amina.Id, CommunityId = w.Kimironko.Id, BuddyId = w.Bosco.Id, StartedAt = now });
        db.Record(now, w.Claude.Id, AuditActions.HouseholdMoved, w.Kimironko.Id, w.AminaHome.Id, "moved");
        db.UserClaims.Add(new IdentityUserClaim<Guid> { UserId = w.Amina.Id, ClaimType = "test", ClaimValue = "claim" });
        db.UserLogins.Add(new IdentityUserLogin<Guid> { UserId = w.Amina.Id, LoginProvider = "test", ProviderKey = "key", ProviderDisplayName = "Test" });
        db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = w.Amina.Id, LoginProvider = "test", Name = "token", Value = "secret-token-value" });
        var role = new IdentityRole<Guid> { Id = Guid.NewGuid(), Name = "tester", NormalizedName = "TESTER" };
        db.Roles.Add(role);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = w.Amina.Id, RoleId = role.Id });
        // A savings group of Amina's (its secretary), a meeting she attended, a share purchase and a loan of hers.
        var savings = new SavingsGroup { CommunityId = w.Kimironko.Id, Name = "Twisungane", Kind = SavingsGroupKind.Vsla, Currency = "RWF",
            CreatedById = w.Amina.Id, CreatedAt = now };
        var cycle = new SavingsCycle { GroupId = savings.Id, Number = 1, StartedAt = now, SharePrice = 500 };
        var meeting = new SavingsMeeting { GroupId = savings.Id, CycleId = cycle.Id, Number = 1, Date = new DateOnly(2026, 11, 2), BoxCash = 2_500,
            RecordedById = w.Amina.Id, RecordedAt = now };
        db.SavingsGroups.Add(savings);
        db.SavingsCycles.Add(cycle);
        db.SavingsMeetings.Add(meeting);
        db.SavingsMembers.Add(new SavingsMember { GroupId = savings.Id, PersonId = w.Amina.Id, JoinedAt = now });
        db.SavingsOfficers.Add(new SavingsOfficer { GroupId = savings.Id, PersonId = w.Amina.Id, Role = SavingsOfficerRole.Secretary, ChosenAt = now });
        db.SavingsAttendance.Add(new SavingsAttendance { MeetingId = meeting.Id, PersonId = w.Amina.Id, Status = Attendance.InPerson });
        var loan = new SavingsLoan { GroupId = savings.Id, CycleId = cycle.Id, PersonId = w.Amina.Id, ApprovedAtMeetingId = meeting.Id,
            ApprovedOn = meeting.Date, Months = 3, DueOn = meeting.Date.AddMonths(3), Principal = 2_000, ProjectId = project.Id };
        db.SavingsLoans.Add(loan);
        db.ProjectBackings.Add(new ProjectBacking { ProjectId = project.Id, LoanId = loan.Id, SavingsGroupId = savings.Id, Amount = 2_000,
            Currency = "RWF", LentOn = meeting.Date });
        db.SavingsEntries.Add(new SavingsEntry { GroupId = savings.Id, CycleId = cycle.Id, MeetingId = meeting.Id, Sequence = 1,
            Kind = SavingsEntryKind.SharePurchase, DebitAccount = SavingsAccount.LoanFund, CreditAccount = SavingsAccount.Savings,
            PersonId = w.Amina.Id, Amount = 2_500, Shares = 5, Date = meeting.Date, RecordedById = w.Amina.Id, RecordedAt = now });
        // A settled month's aggregates: kept when anyone leaves.
        db.InsightsSnapshots.Add(new InsightsSnapshot { CommunityId = w.Kimironko.Id, Scope = w.Kimironko.Id, Period = 202609, ComputedAt = now, Data = "{}" });
        await db.SaveChangesAsync();
        return new FullHousehold(checkIn.Id, goal.Id, project.Id, project.Id, unpledged.Id, bosco.Id, received.Id, madeConfirmed.Id, madeOpen.Id,
            invitation.Id, boscoCheckIn.Help[0].Id);
    });
}
