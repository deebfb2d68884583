using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core.CheckIns;

/// <summary>Check-ins' services and what check-ins do when other features act.</summary>
public static class CheckInsFeature
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddScoped<CheckInService>();
        services.AddScoped<ProgressService>();
        services.AddScoped<GroupCheckInsService>();
        services.AddReaction<HouseholdClosing, HouseholdClosingCheckIns>();
        return services;
    }
}
