using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MynaPlatform.Authentication;

/// <summary>The 401 and 403 answers to a missing, invalid or insufficient access token.</summary>
public static class TokenProblemResponses
{
    /// <summary>Writes the 401 for the request's <c>Authorization</c> header: missing, of another scheme, or with a bearer token that failed validation.</summary>
    public static Task WriteUnauthorizedAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();

        // Without a bearer token (no header, or another scheme such as Basic) RFC 6750 gives the challenge no error code.
        var (challenge, title, detail) = authorization switch
        {
            "" => ("Bearer", "アクセストークンがありません。",
                "Authorization ヘッダーに \"Bearer <アクセストークン>\" を指定してください。トークンはトークンエンドポイントで取得できます。"),
            _ when !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => ("Bearer", "アクセストークンがありません。",
                "Authorization ヘッダーは \"Bearer <アクセストークン>\" の形式で指定してください。Basic などほかの方式は使えません。"),
            _ => ("Bearer error=\"invalid_token\"", "アクセストークンが無効です。",
                "Authorization ヘッダーのトークンは、署名、発行者、有効期限のいずれかが正しくないか、ログアウトや紛失届でセッションが終了しています。ログインし直して新しいトークンを取得してください。"),
        };

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = challenge;
        return WriteAsync(context, new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = title, Detail = detail });
    }

    public static Task WriteForbiddenAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "この操作を行う権限がありません。",
            Detail = "アクセストークンの利用者の種類 (本人またはクライアント) かスコープがこの API に合っていません。必要なスコープを指定してトークンを取得し直してください。",
        });
    }

    /// <summary>Writes the 403 for a token that is valid but was issued for other services than this one.</summary>
    public static Task WriteOtherAudienceAsync(HttpContext context, IReadOnlyCollection<string> audiences)
    {
        var scopes = PlatformScopes.Audiences.Where(scope => audiences.Contains(scope.Value)).Select(scope => scope.Key).Order(StringComparer.Ordinal);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        return WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "このアクセストークンはこのサービス向けではありません。",
            Detail = $"トークンのスコープにこのサービス ({string.Join("、", audiences)}) のものがありません。{string.Join("、", scopes)} のいずれかを指定してトークンを取得し直してください。",
        });
    }

    private static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        var problems = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
        if (problems is null || !await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
        }
    }
}
