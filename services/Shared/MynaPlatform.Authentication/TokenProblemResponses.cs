using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MynaPlatform.Authentication;

/// <summary>The 401 and 403 answers to a missing, invalid or insufficient access token.</summary>
public static class TokenProblemResponses
{
    /// <summary>Writes the 401 for the request's <c>Authorization</c> header: missing, of another scheme, or with a bearer token that failed validation.</summary>
    public static Task WriteUnauthorizedAsync(HttpContext context)
    {
        var headers = context.Request.Headers.Authorization;
        var authorization = headers.ToString();

        // Without a bearer token (no header, or another scheme such as Basic) RFC 6750 gives the challenge no error code.
        var (challenge, title, detail) = authorization switch
        {
            // Header lines may also arrive joined by commas (RFC 9110 section 5.3); no token contains a comma.
            _ when headers.Count > 1 || authorization.Contains(',') => ("Bearer error=\"invalid_request\"", "Authorization ヘッダーが複数あります。",
                "Authorization ヘッダーは 1 つだけ、\"Bearer <アクセストークン>\" の形式で指定してください。"),
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

    /// <summary>
    /// Writes the 403 for a valid token that lacks the endpoint's kind of caller or scope, naming both
    /// from the endpoint's <see cref="CallerRequirement"/> and saying which one the token lacks.
    /// </summary>
    public static Task WriteForbiddenAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "この操作を行う権限がありません。",
            Detail = DescribeMissingAccess(context),
        });
    }

    private static string DescribeMissingAccess(HttpContext context)
    {
        var requirements = context.GetEndpoint()?.Metadata.GetOrderedMetadata<CallerRequirement>() ?? [];
        var user = context.User;
        var callerType = user.FindFirst(PlatformClaims.PrincipalType)?.Value;
        var unmet = requirements.FirstOrDefault(requirement =>
            callerType != requirement.PrincipalType || !PlatformAuthorization.HasScope(user, requirement.Scope));
        if (unmet is null)
        {
            return "アクセストークンの利用者の種類 (本人またはクライアント) かスコープがこの API に合っていません。必要なスコープを指定してトークンを取得し直してください。";
        }

        var required = $"この API には、スコープ {unmet.Scope} を持つ{CallerName(unmet.PrincipalType)}のアクセストークンが必要です。";
        return callerType is not null && callerType != unmet.PrincipalType
            ? $"{required}送られたトークンは{CallerName(callerType)}のものです。"
            : $"{required}送られたトークンにはこのスコープがありません。{unmet.Scope} を指定してトークンを取得し直してください。";
    }

    private static string CallerName(string principalType) => principalType switch
    {
        PrincipalTypes.Person => "本人 (カードでログインした人) ",
        PrincipalTypes.Client => "クライアント (機関や運用者) ",
        _ => "別の種類の利用者",
    };

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
