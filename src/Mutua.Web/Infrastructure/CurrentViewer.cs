using System.Security.Claims;
using Mutua.Core;
using Mutua.Core.Communities;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// The signed-in person's <see cref="Viewer"/>, loaded once per request by <see cref="UseCurrentViewer"/>
/// right after sign-in is known. Pages and endpoints take <see cref="Viewer"/> itself (it is a scoped
/// service), so none of them loads it again.
/// </summary>
public sealed class CurrentViewer(IHttpContextAccessor http, MutuaDbContext db)
{
    private static readonly object ItemKey = new();
    private Viewer? viewer;

    /// <summary>The viewer the sign-in check loaded with the session (<see cref="SignIns"/>), so the request does not load it twice.</summary>
    public static void Remember(HttpContext context, Viewer viewer) => context.Items[ItemKey] = viewer;

    /// <summary>The request's viewer; <see cref="Viewer.Anonymous"/> until it was loaded (e.g. before sign-in ran).</summary>
    public Viewer Value => viewer ?? Viewer.Anonymous;

    /// <summary>Only <see cref="CurrentViewerExtensions.UseCurrentViewer"/> calls this: everyone else takes <see cref="Viewer"/>.</summary>
    internal async Task<Viewer> LoadAsync(CancellationToken ct = default)
    {
        if (viewer is not null) return viewer;
        var context = http.HttpContext;
        var id = context?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(id, out var personId)) return viewer = Viewer.Anonymous;
        viewer = context!.Items[ItemKey] is Viewer known && known.PersonId == personId ? known : await Viewers.LoadAsync(db, personId, ct);
        return viewer;
    }
}

public static class CurrentViewerExtensions
{
    /// <summary><see cref="Viewer"/> as a scoped service: what <see cref="UseCurrentViewer"/> loaded for this request.</summary>
    public static IServiceCollection AddCurrentViewer(this IServiceCollection services) => services
        .AddScoped<CurrentViewer>()
        .AddScoped(sp => sp.GetRequiredService<CurrentViewer>().Value);

    /// <summary>After authentication: load the viewer once (anonymous visitors cost nothing; signed-in ones were loaded with their session).</summary>
    public static IApplicationBuilder UseCurrentViewer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await context.RequestServices.GetRequiredService<CurrentViewer>().LoadAsync(context.RequestAborted);
        await next(context);
    });
}
