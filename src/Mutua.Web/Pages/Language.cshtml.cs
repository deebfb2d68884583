using Microsoft.AspNetCore.Authorization;
using Mutua.Core;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.Accounts;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages;

/// <summary>
/// The language buttons at the foot of every page post here. Anyone may set the language cookie of
/// their own browser, so no token is asked for that; the choice is saved to a signed-in person's
/// profile only when the form carries their antiforgery token.
/// </summary>
[AllowAnonymous] // Public. Anyone may choose the language of their own browser.
[IgnoreAntiforgeryToken]
public sealed class LanguageModel(Viewer viewer, ProfileService profiles, IAntiforgery antiforgery) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl, CancellationToken ct)
    {
        if (Languages.IsSupported(language))
        {
            Localization.RememberLanguage(Response, language!);
            if (viewer.IsSignedIn && await antiforgery.IsRequestValidAsync(HttpContext)) await profiles.UpdateAsync(viewer, new ProfileChange(null, null, language), ct);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
