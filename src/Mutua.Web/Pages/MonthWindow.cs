using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
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
        if (Read(from, out var readFrom) && Read(to, out var readTo)) (f, t) = (readFrom, readTo);
        else problem = l.Message(Failure.InvalidMonth);
        var result = await load(f, t, false);
        if (!result.Succeeded && result.Failure is not (Failure.NotFound or Failure.Forbidden))
        {
            problem = l.Message(result.Failure!.Value);
            result = await load(null, null, true);
        }
        return (result, problem);
    }

    private static bool Read(string? text, out Month? month)
    {
        month = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!Month.TryParse(text, out var m)) return false;
        month = m;
        return true;
    }
}
