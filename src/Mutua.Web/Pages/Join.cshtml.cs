using Microsoft.AspNetCore.Authorization;
using Mutua.Core;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages;

/// <summary>
/// Joining by invitation code: type the code, see where it leads, then create an account
/// (or, signed in already, join with the one you have).
/// </summary>
[AllowAnonymous] // Public. Joining is how someone without an account gets one.
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class JoinModel(InvitationService invitations, Viewer viewer, UserManager<Person> users,
    SignIns signIns, IStringLocalizer<Text> l, Mutua.Core.Projects.AmbassadorService ambassadors) : NewAccountPage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Invitation code")]
    public string? Code { get; set; }

    [BindProperty]
    [StringLength(Person.FullNameMaxLength, ErrorMessage = "That name is too long.")]
    [Display(Name = "Full name")]
    public string? FullName { get; set; }

    public InvitationPreview? Preview { get; private set; }
    public string? CodeError { get; private set; }
    public bool SignedIn { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SignedIn = viewer.IsSignedIn;
        if (string.IsNullOrWhiteSpace(Code)) return;
        await LoadPreviewAsync(ct);
        // A language the person already chose wins; otherwise offer the language of the community they are joining.
        var chosen = Request.Cookies.ContainsKey(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName);
        Language ??= chosen || Preview is null ? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : Preview.DefaultLanguage;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadPreviewAsync(ct)) return Page();
        if (!ModelState.IsValid) return Page();
        var joined = await invitations.SignUpAsync(Code, new SignUp(FirstName, FullName, Login, Password, Language), ct);
        if (!joined.Succeeded) return this.Refuse(joined.Failure!.Value);
        var person = await users.FindByIdAsync(joined.Value!.PersonId.ToString());
        await signIns.SignInBrowserAsync(person!, persistent: true, HttpContext);
        // Came through an ambassador's share link: the sign-up counts for them.
        if (Projects.ShowModel.ReadVia(Request) is { } via) await ambassadors.RecordSignUpAsync(via.Project, via.Code, ct);
        Localization.RememberLanguage(Response, person!.PreferredLanguage);
        return Redirect(NextPage(joined.Value));
    }

    /// <summary>A signed-in person joins with the account they have.</summary>
    public async Task<IActionResult> OnPostExistingAsync(CancellationToken ct)
    {
        if (!viewer.IsSignedIn) return Challenge();
        SignedIn = true;
        if (!await LoadPreviewAsync(ct)) return Page();
        var joined = await invitations.RedeemAsync(viewer, Code, ct);
        if (!joined.Succeeded)
        {
            ModelState.Clear();
            return this.Refuse(joined.Failure!.Value);
        }
        return Redirect(NextPage(joined.Value!));
    }

    /// <summary>A family's newcomer lands on their welcome (first steps, buddy); a peer role (sponsor, coordinator) on the community.</summary>
    private static string NextPage(Joined joined) =>
        joined.HouseholdId is not null ? $"/Communities/{joined.CommunityId}/Welcome" : $"/Communities/{joined.CommunityId}";

    private async Task<bool> LoadPreviewAsync(CancellationToken ct)
    {
        var preview = await invitations.PreviewAsync(Code, ct);
        if (!preview.Succeeded)
        {
            CodeError = l.Message(preview.Failure!.Value);
            return false;
        }
        Preview = preview.Value;
        Code = InvitationCodes.Display(preview.Value!.Code);
        return true;
    }
}
