using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Communities;

public sealed class CreateModel(Viewer viewer, CommunityService communities) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Please enter a name."), StringLength(Community.NameMaxLength, ErrorMessage = "That name is too long.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty, Required(ErrorMessage = "Please say where it is."), StringLength(Community.PlaceMaxLength, ErrorMessage = "That is too long.")]
    [Display(Name = "Place")]
    public string? Place { get; set; }

    [BindProperty, Required(ErrorMessage = "Please choose a country."), StringLength(2, MinimumLength = 2, ErrorMessage = "Please choose a country.")]
    [Display(Name = "Country code")]
    public string? Country { get; set; }

    [BindProperty]
    [Display(Name = "Language")]
    public string DefaultLanguage { get; set; } = Languages.Default;

    [BindProperty, Required(ErrorMessage = "Please enter a currency code such as USD, RWF or UGX."), StringLength(3, MinimumLength = 3, ErrorMessage = "Please enter a currency code such as USD, RWF or UGX.")]
    [Display(Name = "Currency")]
    public string? Currency { get; set; }

    [BindProperty, Required(ErrorMessage = "Please choose a time zone such as Africa/Kigali.")]
    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        viewer.IsAdmin ? Page() : this.Refusal(Failure.Forbidden);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!viewer.IsAdmin) return this.Refusal(Failure.Forbidden);
        if (!ModelState.IsValid) return Page();
        var created = await communities.CreateAsync(viewer, new NewCommunity(Name!, Place!, Country!, DefaultLanguage, Currency!, TimeZone!), ct);
        if (!created.Succeeded) return this.Refuse(created.Failure!.Value);
        return Redirect($"/Communities/{created.Value!.Id}");
    }
}
