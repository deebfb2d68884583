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
        services.AddScoped<CommunityService>();
        services.AddScoped<InvitationService>();
        services.AddScoped<OrientationService>();
        services.AddScoped<RoleService>();
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<ProfileService>();
        services.AddScoped<CheckIns.CheckInService>();
        services.AddScoped<CheckIns.ProgressService>();
        services.AddScoped<CheckIns.GroupCheckInsService>();
        services.AddScoped<Insights.InsightsService>();
        services.AddScoped<Network.NetworkService>();
        services.AddScoped<Auditing.AuditService>();
        return services;
    }
}
