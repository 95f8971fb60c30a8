using Microsoft.AspNetCore.Mvc;

namespace MynaPlatform.Gateway.Problems;

/// <summary>
/// Japanese title and detail for error statuses that reach the client without a body of their own
/// (no route matched, body over the route's limit, service unreachable). The status code pages
/// turn them into ProblemDetails, whose default title is the English reason phrase.
/// </summary>
public static class GatewayProblemText
{
    private const string RetryLater = "時間をおいて再度お試しください。解決しない場合は traceId を添えて運用窓口へお問い合わせください。";

    public static IServiceCollection AddGatewayProblemText(this IServiceCollection services) =>
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var platformCustomization = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                Describe(context.ProblemDetails);
                platformCustomization?.Invoke(context);
            };
        });

    private static void Describe(ProblemDetails problem)
    {
        // A problem that already has a detail was written on purpose, with its own text.
        if (problem.Detail is not null || problem.Status is not { } status)
        {
            return;
        }

        (problem.Title, problem.Detail) = status switch
        {
            StatusCodes.Status404NotFound => ("指定されたアドレスは存在しません。", "URL を確認してください。API のアドレスは /api/{サービス名}/... の形式です。"),
            StatusCodes.Status405MethodNotAllowed => ("この HTTP メソッドは使えません。", "API 仕様で、この URL に使える HTTP メソッドを確認してください。"),
            StatusCodes.Status408RequestTimeout => ("リクエストが時間内に届きませんでした。", "通信環境を確認して送り直してください。"),
            StatusCodes.Status413PayloadTooLarge => ("リクエストの本文が大きすぎます。", "本文を小さくするか、複数のリクエストに分けて送り直してください。"),
            StatusCodes.Status429TooManyRequests => ("リクエストが多すぎます。", "しばらく待ってから送り直してください。"),
            StatusCodes.Status502BadGateway => ("サービスに接続できませんでした。", RetryLater),
            StatusCodes.Status503ServiceUnavailable => ("サービスを一時的に利用できません。", RetryLater),
            StatusCodes.Status504GatewayTimeout => ("サービスが時間内に応答しませんでした。", RetryLater),
            >= 500 => ("サーバーでエラーが発生しました。", RetryLater),
            _ => ("リクエストを処理できませんでした。", "URL、ヘッダー、本文の形式を確認して送り直してください。"),
        };
    }
}
