using System.Buffers;
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
    private static readonly SearchValues<char> SuspiciousCharacters = SearchValues.Create("%.\\");

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
        var path = rawTarget.AsSpan();
        var queryStart = path.IndexOf('?');
        if (queryStart >= 0)
        {
            path = path[..queryStart];
        }

        // Every rejected form contains one of these characters, so most paths need no further check.
        if (!path.ContainsAny(SuspiciousCharacters))
        {
            return true;
        }

        foreach (var sequence in ForbiddenSequences)
        {
            if (path.Contains(sequence, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        foreach (var range in path.Split('/'))
        {
            if (path[range] is "." or "..")
            {
                return false;
            }
        }

        return true;
    }
}
