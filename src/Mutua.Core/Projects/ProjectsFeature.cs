using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core.Projects;

/// <summary>The marketplace's services and what it does when other features act.</summary>
public static class ProjectsFeature
{
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<ProjectService>();
        services.AddScoped<ProjectSearch>();
        services.AddScoped<PledgeService>();
        services.AddScoped<AmbassadorService>();
        services.AddReaction<HouseholdClosing, LeavingProjects>();
        services.AddReaction<PersonLeaving, LeavingProjects>();
        services.AddReaction<SavingsLoanDisbursed, ProjectBackings>();
        return services;
    }
}
