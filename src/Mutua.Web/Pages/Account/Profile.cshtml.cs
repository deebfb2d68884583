using System.Globalization;
using Mutua.Core;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Account;

public sealed class ProfileModel(Viewer viewer, ProfileService profiles, SessionService sessions, PasswordService passwords,
    SignIns signIns, UserManager<Person> users, IStringLocalizer<Text> l) : PageModel
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
    /// <summary>What the last form did: "ended", "others" or "password".</summary>
    public string? Done { get; private set; }
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];
    /// <summary>What the newcomers this person is buddy to see to reach them.</summary>
    public BuddyContact BuddyContact { get; private set; } = new(null, false);
    /// <summary>The phone as typed, shown back with <see cref="BuddyContactError"/> when it could not be read.</summary>
    public string? BuddyPhoneTyped { get; private set; }
    public string? BuddyContactError { get; private set; }
    /// <summary>Why the password was not changed, shown by the password form.</summary>
    public string? PasswordError { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, string? done, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(viewer, ct);
        if (!profile.Succeeded) return Challenge();
        await FillAsync(viewer, profile.Value!, ct);
        Done = done is "ended" or "others" or "password" or "buddy" ? done : null;
        FirstName = profile.Value!.FirstName;
        FullName = profile.Value.FullName;
        Language = profile.Value.Language;
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync(viewer, ct);
        var result = await profiles.UpdateAsync(viewer, new ProfileChange(FirstName, FullName ?? "", Language), ct);
        if (!result.Succeeded)
        {
            this.AddError(result.Failure!.Value);
            return await RedisplayAsync(viewer, ct);
        }
        Localization.RememberLanguage(Response, result.Value!.Language);
        return RedirectToPage(new { saved = true });
    }

    /// <summary>What the person shares with the newcomers they welcome: a phone of their choosing, "at the group meeting".</summary>
    public async Task<IActionResult> OnPostBuddyContactAsync(string? buddyPhone, bool buddyAtGroupMeeting, CancellationToken ct)
    {
        // The profile fields are not part of this form: their checks do not apply to it.
        ModelState.Clear();
        // The phone is read as dialled in the person's community's country (the conventions the request runs under).
        var region = CultureInfo.CurrentCulture.Name.Split('-') is [_, var r, ..] ? r : null;
        var saved = await profiles.SetBuddyContactAsync(viewer, buddyPhone, buddyAtGroupMeeting, region, ct);
        if (saved.Succeeded) return RedirectToPage(null, null, new { done = "buddy" }, "buddy");
        var profile = await profiles.GetAsync(viewer, ct);
        if (!profile.Succeeded) return Challenge();
        FirstName = profile.Value!.FirstName;
        FullName = profile.Value.FullName;
        Language = profile.Value.Language;
        await FillAsync(viewer, profile.Value, ct);
        BuddyContact = BuddyContact with { AtGroupMeeting = buddyAtGroupMeeting };
        BuddyPhoneTyped = buddyPhone;
        BuddyContactError = l["That phone number cannot be read. Write it as you would dial it, for example with the country code."];
        return Page();
    }

    /// <summary>Signs one of the person's other devices out.</summary>
    public async Task<IActionResult> OnPostEndSessionAsync(Guid sessionId, CancellationToken ct)
    {
        var ended = await sessions.EndAsync(viewer, sessionId, ct);
        // Any refusal answers as a session that does not exist: nobody can tell another person's sessions are there.
        if (!ended.Succeeded) return this.Refusal(Failure.NotFound);
        return RedirectToPage(new { done = "ended" });
    }

    /// <summary>"Sign out everywhere else": only this browser stays signed in.</summary>
    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken ct)
    {
        await sessions.EndOthersAsync(viewer, SignIns.SessionOf(User), ct);
        return RedirectToPage(new { done = "others" });
    }

    /// <summary>A new password; every other device is signed out, this one stays signed in.</summary>
    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword, CancellationToken ct)
    {
        // The profile fields are not part of this form: their checks do not apply to it.
        ModelState.Clear();
        var session = SignIns.SessionOf(User);
        var changed = await passwords.ChangeAsync(viewer, new PasswordChange(currentPassword, newPassword), session, ct);
        if (!changed.Succeeded)
        {
            PasswordError = l.Message(changed.Failure!.Value);
            var profile = await profiles.GetAsync(viewer, ct);
            if (!profile.Succeeded) return Challenge();
            FirstName = profile.Value!.FirstName;
            FullName = profile.Value.FullName;
            Language = profile.Value.Language;
            await FillAsync(viewer, profile.Value, ct);
            return Page();
        }
        // The change renewed the security stamp: this browser's cookie is made again for the same session.
        var person = await users.GetUserAsync(User);
        if (person is not null && session is not null) await signIns.RenewBrowserAsync(person, session.Value, HttpContext);
        return RedirectToPage(new { done = "password" });
    }

    private async Task<IActionResult> RedisplayAsync(Viewer viewer, CancellationToken ct)
    {
        var existing = await profiles.GetAsync(viewer, ct);
        if (existing.Succeeded) await FillAsync(viewer, existing.Value!, ct);
        return Page();
    }

    private async Task FillAsync(Viewer viewer, Profile p, CancellationToken ct)
    {
        Email = p.Email;
        Phone = p.PhoneNumber is null ? null : ContactNumbers.Display(p.PhoneNumber);
        Sessions = await sessions.ListAsync(viewer, SignIns.SessionOf(User), ct);
        BuddyContact = (await profiles.GetBuddyContactAsync(viewer, ct)).Value ?? BuddyContact;
    }
}
