using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Projects;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

/// <summary>An update's text, with up to four photos as base64 (JPEG, PNG or WebP; re-encoded, metadata removed).</summary>
public sealed record UpdateRequest(string? Text, IReadOnlyList<string>? Photos);

public sealed record VerificationRequest(string? Note);

public sealed record ConfirmationRequest(string? Reference);

internal static class ProjectsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/projects", async (string? q, string? communityId, string? category, string? need, bool? verified, bool? nearGoal, string? sort, int? page,
                CurrentViewer v, ProjectSearch s, IStringLocalizer<Text> l, CancellationToken ct) =>
            {
                var query = ProjectQueryText.Parse(q, communityId, category, need, verified, nearGoal, sort, page);
                return query is null ? ApiResults.Problem(Failure.InvalidFormat, l) : Results.Ok(await s.SearchAsync(await v.GetAsync(ct), query, ct));
            })
            .WithSummary("Find projects: q (words, any language), communityId, category, need (money|skills|time|materials), verified, nearGoal, sort (newest|closest|supported), page.");
        api.MapPost("/projects", async (NewProject body, CurrentViewer v, ProjectService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.CreateAsync(await v.GetAsync(ct), body, ct), l, p => Results.Created($"/api/v1/projects/{p.Id}", p)))
            .WithSummary("Post a project for your household (householdId) or group (groupId); a draft unless publish is true.");
        api.MapGet("/projects/{id:guid}", async (Guid id, CurrentViewer v, ProjectService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.GetAsync(await v.GetAsync(ct), id, withSimilar: true, ct), l))
            .WithSummary("A project with its needs (confirmed and pledged totals summed from the pledges), updates, inspirations and similar projects elsewhere.");
        api.MapPatch("/projects/{id:guid}", async (Guid id, ProjectPatch body, CurrentViewer v, ProjectService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.UpdateAsync(await v.GetAsync(ct), id, body, ct), l))
            .WithSummary("Change a project (its owners): title, story, category, status (published, paused, completed), isPublic, needs, inspiredBy.");
        api.MapPost("/projects/{id:guid}/updates", async (Guid id, UpdateRequest body, CurrentViewer v, ProjectService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            {
                var photos = new List<byte[]>();
                foreach (var text in body.Photos ?? [])
                {
                    var bytes = new byte[text.Length];
                    if (!Convert.TryFromBase64String(text, bytes, out var written)) return ApiResults.Problem(Failure.InvalidPhoto, l);
                    photos.Add(bytes[..written]);
                }
                return ApiResults.From(await s.PostUpdateAsync(await v.GetAsync(ct), id, body.Text, photos, ct), l,
                    u => Results.Created($"/api/v1/projects/{id}", u));
            })
            .WithSummary("Post an update (the project's owners); followers are told in the app.");
        api.MapPost("/projects/{id:guid}/photos", async (Guid id, IFormFile photo, CurrentViewer v, ProjectService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            {
                if (photo.Length > PhotoProcessor.MaxBytes) return ApiResults.Problem(Failure.PhotoTooLarge, l);
                using var buffer = new MemoryStream();
                await photo.CopyToAsync(buffer, ct);
                return ApiResults.From(await s.AddPhotoAsync(await v.GetAsync(ct), id, buffer.ToArray(), ct), l,
                    p => Results.Created($"/projects/photos/{p}", new { id = p, url = $"/projects/photos/{p}" }));
            })
            .DisableAntiforgery()
            .WithSummary("Add a photo (multipart field \"photo\"; the project's owners). Re-encoded and resized; all metadata, GPS included, is removed.");
        api.MapPost("/projects/{id:guid}/verification", async (Guid id, VerificationRequest? body, CurrentViewer v, ProjectService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.VerifyAsync(await v.GetAsync(ct), id, body?.Note, ct), l))
            .WithSummary("Verify a project, with a note (sponsors of its community). Audited.");
        api.MapDelete("/projects/{id:guid}/verification", async (Guid id, CurrentViewer v, ProjectService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.WithdrawVerificationAsync(await v.GetAsync(ct), id, ct), l))
            .WithSummary("Withdraw the verification badge (sponsors of its community). Audited.");
        api.MapPost("/projects/{id:guid}/pledges", async (Guid id, PledgeInput body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                CurrentViewer v, PledgeService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.PledgeAsync(await v.GetAsync(ct), id, body, idempotencyKey, ct), l,
                p => Results.Created($"/api/v1/pledges/{p.Id}", p)))
            .WithSummary("Pledge against a need: {\"needId\", \"amount\"} (money in minor units, time and skills in hours, materials in units), optional \"via\" (an ambassador's code). Send an Idempotency-Key header: the same key twice makes one pledge and the same answer.");
        api.MapPost("/pledges/{id:guid}/confirmation", async (Guid id, ConfirmationRequest? body, CurrentViewer v, PledgeService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.ConfirmAsync(await v.GetAsync(ct), id, body?.Reference, ct), l))
            .WithSummary("Confirm what arrived (the project's owners); money needs the transfer or mobile-money reference.");
        api.MapDelete("/pledges/{id:guid}", async (Guid id, CurrentViewer v, PledgeService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.WithdrawAsync(await v.GetAsync(ct), id, ct), l))
            .WithSummary("Withdraw your pledge before it is confirmed. The record stays, marked withdrawn.");
        api.MapPut("/projects/{id:guid}/follow", async (Guid id, CurrentViewer v, ProjectService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.FollowAsync(await v.GetAsync(ct), id, true, ct), l, _ => Results.NoContent()))
            .WithSummary("Follow a project: its updates appear in your notifications.");
        api.MapDelete("/projects/{id:guid}/follow", async (Guid id, CurrentViewer v, ProjectService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.FollowAsync(await v.GetAsync(ct), id, false, ct), l, _ => Results.NoContent()))
            .WithSummary("Stop following a project.");
        api.MapGet("/projects/{id:guid}/spread", async (Guid id, CurrentViewer v, ProjectService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.SpreadAsync(await v.GetAsync(ct), id, ct), l))
            .WithSummary("The tree of projects that grew from the same idea, across communities.");
        api.MapGet("/ambassador", async (CurrentViewer v, AmbassadorService s, IStringLocalizer<Text> l, CancellationToken ct) =>
            ApiResults.From(await s.DashboardAsync(await v.GetAsync(ct), ct), l))
            .WithSummary("An ambassador's share code and what their links brought: visits, sign-ups, pledges.");
    }

    /// <summary>Photos for pages and link previews, outside /api so cookies and anonymous visitors of public projects can load them.</summary>
    public static void MapPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/projects/photos/{id:guid}", async (Guid id, string? size, HttpContext http, CurrentViewer v, ProjectService s, CancellationToken ct) =>
        {
            var photo = await s.PhotoAsync(await v.GetAsync(ct), id, size == "thumb", ct);
            if (!photo.Succeeded) return Results.NotFound();
            http.Response.Headers.CacheControl = photo.Value!.Public ? "public, max-age=86400" : "private, max-age=3600";
            return Results.File(photo.Value.Bytes, "image/jpeg");
        }).AllowAnonymous(); // a public project's photos show to anyone; the service decides which
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
