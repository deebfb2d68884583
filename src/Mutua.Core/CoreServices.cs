using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Insights;
using Mutua.Core.Network;
using Mutua.Core.PersonalData;
using Mutua.Core.Projects;
using Mutua.Core.Savings;

namespace Mutua.Core;

/// <summary>
/// The composition root: the kernel's services, then each feature's own registration from its own folder
/// (its services and its reactions to other features' events). A new feature adds one line here.
/// </summary>
public static class CoreServices
{
    public static IServiceCollection AddMutuaCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddScoped<Events>();
        // The order of the features is the order their reactions to one event run in.
        services.AddAuditing();
        services.AddAccounts();
        services.AddCommunities();
        services.AddCheckIns();
        services.AddInsights();
        services.AddNetwork();
        services.AddProjects();
        services.AddSavings();
        services.AddPersonalData();
        return services;
    }
}
