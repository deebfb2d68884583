using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignIns signIns, IStringLocalizer<Text> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Please enter your phone number or e-mail.")]
    [StringLength(254, ErrorMessage = "That is too long.")]
    [Display(Name = "Phone number or e-mail")]
    public string? Login { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Please enter your password.")]
    [StringLength(200, ErrorMessage = "That is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    [BindProperty]
    [Display(Name = "Keep me signed in on this phone")]
    public bool Remember { get; set; } = true;

    [FromQuery]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var (result, person) = await signIns.CheckAsync(Login, Password, "web", ct);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", l["Too many wrong passwords. Your account is locked for a few minutes."]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l["That phone number or e-mail and password do not match."]);
            return Page();
        }
        await signIns.SignInBrowserAsync(person!, Remember, HttpContext);
        Localization.RememberLanguage(Response, person!.PreferredLanguage);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
