using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Mutua.Core;
using Mutua.Core.Projects;

namespace Mutua.Web.Api;

/// <summary>An update's text, with up to four photos as base64 (JPEG, PNG or WebP; re-encoded, metadata removed).</summary>
public sealed record UpdateRequest(string? Text, IReadOnlyList<string>? Photos);

public sealed record VerificationRequest(string? Note);

public sealed record ConfirmationRequest(string? Reference);

/// <summary>Where a new photo can be loaded from.</summary>
public sealed record PhotoResponse(Guid Id, string Url);

internal static class ProjectsApi
{
    private const int Forbidden = StatusCodes.Status403Forbidden;
    private const int NotFound = StatusCodes.Status404NotFound;
    private const int Conflict = StatusCodes.Status409Conflict;

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder app)
    {
        var api = app.MapGroup("").WithTags("Projects");
        api.MapGet("/projects", SearchProjectsAsync)
            .WithSummary("Find projects: q (words, any language), communityId, category, need (money|skills|time|materials), verified, nearGoal, sort (newest|closest|supported), page.")
            .WithQueryValues("category", [.. Enum.GetValues<ProjectCategory>().Select(v => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))])
            .WithQueryValues("need", [.. Enum.GetValues<NeedKind>().Select(v => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))])
            .WithQueryValues("sort", "newest", "closest", "supported");
        api.MapPost("/projects", CreateProjectAsync)
            .WithSummary("Post a project for your household (householdId) or group (groupId); a draft unless publish is true.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapGet("/projects/{id:guid}", GetProjectAsync)
            .WithSummary("A project with its needs (confirmed and pledged totals summed from the pledges), updates, inspirations and similar projects elsewhere.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPatch("/projects/{id:guid}", UpdateProjectAsync)
            .WithSummary("Change a project (its owners): title, story, category, status (published, paused, completed), isPublic, needs, inspiredBy.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPost("/projects/{id:guid}/updates", PostUpdateAsync)
            .WithSummary("Post an update (the project's owners); followers are told in the app.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPost("/projects/{id:guid}/photos", AddPhotoAsync)
            .DisableAntiforgery()
            .WithSummary("Add a photo (multipart field \"photo\"; the project's owners). Re-encoded and resized; all metadata, GPS included, is removed.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPost("/projects/{id:guid}/verification", VerifyProjectAsync)
            .WithSummary("Verify a project, with a note (sponsors of its community). Audited.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapDelete("/projects/{id:guid}/verification", WithdrawVerificationAsync)
            .WithSummary("Withdraw the verification badge (sponsors of its community). Audited.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPost("/projects/{id:guid}/pledges", PledgeAsync)
            .WithSummary("Pledge against a need: {\"needId\", \"amount\"} (money in minor units, time and skills in hours, materials in units), optional \"via\" (an ambassador's code). Send an Idempotency-Key header: the same key twice makes one pledge and the same answer.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapPost("/pledges/{id:guid}/confirmation", ConfirmPledgeAsync)
            .WithSummary("Confirm what arrived (the project's owners); money needs the transfer or mobile-money reference.")
            .ProducesProblems(Forbidden, NotFound, Conflict);
        api.MapDelete("/pledges/{id:guid}", WithdrawPledgeAsync)
            .WithSummary("Withdraw your pledge before it is confirmed. The record stays, marked withdrawn.")
            .ProducesProblems(Forbidden, NotFound, Conflict);
        api.MapPut("/projects/{id:guid}/follow", FollowAsync)
            .WithSummary("Follow a project: its updates appear in your notifications.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapDelete("/projects/{id:guid}/follow", UnfollowAsync)
            .WithSummary("Stop following a project.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapGet("/projects/{id:guid}/spread", SpreadAsync)
            .WithSummary("The tree of projects that grew from the same idea, across communities.")
            .ProducesProblems(Forbidden, NotFound);
        api.MapGet("/ambassador", AmbassadorDashboardAsync)
            .WithSummary("An ambassador's share code and what their links brought: visits, sign-ups, pledges.")
            .ProducesProblems(Forbidden);
        return app;
    }

    /// <summary>Photos for pages and link previews, outside /api so cookies and anonymous visitors of public projects can load them.</summary>
    public static void MapPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/projects/photos/{id:guid}", GetPhotoAsync)
            .AllowAnonymous()
            // A page's resource, not part of the API: PhotoResponse.url points here.
            .ExcludeFromDescription();
    }

    private static async Task<Results<Ok<ProjectList>, ApiProblem>> SearchProjectsAsync(string? q, string? communityId, string? category, string? need,
        bool? verified, bool? nearGoal, string? sort, int? page, Viewer viewer, ProjectSearch search, CancellationToken ct)
    {
        var query = ProjectQueryText.Parse(q, communityId, category, need, verified, nearGoal, sort, page);
        return query is null ? ApiResults.Problem(Failure.InvalidFormat) : TypedResults.Ok(await search.SearchAsync(viewer, query, ct));
    }

    private static async Task<Results<Created<ProjectView>, ApiProblem>> CreateProjectAsync(NewProject body, Viewer viewer, ProjectService projects,
        CancellationToken ct) =>
        ApiResults.Created(await projects.CreateAsync(viewer, body, ct), p => $"/api/v1/projects/{p.Id}");

    private static async Task<Results<Ok<ProjectView>, ApiProblem>> GetProjectAsync(Guid id, Viewer viewer, ProjectService projects, CancellationToken ct) =>
        ApiResults.Ok(await projects.GetAsync(viewer, id, withSimilar: true, ct));

    private static async Task<Results<Ok<ProjectView>, ApiProblem>> UpdateProjectAsync(Guid id, ProjectPatch body, Viewer viewer, ProjectService projects,
        CancellationToken ct) =>
        ApiResults.Ok(await projects.UpdateAsync(viewer, id, body, ct));

    private static async Task<Results<Created<UpdateView>, ApiProblem>> PostUpdateAsync(Guid id, UpdateRequest body, Viewer viewer,
        ProjectService projects, CancellationToken ct)
    {
        var photos = new List<byte[]>();
        foreach (var text in body.Photos ?? [])
        {
            var bytes = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, bytes, out var written)) return ApiResults.Problem(Failure.InvalidPhoto);
            photos.Add(bytes[..written]);
        }
        return ApiResults.Created(await projects.PostUpdateAsync(viewer, id, body.Text, photos, ct), _ => $"/api/v1/projects/{id}");
    }

    private static async Task<Results<Created<PhotoResponse>, ApiProblem>> AddPhotoAsync(Guid id, IFormFile photo, Viewer viewer,
        ProjectService projects, CancellationToken ct)
    {
        if (photo.Length > PhotoProcessor.MaxBytes) return ApiResults.Problem(Failure.PhotoTooLarge);
        using var buffer = new MemoryStream();
        await photo.CopyToAsync(buffer, ct);
        return ApiResults.Created(await projects.AddPhotoAsync(viewer, id, buffer.ToArray(), ct),
            p => $"/projects/photos/{p}", p => new PhotoResponse(p, $"/projects/photos/{p}"));
    }

    private static async Task<Results<Ok<ProjectView>, ApiProblem>> VerifyProjectAsync(Guid id, VerificationRequest? body, Viewer viewer,
        ProjectService projects, CancellationToken ct) =>
        ApiResults.Ok(await projects.VerifyAsync(viewer, id, body?.Note, ct));

    private static async Task<Results<Ok<ProjectView>, ApiProblem>> WithdrawVerificationAsync(Guid id, Viewer viewer, ProjectService projects,
        CancellationToken ct) =>
        ApiResults.Ok(await projects.WithdrawVerificationAsync(viewer, id, ct));

    private static async Task<Results<Created<PledgeView>, ApiProblem>> PledgeAsync(Guid id, PledgeInput body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Viewer viewer, PledgeService pledges, CancellationToken ct) =>
        ApiResults.Created(await pledges.PledgeAsync(viewer, id, body, idempotencyKey, ct), p => $"/api/v1/pledges/{p.Id}");

    private static async Task<Results<Ok<PledgeView>, ApiProblem>> ConfirmPledgeAsync(Guid id, ConfirmationRequest? body, Viewer viewer,
        PledgeService pledges, CancellationToken ct) =>
        ApiResults.Ok(await pledges.ConfirmAsync(viewer, id, body?.Reference, ct));

    private static async Task<Results<Ok<PledgeView>, ApiProblem>> WithdrawPledgeAsync(Guid id, Viewer viewer, PledgeService pledges, CancellationToken ct) =>
        ApiResults.Ok(await pledges.WithdrawAsync(viewer, id, ct));

    private static async Task<Results<NoContent, ApiProblem>> FollowAsync(Guid id, Viewer viewer, ProjectService projects, CancellationToken ct) =>
        ApiResults.NoContent(await projects.FollowAsync(viewer, id, true, ct));

    private static async Task<Results<NoContent, ApiProblem>> UnfollowAsync(Guid id, Viewer viewer, ProjectService projects, CancellationToken ct) =>
        ApiResults.NoContent(await projects.FollowAsync(viewer, id, false, ct));

    private static async Task<Results<Ok<SpreadNode>, ApiProblem>> SpreadAsync(Guid id, Viewer viewer, ProjectService projects, CancellationToken ct) =>
        ApiResults.Ok(await projects.SpreadAsync(viewer, id, ct));

    private static async Task<Results<Ok<AmbassadorDashboard>, ApiProblem>> AmbassadorDashboardAsync(Viewer viewer, AmbassadorService ambassadors,
        CancellationToken ct) =>
        ApiResults.Ok(await ambassadors.DashboardAsync(viewer, ct));

    /// <summary>Outside /api: a refusal is the site's plain 404, as for a photo that does not exist.</summary>
    private static async Task<Results<FileContentHttpResult, Microsoft.AspNetCore.Http.HttpResults.NotFound>> GetPhotoAsync(Guid id, string? size, HttpContext http, Viewer viewer,
        ProjectService projects, CancellationToken ct)
    {
        var photo = await projects.PhotoAsync(viewer, id, size == "thumb", ct);
        if (!photo.Succeeded) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = photo.Value!.Public ? "public, max-age=86400" : "private, max-age=3600";
        return TypedResults.File(photo.Value.Bytes, "image/jpeg");
    }
}

/// <summary>The discovery page's query string, shared by the page and the API.</summary>
public static class ProjectQueryText
{
    public static ProjectQuery? Parse(string? q, string? communityId, string? category, string? need, bool? verified, bool? nearGoal, string? sort, int? page)
    {
        Guid? community = null;
        if (!string.IsNullOrWhiteSpace(communityId))
        {
            if (!Guid.TryParse(communityId, out var c)) return null;
            community = c;
        }
        ProjectCategory? cat = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (!Enum.TryParse<ProjectCategory>(category, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(category, out _)) return null;
            cat = parsed;
        }
        NeedKind? kind = null;
        if (!string.IsNullOrWhiteSpace(need))
        {
            if (!Enum.TryParse<NeedKind>(need, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(need, out _)) return null;
            kind = parsed;
        }
        var order = sort?.ToLowerInvariant() switch
        {
            null or "" or "newest" => ProjectSort.Newest,
            "closest" or "closesttogoal" => ProjectSort.ClosestToGoal,
            "supported" or "mostsupported" => ProjectSort.MostSupported,
            _ => (ProjectSort?)null,
        };
        if (order is null) return null;
        return new ProjectQuery(q is { Length: > 200 } ? q[..200] : q, community, cat, kind, verified == true, nearGoal == true, order.Value, Math.Max(1, page ?? 1));
    }
}
