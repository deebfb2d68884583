using Mutua.Core;

namespace Mutua.Web.Api;

/// <summary>The stable "error" codes of problem documents (never translated).</summary>
public static class ApiErrors
{
    /// <summary>NotFound becomes "not_found".</summary>
    public static string Code(Failure failure) =>
        string.Concat(failure.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
