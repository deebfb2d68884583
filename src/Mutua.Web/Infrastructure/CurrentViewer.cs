using System.Security.Claims;
using Mutua.Core;
using Mutua.Core.Communities;

namespace Mutua.Web.Infrastructure;

/// <summary>The signed-in person's <see cref="Viewer"/>, loaded once per request.</summary>
public sealed class CurrentViewer(IHttpContextAccessor http, MutuaDbContext db)
{
    private static readonly object ItemKey = new();
    private Viewer? viewer;

    /// <summary>The viewer the sign-in check loaded with the session (<see cref="SignIns"/>), so the request does not load it twice.</summary>
    public static void Remember(HttpContext context, Viewer viewer) => context.Items[ItemKey] = viewer;

    public async Task<Viewer> GetAsync(CancellationToken ct = default)
    {
        if (viewer is not null) return viewer;
        var context = http.HttpContext;
        var id = context?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(id, out var personId)) return viewer = Viewer.Anonymous;
        viewer = context!.Items[ItemKey] is Viewer known && known.PersonId == personId ? known : await Viewer.LoadAsync(db, personId, ct);
        return viewer;
    }
}
