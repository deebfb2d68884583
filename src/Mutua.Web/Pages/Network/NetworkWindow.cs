using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Network;

/// <summary>The "from" and "to" months of a network page, parsed; a bad month becomes a message and the default window.</summary>
public static class NetworkWindow
{
    public static (Month? From, Month? To, string? Problem) Parse(string? from, string? to, IStringLocalizer<Text> l)
    {
        Month? f = null, t = null;
        if (!string.IsNullOrEmpty(from)) { if (!Month.TryParse(from, out var m)) return (null, null, l.Message(Failure.InvalidMonth)); f = m; }
        if (!string.IsNullOrEmpty(to)) { if (!Month.TryParse(to, out var m)) return (null, null, l.Message(Failure.InvalidMonth)); t = m; }
        return (f, t, null);
    }
}
