using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// A body that is not valid JSON, or a value of the wrong type, is the caller's mistake: answer 400
/// with a message in their language, never a 500 or a stack trace.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems, IStringLocalizer<Text> l) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            return await WriteAsync(context, bad.StatusCode, l["We could not read that request. Check that every field has the right kind of value."], "bad_request");
        }
        // Machines calling the API get JSON for our own failures too; pages get the error page.
        if (IsApi(context))
        {
            return await WriteAsync(context, StatusCodes.Status500InternalServerError, l["Sorry, something went wrong on our side. Nothing you entered was lost; please try again."], "server_error");
        }
        return false;
    }

    /// <summary>
    /// By the time a handler runs, the middleware has already rewritten Request.Path to /Error, so asking it
    /// sent every API failure to the HTML error page (issue 11, finding 6): the path asked for is in the feature.
    /// </summary>
    private static bool IsApi(HttpContext context) =>
        new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path).StartsWithSegments("/api");

    private async Task<bool> WriteAsync(HttpContext context, int status, string title, string error)
    {
        context.Response.StatusCode = status;
        if (IsApi(context))
        {
            // Always JSON under /api, whatever the Accept header says: IProblemDetailsService declines a client that
            // asks only for text/html.
            await Results.Problem(title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["error"] = error })
                .ExecuteAsync(context);
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Extensions = { ["error"] = error } },
        });
    }
}
