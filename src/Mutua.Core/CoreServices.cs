using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;

namespace Mutua.Core;

public static class CoreServices
{
    public static IServiceCollection AddMutuaCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddScoped<CommunityService>();
        services.AddScoped<InvitationService>();
        services.AddScoped<OrientationService>();
        services.AddScoped<RoleService>();
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<ProfileService>();
        services.AddScoped<SessionService>();
        services.AddScoped<PasswordService>();
        services.AddScoped<CheckIns.CheckInService>();
        services.AddScoped<CheckIns.ProgressService>();
        services.AddScoped<CheckIns.GroupCheckInsService>();
        services.AddScoped<Insights.InsightsService>();
        services.AddScoped<Network.NetworkService>();
        services.AddSingleton<Network.Pseudonyms>();
        services.AddScoped<HouseholdSharingService>();
        services.AddScoped<Auditing.AuditService>();
        services.AddScoped<Projects.ProjectService>();
        services.AddScoped<Projects.ProjectSearch>();
        services.AddScoped<Projects.PledgeService>();
        services.AddScoped<Projects.AmbassadorService>();
        services.AddScoped<PersonalData.HouseholdDataService>();
        services.AddScoped<PersonalData.AccountClosure>();
        return services;
    }
}
