using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core.Accounts;

/// <summary>Accounts' services: people, their profiles, sessions and passwords.</summary>
public static class AccountsFeature
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<ProfileService>();
        services.AddScoped<SessionService>();
        services.AddScoped<PasswordService>();
        services.AddScoped<AccountCreation>();
        return services;
    }
}
