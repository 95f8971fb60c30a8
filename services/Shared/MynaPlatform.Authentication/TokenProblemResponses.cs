using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MynaPlatform.Authentication;

/// <summary>The 401 and 403 answers to a missing, invalid or insufficient access token.</summary>
public static class TokenProblemResponses
{
    public static Task WriteUnauthorizedAsync(HttpContext context, bool tokenPresent)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (tokenPresent && !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // Another scheme (Basic, a bare token) carries no bearer token, so RFC 6750 gives the challenge no error code.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return WriteAsync(context, new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "アクセストークンがありません。",
                Detail = "Authorization ヘッダーは \"Bearer <アクセストークン>\" の形式で指定してください。Basic などほかの方式は使えません。",
            });
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = tokenPresent ? "Bearer error=\"invalid_token\"" : "Bearer";
        return WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = tokenPresent ? "アクセストークンが無効です。" : "アクセストークンがありません。",
            Detail = tokenPresent
                ? "Authorization ヘッダーのトークンは、署名、発行者、有効期限のいずれかが正しくないか、ログアウトや紛失届でセッションが終了しています。ログインし直して新しいトークンを取得してください。"
                : "Authorization ヘッダーに \"Bearer <アクセストークン>\" を指定してください。トークンはトークンエンドポイントで取得できます。",
        });
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
