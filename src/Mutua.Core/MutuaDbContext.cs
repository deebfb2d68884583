using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Projects;

namespace Mutua.Core;

public sealed class MutuaDbContext(DbContextOptions<MutuaDbContext> options)
    : IdentityDbContext<Person, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<CommunityRole> CommunityRoles => Set<CommunityRole>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Orientation> Orientations => Set<Orientation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<IncomeLine> IncomeLines => Set<IncomeLine>();
    public DbSet<HelpExchange> HelpExchanges => Set<HelpExchange>();
    public DbSet<Network.SavingsHelpLink> SavingsHelpLinks => Set<Network.SavingsHelpLink>();
    public DbSet<Projects.ProjectBacking> ProjectBackings => Set<Projects.ProjectBacking>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<GoalProgress> GoalProgress => Set<GoalProgress>();
    public DbSet<CheckInCorrection> CheckInCorrections => Set<CheckInCorrection>();
    public DbSet<Insights.InsightsSnapshot> InsightsSnapshots => Set<Insights.InsightsSnapshot>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<ProjectUpdate> ProjectUpdates => Set<ProjectUpdate>();
    public DbSet<ProjectPhoto> ProjectPhotos => Set<ProjectPhoto>();
    public DbSet<ProjectFollower> ProjectFollowers => Set<ProjectFollower>();
    public DbSet<ProjectInspiration> ProjectInspirations => Set<ProjectInspiration>();
    public DbSet<ProjectNotification> ProjectNotifications => Set<ProjectNotification>();
    public DbSet<AmbassadorCode> AmbassadorCodes => Set<AmbassadorCode>();
    public DbSet<ShareEvent> ShareEvents => Set<ShareEvent>();
    public DbSet<Savings.SavingsGroup> SavingsGroups => Set<Savings.SavingsGroup>();
    public DbSet<Savings.SavingsMember> SavingsMembers => Set<Savings.SavingsMember>();
    public DbSet<Savings.SavingsOfficer> SavingsOfficers => Set<Savings.SavingsOfficer>();
    public DbSet<Savings.SavingsCycle> SavingsCycles => Set<Savings.SavingsCycle>();
    public DbSet<Savings.SavingsFineRule> SavingsFineRules => Set<Savings.SavingsFineRule>();
    public DbSet<Savings.RoscaTurn> RoscaTurns => Set<Savings.RoscaTurn>();
    public DbSet<Savings.SavingsMeeting> SavingsMeetings => Set<Savings.SavingsMeeting>();
    public DbSet<Savings.SavingsAttendance> SavingsAttendance => Set<Savings.SavingsAttendance>();
    public DbSet<Savings.SavingsLoan> SavingsLoans => Set<Savings.SavingsLoan>();
    public DbSet<Savings.SavingsEntry> SavingsEntries => Set<Savings.SavingsEntry>();
    public DbSet<Savings.SavingsDecision> SavingsDecisions => Set<Savings.SavingsDecision>();
    /// <summary>The help map's pseudonym secret: one row, shared by every web node like the data-protection keys.</summary>
    public DbSet<Network.PseudonymKey> PseudonymKeys => Set<Network.PseudonymKey>();
    /// <summary>Shared by every web node so a cookie made by one is valid on the others.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    private readonly IDatabaseProvider provider = DatabaseProviderOptions.ProviderOf(options);

    /// <summary>The SQL of the database under this context, for the queries written once per database.</summary>
    public SqlDialect Dialect => provider.Dialect;

    // How a save is written is the provider's: SQLite queues saves that arrive together into one commit.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        provider.SaveChanges(this, acceptAllChangesOnSuccess, base.SaveChanges);

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        provider.SaveChangesAsync(this, acceptAllChangesOnSuccess, base.SaveChangesAsync, cancellationToken);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        provider.ConfigureConventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MutuaDbContext).Assembly);
    }
}
