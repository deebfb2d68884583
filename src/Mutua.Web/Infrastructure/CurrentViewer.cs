using System.Security.Claims;
using Mutua.Core;
using Mutua.Core.Communities;

namespace Mutua.Web.Infrastructure;

/// <summary>The signed-in person's <see cref="Viewer"/>, loaded once per request.</summary>
public sealed class CurrentViewer(IHttpContextAccessor http, MutuaDbContext db)
{
    private Viewer? viewer;

    public async Task<Viewer> GetAsync(CancellationToken ct = default)
    {
        if (viewer is not null) return viewer;
        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        viewer = Guid.TryParse(id, out var personId) ? await Viewer.LoadAsync(db, personId, ct) : Viewer.Anonymous;
        return viewer;
    }
}
