using Microsoft.Extensions.DependencyInjection;

namespace Mutua.Core.Auditing;

/// <summary>Auditing's services: the admins' reading of the audit log (every feature records through <see cref="AuditLog"/>).</summary>
public static class AuditingFeature
{
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddScoped<AuditService>();
        return services;
    }
}
