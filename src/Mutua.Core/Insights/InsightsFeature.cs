using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core.Insights;

/// <summary>Insights' services. Snapshots are of settled months and never recomputed, so no write elsewhere makes them stale.</summary>
public static class InsightsFeature
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddScoped<InsightsService>();
        return services;
    }
}
