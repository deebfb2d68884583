using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core.Network;

/// <summary>The help map's services.</summary>
public static class NetworkFeature
{
    public static IServiceCollection AddNetwork(this IServiceCollection services)
    {
        services.AddScoped<NetworkService>();
        services.AddSingleton<Pseudonyms>();
        services.AddReaction<SavingsLoanDisbursed, SavingsHelpOnTheMap>();
        services.AddReaction<SocialFundPaid, SavingsHelpOnTheMap>();
        services.AddReaction<HouseholdClosing, SavingsHelpOnTheMap>();
        return services;
    }
}
