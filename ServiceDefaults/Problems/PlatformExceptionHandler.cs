using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace MynaPlatform.ServiceDefaults.Problems;

/// <summary>
/// Maps exceptions to ProblemDetails: a request the server cannot read is the client's 400, a
/// request the client abandoned is logged at Debug, and anything else is a 500 that hides its cause.
/// </summary>
public sealed partial class PlatformExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            Log.RequestAborted(logger, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        var problem = exception switch
        {
            BadHttpRequestException badRequest => DescribeBadRequest(badRequest),
            _ => null,
        };

        if (problem is null)
        {
            Log.UnhandledException(logger, exception, context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "サーバー内部でエラーが発生しました。",
                Detail = "時間をおいて再度お試しください。解決しない場合は traceId を添えて運用窓口へお問い合わせください。",
            };
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails DescribeBadRequest(BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        if (exception.InnerException is JsonException json)
        {
            var (key, detail) = JsonBodyProblem.Describe(json);
            return Invalid(key, "リクエスト本文を読み取れませんでした。", detail);
        }

        // Another 4xx, such as 413 for a body over the limit or 415 for a body that is not JSON, gets
        // its status's text from StatusProblemText, the same as when the server rejects it before any endpoint runs.
        if (status is >= 400 and < 500 and not StatusCodes.Status400BadRequest)
        {
            return new ProblemDetails { Status = status };
        }

        // Minimal APIs reject a missing JSON body with one of these messages, and no exception type or property marks that case.
        if (exception.Message.Contains("from body", StringComparison.Ordinal) || exception.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return Invalid(JsonBodyProblem.RootPath, "リクエスト本文がありません。",
                "リクエストの本文がありません。Content-Type: application/json で JSON オブジェクトを送ってください。");
        }

        return new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "リクエストを処理できませんでした。",
            Detail = "必須の項目やヘッダー、本文の形式を確認して送り直してください。",
        };
    }

    /// <summary>Returns a 400 naming <paramref name="field"/>, with the <c>reason</c> that the services' own field rejections carry.</summary>
    private static ValidationProblemDetails Invalid(string field, string title, string detail) =>
        new(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = detail,
            Extensions = { ["reason"] = "invalid_request", ["field"] = field },
        };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "RequestAborted", Level = LogLevel.Debug,
            Message = "The client aborted the request to {Path}")]
        public static partial void RequestAborted(ILogger logger, PathString path);

        [LoggerMessage(EventId = 2, EventName = "UnhandledException", Level = LogLevel.Error,
            Message = "Unhandled exception for {Method} {Path}")]
        public static partial void UnhandledException(ILogger logger, Exception exception, string method, PathString path);
    }
}
