using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core.Accounts;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Account;

public sealed class ProfileModel(CurrentViewer current, ProfileService profiles, IStringLocalizer<Text> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Please enter your first name.")]
    [StringLength(Person.NameMaxLength, ErrorMessage = "That name is too long.")]
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [BindProperty]
    [StringLength(Person.FullNameMaxLength, ErrorMessage = "That name is too long.")]
    [Display(Name = "Full name")]
    public string? FullName { get; set; }

    [BindProperty]
    [Display(Name = "Language")]
    public string Language { get; set; } = Languages.Default;

    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(await current.GetAsync(ct), ct);
        if (!profile.Succeeded) return Challenge();
        Fill(profile.Value!);
        FirstName = profile.Value!.FirstName;
        FullName = profile.Value.FullName;
        Language = profile.Value.Language;
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        if (!ModelState.IsValid)
        {
            var existing = await profiles.GetAsync(viewer, ct);
            if (existing.Succeeded) Fill(existing.Value!);
            return Page();
        }
        var result = await profiles.UpdateAsync(viewer, new ProfileChange(FirstName, FullName ?? "", Language), ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l.Message(result.Failure!.Value));
            return Page();
        }
        Localization.RememberLanguage(Response, result.Value!.Language);
        return RedirectToPage(new { saved = true });
    }

    private void Fill(Profile p)
    {
        Email = p.Email;
        Phone = p.PhoneNumber is null ? null : ContactNumbers.Display(p.PhoneNumber);
    }
}
