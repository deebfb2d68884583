using Microsoft.AspNetCore.Authorization;
using Mutua.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.Projects;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Projects;

[AllowAnonymous] // Public. A public project's spread is readable without signing in; the others ask for it.
public sealed class SpreadModel(Viewer viewer, ProjectService projects) : PageModel
{
    public SpreadNode? Tree { get; private set; }
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var tree = await projects.SpreadAsync(viewer, id, ct);
        if (!tree.Succeeded) return viewer.IsSignedIn ? this.Refusal(Failure.NotFound) : Challenge();
        Tree = tree.Value;
        return Page();
    }
}
