using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

/// <summary>
/// A Core refusal as an HTTP answer: the status from <see cref="FailureMessages.StatusCode"/>, a title in the
/// caller's language (<see cref="FailureMessages.Message"/>) and a stable "error" code such as "not_found".
/// It translates itself when it is written, so handlers take no localizer just to refuse.
/// </summary>
public sealed class ApiProblem(Failure failure) : IResult, IStatusCodeHttpResult
{
    public Failure Failure { get; } = failure;

    public int StatusCode => Failure.StatusCode();

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) =>
        ApiResults.Problem(Failure, httpContext.RequestServices.GetRequiredService<IStringLocalizer<Text>>()).ExecuteAsync(httpContext);
}

/// <summary>
/// The one mapping from <see cref="Outcome{T}"/> to HTTP. Each method's result type names what the endpoint
/// answers (<c>Results&lt;Ok&lt;T&gt;, ApiProblem&gt;</c> …), so the OpenAPI document gets the success schema from
/// it; the problem statuses an endpoint can answer are declared with <see cref="ProducesProblems{TBuilder}"/>.
/// </summary>
internal static class ApiResults
{
    /// <summary>Whatever the endpoint answers on success (a file, a sign-in …), or the refusal.</summary>
    public static Results<TResult, ApiProblem> From<T, TResult>(Outcome<T> outcome, Func<T, TResult> onSuccess) where TResult : IResult =>
        outcome.Succeeded ? onSuccess(outcome.Value!) : new ApiProblem(outcome.Failure!.Value);

    /// <summary>200 with the value, or the refusal.</summary>
    public static Results<Ok<T>, ApiProblem> Ok<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : new ApiProblem(outcome.Failure!.Value);

    /// <summary>200 with the value shaped for the API, or the refusal.</summary>
    public static Results<Ok<TBody>, ApiProblem> Ok<T, TBody>(Outcome<T> outcome, Func<T, TBody> body) =>
        outcome.Succeeded ? TypedResults.Ok(body(outcome.Value!)) : new ApiProblem(outcome.Failure!.Value);

    /// <summary>201 with the new thing and where it lives, or the refusal.</summary>
    public static Results<Created<T>, ApiProblem> Created<T>(Outcome<T> outcome, Func<T, string> location) =>
        outcome.Succeeded ? TypedResults.Created(location(outcome.Value!), outcome.Value!) : new ApiProblem(outcome.Failure!.Value);

    /// <summary>201 with the new thing shaped for the API and where it lives, or the refusal.</summary>
    public static Results<Created<TBody>, ApiProblem> Created<T, TBody>(Outcome<T> outcome, Func<T, string> location, Func<T, TBody> body) =>
        outcome.Succeeded ? TypedResults.Created(location(outcome.Value!), body(outcome.Value!)) : new ApiProblem(outcome.Failure!.Value);

    /// <summary>204, or the refusal.</summary>
    public static Results<NoContent, ApiProblem> NoContent<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.NoContent() : new ApiProblem(outcome.Failure!.Value);

    /// <summary>The refusal alone, for input the handler reads before Core (a month, a role, a photo).</summary>
    public static ApiProblem Problem(Failure failure) => new(failure);

    /// <summary>The problem document itself, for a caller that already has the localizer.</summary>
    public static ProblemHttpResult Problem(Failure failure, IStringLocalizer<Text> l) =>
        TypedResults.Problem(title: l.Message(failure), statusCode: failure.StatusCode(),
            extensions: new Dictionary<string, object?> { ["error"] = ToCode(failure) });

    /// <summary>Documents the problem statuses an endpoint (or a group) can answer, as application/problem+json.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
        return builder;
    }

    /// <summary>
    /// Documents a 200 that is a file (CSV, XLSX, a ZIP, a photo …) in the given content types, beside any JSON
    /// the same status answers (<see cref="ApiOperation"/> writes them into the document as binary).
    /// </summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.WithMetadata(new ProducesFileMetadata(contentTypes));

    /// <summary>NotFound becomes "not_found".</summary>
    private static string ToCode(Failure failure) => ApiErrors.Code(failure);

    /// <summary>Says which error codes an operation answers a status with, where they are fewer than every code of that status.</summary>
    public static RouteHandlerBuilder WithErrorCodes(this RouteHandlerBuilder builder, int status, params string[] codes) =>
        builder.WithMetadata(new ErrorCodesMetadata(status, codes));

    /// <summary>Documents the values a query parameter takes (the handler refuses any other).</summary>
    public static RouteHandlerBuilder WithQueryValues(this RouteHandlerBuilder builder, string parameter, params string[] values) =>
        builder.WithMetadata(new QueryValuesMetadata(parameter, values));

    /// <summary>400 "bad_request": input the handler cannot use, as the binder answers a body it cannot read.</summary>
    public static ProblemHttpResult BadRequest(IStringLocalizer<Text> l) =>
        TypedResults.Problem(title: l["We could not read that request. Check that every field has the right kind of value."],
            statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["error"] = "bad_request" });
}

/// <summary>The values a query parameter takes, for the document's enum.</summary>
public sealed record QueryValuesMetadata(string Parameter, IReadOnlyList<string> Values);

/// <summary>The content types of the files an endpoint answers 200 with.</summary>
public sealed record ProducesFileMetadata(IReadOnlyList<string> ContentTypes);
