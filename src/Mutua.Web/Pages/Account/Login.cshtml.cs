using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Account;

[AllowAnonymous] // Public. Signing in.
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

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var person = await signIns.SignInBrowserAsync(Login, Password, Remember, HttpContext);
        if (!person.Succeeded)
        {
            ModelState.AddModelError("", SignIns.RefusalMessage(l, person.Failure!.Value));
            return Page();
        }
        Localization.RememberLanguage(Response, person.Value!.PreferredLanguage);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
