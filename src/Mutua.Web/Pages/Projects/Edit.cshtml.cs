using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Projects;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Projects;

public sealed class NeedRow
{
    public Guid? Id { get; set; }
    public NeedKind Kind { get; set; } = NeedKind.Money;
    public string? Description { get; set; }
    public string? Amount { get; set; }
}

/// <summary>Posting a project (no id) or changing one (its owners). Status and visibility change on the project's page.</summary>
public sealed class EditModel(Viewer viewer, ProjectService projects, IStringLocalizer<Text> l) : PageModel
{
    public const int Rows = 5;

    [BindProperty, Display(Name = "Whose project")]
    public string? Owner { get; set; }

    [BindProperty, Required(ErrorMessage = "Please give the project a title."), StringLength(Project.TitleMaxLength, ErrorMessage = "That text is too long. Please shorten it.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [BindProperty, StringLength(Project.StoryMaxLength, ErrorMessage = "That text is too long. Please shorten it.")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    [Display(Name = "Your story")]
    public string? Story { get; set; }

    [BindProperty, StringLength(Project.HowToSendMaxLength, ErrorMessage = "That text is too long. Please shorten it.")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    [Display(Name = "How supporters send their support")]
    public string? HowToSend { get; set; }

    [BindProperty, Display(Name = "Category")]
    public ProjectCategory Category { get; set; } = ProjectCategory.SmallBusiness;

    [BindProperty]
    public List<NeedRow> Needs { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? InspiredBy { get; set; }

    [BindProperty, Display(Name = "Publish to the community now")]
    public bool Publish { get; set; }

    [BindProperty, Display(Name = "Public: anyone with the link can read it")]
    public bool IsPublic { get; set; }

    [BindProperty, Display(Name = "Photo")]
    public IFormFile? Photo { get; set; }

    public Guid? Id { get; private set; }
    public ProjectView? Existing { get; private set; }
    public string Currency { get; private set; } = "";
    public IReadOnlyList<(string Value, string Name)> Owners { get; private set; } = [];
    public ProjectLink? Inspiration { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, bool removed, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        if (removed) Message = l["The photo is removed."];
        if (Existing is { } p)
        {
            Title = p.Title;
            Story = p.Story;
            HowToSend = p.HowToSend;
            Category = p.Category;
            Needs = p.Needs.Select(n => new NeedRow
            {
                Id = n.Id, Kind = n.Kind, Description = n.Description,
                Amount = n.Kind == NeedKind.Money ? Money.ToInput(n.Target, p.Currency, CultureInfo.CurrentCulture) : n.Target.ToString(CultureInfo.CurrentCulture),
            }).ToList();
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        // A form without need rows (not the page's own form) leaves the needs as they are.
        var needsPosted = Needs.Count > 0;
        var needs = new List<NeedInput>();
        for (var i = 0; i < Needs.Count && i < 12; i++)
        {
            var row = Needs[i];
            if (string.IsNullOrWhiteSpace(row.Amount) && string.IsNullOrWhiteSpace(row.Description) && row.Id is null) continue;
            var reading = ProjectNames.ReadAmount(row.Kind, row.Amount, Currency);
            if (reading.Kind != AmountReading.Read)
            {
                ModelState.AddModelError($"Needs[{i}].Amount", ProjectNames.RefusalOf(row.Kind, row.Amount, reading, Currency, l));
                // Shown back as it was read, so saving again confirms it (never stored as a guess).
                if (reading.Kind == AmountReading.Unsure) row.Amount = ProjectNames.ToInput(reading, Currency);
                continue;
            }
            needs.Add(new NeedInput(row.Kind, row.Description, reading.MinorUnits, row.Id));
        }
        byte[]? photo = null;
        if (Photo is { Length: > 0 })
        {
            if (Photo.Length > PhotoProcessor.MaxBytes)
            {
                this.AddError(Failure.PhotoTooLarge, nameof(Photo));
            }
            else
            {
                using var buffer = new MemoryStream();
                await Photo.CopyToAsync(buffer, ct);
                photo = buffer.ToArray();
                var check = PhotoProcessor.Process(photo);
                if (!check.Succeeded) this.AddError(check.Failure!.Value, nameof(Photo));
            }
        }
        if (!ModelState.IsValid)
        {
            Pad();
            return Page();
        }
        Outcome<ProjectView> saved;
        if (Existing is null)
        {
            Guid? household = null, group = null;
            if (Owner?.StartsWith("g:", StringComparison.Ordinal) == true && Guid.TryParse(Owner[2..], out var g)) group = g;
            else if (Owner?.StartsWith("h:", StringComparison.Ordinal) == true && Guid.TryParse(Owner[2..], out var h)) household = h;
            saved = await projects.CreateAsync(viewer, new NewProject(household, group, Title, Story ?? "", Category, needs,
                InspiredBy is { } source ? [source] : null, Publish, IsPublic), ct);
            if (saved.Succeeded && !string.IsNullOrWhiteSpace(HowToSend))
                saved = await projects.UpdateAsync(viewer, saved.Value!.Id, new ProjectPatch(HowToSend: HowToSend), ct);
        }
        else
        {
            saved = await projects.UpdateAsync(viewer, Existing.Id, new ProjectPatch(Title, Story, Category, Needs: needsPosted ? needs : null, HowToSend: HowToSend ?? ""), ct);
        }
        if (!saved.Succeeded)
        {
            Pad();
            return this.Refuse(saved.Failure!.Value, onlyForbiddenEnds: true);
        }
        if (photo is not null)
        {
            var added = await projects.AddPhotoAsync(viewer, saved.Value!.Id, photo, ct);
            if (!added.Succeeded) return Redirect($"/p/{saved.Value.Slug}");
        }
        return Redirect($"/p/{saved.Value!.Slug}?done=saved");
    }

    /// <summary>A photo taken off the project by its owner (a form of its own: forms cannot nest in the edit form).</summary>
    public async Task<IActionResult> OnPostRemovePhotoAsync(Guid id, Guid photoId, CancellationToken ct)
    {
        var problem = await LoadAsync(id, ct);
        if (problem is not null) return problem;
        var removed = await projects.RemovePhotoAsync(viewer, id, photoId, ct);
        if (this.Refusal(removed) is { } refused) return refused;
        return Redirect($"/Projects/Edit/{id}?removed=true");
    }

    private void Pad()
    {
        while (Needs.Count < Math.Max(Rows, (Existing?.Needs.Count ?? 0) + 2)) Needs.Add(new NeedRow { Kind = Needs.Count == 0 ? NeedKind.Money : NeedKind.Materials });
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken ct)
    {
        if (viewer.Households.Count == 0) return this.Refusal(Failure.Forbidden);
        Id = id;
        if (id is { } projectId)
        {
            var existing = await projects.GetAsync(viewer, projectId, ct: ct);
            if (this.Refusal(existing) is { } refused) return refused;
            if (!existing.Value!.Can.Edit) return this.Refusal(Failure.Forbidden);
            Existing = existing.Value;
            Currency = Existing.Currency;
            return null;
        }
        var households = await projects.OwnerChoicesAsync(viewer, ct);
        var owners = new List<(string, string)>();
        foreach (var h in households)
        {
            owners.Add(($"h:{h.HouseholdId}", l["Our household: {0}", h.HouseholdName]));
            if (h.GroupId is not null) owners.Add(($"g:{h.GroupId}", l["Our group: {0}", h.GroupName ?? ""]));
        }
        Owners = owners;
        Currency = households.Count > 0 ? households[0].Currency : "";
        Owner ??= owners.FirstOrDefault().Item1;
        if (InspiredBy is { } source)
        {
            var inspiration = await projects.GetAsync(viewer, source, ct: ct);
            if (inspiration.Succeeded)
            {
                var v = inspiration.Value!;
                Inspiration = new ProjectLink(v.Id, v.Slug, v.Title, v.CommunityName, v.Category, v.Language);
            }
            else InspiredBy = null;
        }
        return null;
    }
}
