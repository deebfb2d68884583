using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Core.Projects;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Account;

/// <summary>
/// Signing up as a supporter (issue 13): funders, friends of an ambassador and neighbours support families' projects
/// without a household or an invitation code. From a project page or a share link; they land back on the project's
/// pledge form, and a share link's ambassador is counted for the sign-up.
/// </summary>
[AllowAnonymous] // Public. Signing up is how a supporter without an account gets one.
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignUpModel(AccountCreation accounts, ProjectService projects, AmbassadorService ambassadors, Viewer viewer,
    SignIns signIns) : NewAccountPage
{
    /// <summary>The public project the person came from (/p/{slug}), if any.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Project { get; set; }

    public SupportedProject? Supported { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Supported = await projects.PublicProjectAsync(Project, ct);
        // Signed in already: nothing to sign up for; back to the project (or discovery).
        if (viewer.IsSignedIn) return Redirect(Back());
        Language ??= System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Supported = await projects.PublicProjectAsync(Project, ct);
        if (viewer.IsSignedIn) return Redirect(Back());
        if (!ModelState.IsValid) return Page();
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // A phone number typed without its country code is read as the project's country writes it; with "+" it is read as typed.
        var created = await accounts.CreateAsync(new SignUp(FirstName, null, Login, Password, Language), language, Supported?.Country ?? "US", ct);
        if (!created.Succeeded) return this.Refuse(created.Failure!.Value);
        var person = created.Value!;
        await signIns.SignInBrowserAsync(person, persistent: true, HttpContext);
        if (Projects.ShowModel.ReadVia(Request) is { } via) await ambassadors.RecordSignUpAsync(via.Project, via.Code, ct);
        Localization.RememberLanguage(Response, person.PreferredLanguage);
        return Redirect(Back());
    }

    /// <summary>The project's pledge form, or discovery: never an address from outside (only a known slug is used).</summary>
    private string Back() => Supported is { } p ? $"/p/{p.Slug}#pledge" : "/Projects";
}
