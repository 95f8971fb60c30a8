using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace MynaPlatform.Gateway.Middleware;

/// <summary>
/// Rejects request targets whose encoded or dotted segments could make a service see a different
/// path than the route the gateway matched (<c>/api/notices/..%2Fidentity/...</c>). Kestrel removes
/// plain dot segments before routing, so the raw target is checked, not the decoded path.
/// </summary>
public sealed class PathSafetyMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    private static readonly string[] ForbiddenSequences = ["%2e", "%2f", "%5c", "%25", "%00", "\\"];

    public async Task InvokeAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        if (IsSafe(rawTarget))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "URL のパスが正しくありません。",
                Detail = "パスに「.」「..」だけの区間や、符号化された「/」「\\」「.」「%」を含めることはできません。URL を確認してください。",
            },
        });
    }

    public static bool IsSafe(string rawTarget)
    {
        var queryStart = rawTarget.IndexOf('?');
        var path = queryStart >= 0 ? rawTarget[..queryStart] : rawTarget;

        foreach (var sequence in ForbiddenSequences)
        {
            if (path.Contains(sequence, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "." or "..")
            {
                return false;
            }
        }

        return true;
    }
}
