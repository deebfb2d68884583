using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.Accounts;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages;

/// <summary>The language buttons at the foot of every page post here.</summary>
public sealed class LanguageModel(CurrentViewer current, ProfileService profiles) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl, CancellationToken ct)
    {
        if (Languages.IsSupported(language))
        {
            Localization.RememberLanguage(Response, language!);
            var viewer = await current.GetAsync(ct);
            if (viewer.IsSignedIn) await profiles.UpdateAsync(viewer, new ProfileChange(null, null, language), ct);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
