using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages;

/// <summary>
/// The "from" and "to" months of a page (yyyy-MM, either may be empty). A month that cannot be read, or a
/// window the service refuses, becomes a message, and the page shows its default window instead of an error.
/// </summary>
public static class MonthWindow
{
    /// <param name="load">Loads the window; its last argument is true when it is the default window after a refusal.</param>
    public static async Task<(Outcome<T> Result, string? Problem)> LoadAsync<T>(string? from, string? to, IStringLocalizer<Text> l,
        Func<Month?, Month?, bool, Task<Outcome<T>>> load)
    {
        string? problem = null;
        Month? f = null, t = null;
        if (Month.ReadWindow(from, to, out var readFrom, out var readTo) is { } unread) problem = l.Message(unread);
        else (f, t) = (readFrom, readTo);
        var result = await load(f, t, false);
        if (result.Failure is { } refused && !refused.IsAccess())
        {
            problem = l.Message(refused);
            result = await load(null, null, true);
        }
        return (result, problem);
    }
}
