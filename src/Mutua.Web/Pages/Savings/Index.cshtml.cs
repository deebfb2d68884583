using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Savings;

namespace Mutua.Web.Pages.Savings;

/// <summary>The savings groups the person is a member of.</summary>
public sealed class IndexModel(Viewer viewer, SavingsService savings) : PageModel
{
    public IReadOnlyList<SavingsGroupSummary> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Groups = await savings.GroupsAsync(viewer, ct);
}
