using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Projects;
using Mutua.Web.Api;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Projects;

/// <summary>Discovery: search and filters in a plain GET form (no JavaScript), cards, paging.</summary>
[AllowAnonymous] // Public. Discovery: public projects are readable without signing in.
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicPageCache.Name)]
public sealed class IndexModel(Viewer viewer, ProjectSearch search, ProjectService projects) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Community { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Need { get; set; }
    [BindProperty(SupportsGet = true)] public bool Verified { get; set; }
    [BindProperty(SupportsGet = true)] public bool NearGoal { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ProjectList Results { get; private set; } = new([], 1, ProjectSearch.PageSize, false);
    public IReadOnlyList<(Guid Id, string Name)> Communities { get; private set; } = [];
    public IReadOnlyList<ProjectCard> Mine { get; private set; } = [];
    /// <summary>A sponsor's queue, oldest first.</summary>
    public IReadOnlyList<ProjectToVerify> ToVerify { get; private set; } = [];
    public bool CanPost { get; private set; }
    public bool IsAmbassador { get; private set; }
    public int Unread { get; private set; }
    public bool BadFilter { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = ProjectQueryText.Parse(Q, Community, Category, Need, Verified, NearGoal, Sort, PageNumber);
        if (query is null)
        {
            BadFilter = true;
            query = new ProjectQuery(Q);
        }
        Results = await search.SearchAsync(viewer, query, ct);
        Communities = await search.CommunitiesAsync(ct);
        CanPost = viewer.Households.Count > 0;
        IsAmbassador = viewer.Roles.Any(r => r.Role == Mutua.Core.Role.Ambassador);
        if (viewer.IsSignedIn && PageNumber <= 1)
        {
            Mine = await projects.MineAsync(viewer, ct);
            Unread = await projects.UnreadCountAsync(viewer, ct);
            ToVerify = await projects.ToVerifyAsync(viewer, ct);
        }
    }

    /// <summary>The same search on another page.</summary>
    public string PageLink(int page)
    {
        var parts = new List<string>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}"); }
        Add("q", Q); Add("community", Community); Add("category", Category); Add("need", Need);
        if (Verified) Add("verified", "true");
        if (NearGoal) Add("nearGoal", "true");
        Add("sort", Sort);
        Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/Projects?" + string.Join("&", parts);
    }
}
