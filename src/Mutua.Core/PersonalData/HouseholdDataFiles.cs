using Microsoft.AspNetCore.Identity;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Projects;
using Mutua.Core.Savings;

namespace Mutua.Core.PersonalData;

/// <summary>
/// What a household's download holds, table by table: one JSON and one CSV file per entry, each with
/// every column of its table except the ones withheld here, each withheld column with its reason.
/// A table that holds household or person data and is in neither list fails a test
/// (HouseholdDataServiceTests): a new table must be placed in the download or said why not.
/// </summary>
public static class HouseholdDataFiles
{
    public sealed record Entry(string File, Type Table, IReadOnlyDictionary<string, string> Withheld);

    private static Entry E<T>(string file, params (string Column, string Why)[] withheld) =>
        new(file, typeof(T), withheld.ToDictionary(w => w.Column, w => w.Why));

    private const string OtherPersonsAccount = "another person's account: their first name is given instead, as the household sees it";

    public static readonly IReadOnlyList<Entry> Entries =
    [
        E<Household>("household"),
        E<HouseholdMember>("members"),
        E<Person>("me",
            ("PasswordHash", "only proves a password; it tells nothing about you and must not leave the server"),
            ("SecurityStamp", "an internal marker that ends old sign-ins"),
            ("ConcurrencyStamp", "an internal marker against lost updates")),
        E<CommunityRole>("my-roles"),
        E<IdentityUserClaim<Guid>>("my-account-claims"),
        E<IdentityUserLogin<Guid>>("my-account-logins"),
        E<IdentityUserRole<Guid>>("my-account-roles"),
        E<IdentityUserToken<Guid>>("my-account-tokens", ("Value", "a secret that works like a password")),
        E<CheckIn>("checkins"),
        E<IncomeLine>("checkin-income"),
        E<HelpExchange>("checkin-help"),
        E<HelpExchange>("help-reported-by-others",
            ("CheckInId", "the other household's check-in: which household reported it is theirs to share")),
        E<Goal>("goals"),
        E<GoalProgress>("goal-progress"),
        E<CheckInCorrection>("checkin-corrections"),
        E<Project>("projects"),
        E<Need>("project-needs"),
        E<ProjectUpdate>("project-updates"),
        E<ProjectPhoto>("project-photos",
            ("Large", "the image itself is in photos/, named in the file column"),
            ("Thumbnail", "a smaller copy of the same image")),
        E<ProjectInspiration>("project-inspirations"),
        E<ProjectBacking>("project-savings-backing"),
        E<ProjectFollower>("project-followers", ("PersonId", "who follows is the follower's own business; the count is the household's")),
        E<Pledge>("pledges-received",
            ("PersonId", OtherPersonsAccount),
            ("ViaAmbassadorId", OtherPersonsAccount),
            ("IdempotencyKey", "the supporter's app's key against sending a pledge twice")),
        E<Pledge>("my-pledges"),
        E<ProjectFollower>("my-following"),
        E<ProjectNotification>("my-notifications"),
        E<AmbassadorCode>("my-ambassador-code"),
        E<ShareEvent>("my-ambassador-shares"),
        E<Invitation>("invitations",
            ("Code", "a code is a key to join; the open ones you made are on the Invitations page")),
        E<Orientation>("orientation"),
        E<AuditEntry>("audit"),
        E<SavingsMember>("my-savings-groups"),
        E<SavingsOfficer>("my-savings-officer-roles"),
        E<SavingsEntry>("my-savings-entries", ("RecordedById", "the officer who wrote it down: another person's account")),
        E<SavingsLoan>("my-savings-loans"),
        E<SavingsAttendance>("my-savings-attendance"),
    ];

    /// <summary>Tables that refer to households or people but are not in the download, and why.</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotIncluded = new Dictionary<Type, string>
    {
        [typeof(SignInSession)] = "the devices you are signed in on are listed on your profile, where you can sign each one out",
        // A savings group's books are its members' together, read on the group's pages; each member's own part is above.
        [typeof(SavingsGroup)] = "a savings group is all its members'; its page shows it to each of them",
        [typeof(SavingsCycle)] = "a savings group's rules for a cycle are the group's, shown on its page",
        [typeof(SavingsFineRule)] = "a savings group's fines are the group's rules, shown on its page",
        [typeof(SavingsMeeting)] = "a savings group's meetings are the group's record; your attendance and entries are in your files",
        [typeof(SavingsDecision)] = "a savings group's decisions are the group's minutes, shown on its page",
        [typeof(RoscaTurn)] = "a rotating group's order is the group's, shown on its page",
        [typeof(Network.SavingsHelpLink)] = "the help map's copy of your savings group's loans and social-fund payouts; the loans and payouts themselves are in my-savings-loans and my-savings-entries",
    };
}
