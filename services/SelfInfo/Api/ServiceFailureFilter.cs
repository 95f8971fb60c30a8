using Grpc.Core;
using MynaPlatform.Storage;

namespace MynaPlatform.SelfInfo.Api;

/// <summary>
/// Turns the failures a caller can retry into ProblemDetails instead of a 500: the identity service
/// being unreachable (503) and a concurrent publication of the same record (409).
/// </summary>
public sealed partial class ServiceFailureFilter(ILogger<ServiceFailureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            Log.IdentityUnavailable(logger, exception, exception.StatusCode);
            return SelfInfoProblems.Problem(StatusCodes.Status503ServiceUnavailable,
                "本人確認サービスに接続できません。",
                "機関と本人の対応を確認できなかったため、処理していません。時間をおいて同じ内容で送り直してください。",
                "identity_unavailable");
        }
        catch (ConcurrencyConflictException exception)
        {
            Log.PublicationConflict(logger, exception.ExpectedVersion);
            return SelfInfoProblems.Problem(StatusCodes.Status409Conflict,
                "同じ記録が同時に更新されました。",
                "同じ recordKey の記録が同時に登録されたため、この登録は反映していません。記録を読み直してから送り直してください。",
                "concurrent_update");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "IdentityUnavailable", Level = LogLevel.Warning,
            Message = "The identity service did not answer ({StatusCode}); the request was answered with 503")]
        public static partial void IdentityUnavailable(ILogger logger, Exception exception, StatusCode statusCode);

        [LoggerMessage(EventId = 2, EventName = "PublicationConflict", Level = LogLevel.Information,
            Message = "A publication lost a race for its record at version {ExpectedVersion}; answered with 409")]
        public static partial void PublicationConflict(ILogger logger, long expectedVersion);
    }
}
