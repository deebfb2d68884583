using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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
    /// <summary>The help map's pseudonym secret: one row, shared by every web node like the data-protection keys.</summary>
    public DbSet<Network.PseudonymKey> PseudonymKeys => Set<Network.PseudonymKey>();
    /// <summary>Shared by every web node so a cookie made by one is valid on the others.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var commits = GroupCommit();
        if (commits is null) return base.SaveChanges(acceptAllChangesOnSuccess);
        commits.Gate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            commits.Gate.Release();
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        GroupCommit() is { } commits
            ? commits.SaveAsync(this, acceptAllChangesOnSuccess, cancellationToken)
            : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    internal Task<int> SaveChangesDirectAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>
    /// SQLite lets one writer in at a time and makes the others sleep and retry, for longer and longer
    /// under load. The saves of this process are written by one writer instead, together where they
    /// arrive together (see <see cref="SqliteGroupCommit"/>). Inside a transaction the caller already
    /// holds the database's write lock (or will): no queueing there, which could deadlock.
    /// </summary>
    private SqliteGroupCommit? GroupCommit() =>
        Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" && Database.CurrentTransaction is null
            ? SqliteGroupCommit.For(Database.GetConnectionString() ?? "")
            : null;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type it can compare or sort; store instants as UTC ticks there.
        // PostgreSQL keeps them as timestamptz.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MutuaDbContext).Assembly);
    }
}
