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
        if (exception is not BadHttpRequestException bad) return false;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = l["We could not read that request. Check that every field has the right kind of value."],
                Extensions = { ["error"] = "bad_request" },
            },
        });
    }
}
