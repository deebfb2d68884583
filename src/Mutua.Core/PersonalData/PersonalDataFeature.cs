using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core.PersonalData;

/// <summary>A household's download and a person's account closure.</summary>
public static class PersonalDataFeature
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services)
    {
        services.AddScoped<HouseholdDataService>();
        services.AddScoped<AccountClosure>();
        return services;
    }
}
