using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Account;

[AllowAnonymous] // Public. Signing out works (and does nothing) without a session.
public sealed class LogoutModel(SignIns signIns) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    /// <summary>Ends the session on the server too: a copy of the cookie opens nothing afterwards.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIns.SignOutBrowserAsync(HttpContext);
        return RedirectToPage("/Index");
    }
}
