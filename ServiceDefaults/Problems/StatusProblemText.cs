using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MynaPlatform.ServiceDefaults.Problems;

/// <summary>
/// Japanese title and detail for error statuses that reach the client without a text of their own
/// (no route matched, a method the route does not take, a body over the limit). ASP.NET Core's
/// default title is the English reason phrase.
/// </summary>
internal static class StatusProblemText
{
    private const string RetryLater = "時間をおいて再度お試しください。解決しない場合は traceId を添えて運用窓口へお問い合わせください。";

    public static void Describe(ProblemDetails problem)
    {
        // A problem that already has a detail was written on purpose, with its own text.
        if (problem.Detail is not null || problem.Status is not { } status)
        {
            return;
        }

        var (title, detail) = status switch
        {
            StatusCodes.Status400BadRequest => ("リクエストを処理できませんでした。", "必須の項目やヘッダー、本文の形式を確認して送り直してください。"),
            StatusCodes.Status401Unauthorized => ("認証が必要です。", "有効なアクセストークンを Authorization ヘッダーに付けて送り直してください。"),
            StatusCodes.Status403Forbidden => ("この操作を行う権限がありません。", "トークンの権限 (スコープ) を確認してください。"),
            StatusCodes.Status404NotFound => ("指定されたアドレスは存在しません。", "URL を確認してください。"),
            StatusCodes.Status405MethodNotAllowed => ("この HTTP メソッドは使えません。", "API 仕様で、この URL に使える HTTP メソッドを確認してください。"),
            StatusCodes.Status413PayloadTooLarge => ("リクエストの本文が大きすぎます。", "本文を小さくするか、複数のリクエストに分けて送り直してください。"),
            StatusCodes.Status415UnsupportedMediaType => ("本文の形式に対応していません。", "Content-Type を API 仕様のとおりに指定して送り直してください。JSON の本文は Content-Type: application/json で送ります。"),
            StatusCodes.Status429TooManyRequests => ("リクエストが多すぎます。", "しばらく待ってから送り直してください。"),
            >= 500 => ("サーバーでエラーが発生しました。", RetryLater),
            _ => ("リクエストを処理できませんでした。", "URL、ヘッダー、本文の形式を確認して送り直してください。"),
        };

        problem.Detail = detail;

        // ASP.NET Core fills in an English title (the reason phrase); a title in Japanese was set on purpose.
        if (problem.Title is null || problem.Title.All(char.IsAscii))
        {
            problem.Title = title;
        }
    }
}
