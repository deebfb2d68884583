using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core.Communities;

/// <summary>Communities' services and what Communities does when other features act.</summary>
public static class CommunitiesFeature
{
    public static IServiceCollection AddCommunities(this IServiceCollection services)
    {
        services.AddScoped<CommunityService>();
        services.AddScoped<InvitationService>();
        services.AddScoped<OrientationService>();
        services.AddScoped<RoleService>();
        services.AddScoped<HouseholdSharingService>();
        services.AddScoped<CommunityLookups>();
        services.AddScoped<Accounts.IPhoneRegions>(s => s.GetRequiredService<CommunityLookups>());
        services.AddScoped<Auditing.IAuditNames>(s => s.GetRequiredService<CommunityLookups>());
        services.AddScoped<Accounts.ISessionViewers>(s => s.GetRequiredService<CommunityLookups>());
        // Orientation ticks itself from a household's first check-in of a month and from a saved profile.
        services.AddReaction<CheckInSaved, OrientationTicks>();
        services.AddReaction<ProfileSaved, OrientationTicks>();
        services.AddReaction<PersonLeaving, PersonLeavingCommunities>();
        return services;
    }
}
