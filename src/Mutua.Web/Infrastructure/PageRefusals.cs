using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// One mapping from Core's <see cref="Failure"/> to a page's answer, translating itself (the API's is
/// <c>ApiResults</c>; both take the status from <see cref="FailureMessages.StatusCode"/>):
/// <list type="bullet">
/// <item>a failure of access (<see cref="Failure.NotFound"/> → 404, <see cref="Failure.Forbidden"/> → 403) ends the
/// page: the 404 status page, or the sign-in scheme's "denied";</item>
/// <item>any other failure is about what was typed: its message, in the person's language, goes on the form
/// and the page is shown again.</item>
/// </list>
/// </summary>
public static class PageRefusals
{
    /// <summary>True for the failures that end a page (<see cref="Failure.NotFound"/>, <see cref="Failure.Forbidden"/>), not shown on a form.</summary>
    public static bool IsAccess(this Failure failure) => failure is Failure.NotFound or Failure.Forbidden;

    /// <summary>
    /// A page's answer to a refusal: the status Core's failure has (<see cref="FailureMessages.StatusCode"/>) when it is
    /// 404, the 404 page; otherwise 403 through the sign-in scheme (a redirect to /Account/Denied for a browser).
    /// </summary>
    private static IActionResult Deny(PageModel page, Failure failure) =>
        failure.StatusCode() == StatusCodes.Status404NotFound ? page.NotFound() : page.Forbid();

    /// <summary>
    /// What a page answers when the thing it shows could not be loaded: <see cref="Failure.NotFound"/> is the 404
    /// page, any other refusal 403 (a loader refuses only by access).
    /// </summary>
    public static IActionResult Refusal(this PageModel page, Failure failure) => Deny(page, failure);

    /// <summary>Null when the load succeeded; otherwise <see cref="Refusal(PageModel, Failure)"/>.</summary>
    public static IActionResult? Refusal<T>(this PageModel page, Outcome<T> outcome) =>
        outcome.Succeeded ? null : Deny(page, outcome.Failure!.Value);

    /// <summary>
    /// Only the failures of access end the page (404, 403); null for success and for any other failure, which the
    /// page shows in its own way (a message above a default window, say).
    /// </summary>
    public static IActionResult? AccessRefusal(this PageModel page, Failure? failure) =>
        failure is { } f && f.IsAccess() ? Deny(page, f) : null;

    /// <inheritdoc cref="AccessRefusal(PageModel, Failure?)"/>
    public static IActionResult? AccessRefusal<T>(this PageModel page, Outcome<T> outcome) => page.AccessRefusal(outcome.Failure);

    /// <summary>A translated error on the form (<paramref name="key"/> "" is the form's summary), for the page to show again.</summary>
    public static void AddError(this PageModel page, Failure failure, string key = "") =>
        page.ModelState.AddModelError(key, page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Text>>().Message(failure));

    /// <summary>
    /// A form Core refused: a failure of access ends the page (404, 403); any other becomes a translated error on
    /// the form (under <paramref name="key"/>, "" for the summary) and the page is shown again. With
    /// <paramref name="onlyForbiddenEnds"/>, NotFound goes on the form too: for a form whose page loaded, where it
    /// means a choice on the form (a group, an owner) is gone, not the page.
    /// </summary>
    public static IActionResult Refuse(this PageModel page, Failure failure, string key = "", bool onlyForbiddenEnds = false)
    {
        if (onlyForbiddenEnds ? failure == Failure.Forbidden : failure.IsAccess()) return Deny(page, failure);
        return page.ShowOnForm(failure, key);
    }

    /// <summary>
    /// A form's action refused on a page the person may see: every failure is a translated message on the form and
    /// the page is shown again. Taking back a role twice (a double click, the back button) says why on the page,
    /// rather than "page not found" for an action that worked.
    /// </summary>
    public static IActionResult ShowOnForm(this PageModel page, Failure failure, string key = "")
    {
        page.AddError(failure, key);
        return page.Page();
    }
}
