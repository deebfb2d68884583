using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

internal static class ApiResults
{
    /// <summary>The value, or a problem document whose title is in the caller's language and whose "error" is stable.</summary>
    public static IResult From<T>(Outcome<T> outcome, IStringLocalizer<Text> l, Func<T, IResult>? onSuccess = null) =>
        outcome.Succeeded
            ? onSuccess?.Invoke(outcome.Value!) ?? Results.Ok(outcome.Value)
            : Problem(outcome.Failure!.Value, l);

    public static IResult Problem(Failure failure, IStringLocalizer<Text> l) =>
        Results.Problem(title: l.Message(failure), statusCode: failure.StatusCode(),
            extensions: new Dictionary<string, object?> { ["error"] = ToCode(failure) });

    /// <summary>NotFound becomes "not_found".</summary>
    private static string ToCode(Failure failure) =>
        string.Concat(failure.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
