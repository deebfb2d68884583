using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core.Savings;

/// <summary>Savings groups' services. They react to no other feature's events yet; the help map may react to theirs.</summary>
public static class SavingsFeature
{
    public static IServiceCollection AddSavings(this IServiceCollection services)
    {
        services.AddScoped<SavingsService>();
        // What coordinators and sponsors see of the groups: aggregates only.
        services.AddScoped<SavingsRollUp>();
        return services;
    }
}
