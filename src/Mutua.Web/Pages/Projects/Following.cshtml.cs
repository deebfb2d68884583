using Mutua.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.Projects;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Projects;

public sealed class FollowingModel(Viewer viewer, ProjectService projects) : PageModel
{
    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Notifications = await projects.NotificationsAsync(viewer, ct);
}
