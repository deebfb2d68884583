using Mutua.Core;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

/// <summary>
/// The stable "error" codes of problem documents. They are part of the API's contract (docs/api.md): never translated,
/// never renamed in v1. Every Core <see cref="Failure"/> has one (NotFound is "not_found"); the web edge adds a few of its own.
/// </summary>
public static class ApiErrors
{
    /// <summary>The web edge's own codes and their statuses (the literals are written where they are answered).</summary>
    public static readonly IReadOnlyList<(string Code, int Status, string Meaning)> Edge =
    [
        ("bad_request", StatusCodes.Status400BadRequest, "The request could not be read: not JSON, a value of the wrong type (a number as a string, an unknown enum name), a required field missing or null."),
        ("bad_request", StatusCodes.Status415UnsupportedMediaType, "The body is not application/json (or multipart/form-data where a photo is uploaded)."),
        ("unauthorized", StatusCodes.Status401Unauthorized, "No bearer token, or one that expired or whose session was signed out."),
        ("invalid_credentials", StatusCodes.Status401Unauthorized, "POST /auth/login: the login and password do not match (which part is not said)."),
        ("signed_out", StatusCodes.Status401Unauthorized, "POST /auth/refresh: the refresh token is unknown, expired, already used, or its session ended."),
        ("server_error", StatusCodes.Status500InternalServerError, "Something went wrong on Mutua's side; nothing was changed."),
    ];

    /// <summary>NotFound becomes "not_found".</summary>
    public static string Code(Failure failure) =>
        string.Concat(failure.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Every code, in a stable order: Core's failures, then the edge's.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. Enum.GetValues<Failure>().Select(Code).Concat(Edge.Select(e => e.Code)).Distinct()];

    /// <summary>The codes a problem of this status can carry, unless an operation says more precisely (<see cref="ErrorCodesMetadata"/>).</summary>
    public static IReadOnlyList<string> ForStatus(int status) =>
        [.. Enum.GetValues<Failure>().Where(f => f.StatusCode() == status).Select(Code)
            .Concat(Edge.Where(e => e.Status == status && e.Code is not ("invalid_credentials" or "signed_out")).Select(e => e.Code)).Distinct()];
}

/// <summary>The error codes one operation answers with a status, where they are fewer than <see cref="ApiErrors.ForStatus"/>.</summary>
public sealed record ErrorCodesMetadata(int Status, IReadOnlyList<string> Codes);
