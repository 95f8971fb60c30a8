namespace MynaPlatform.Portal.Errors;

/// <summary>
/// Turns a failure inside a page into an empty response with a status: 400 for a request that
/// cannot be read, 503 when a service cannot be reached, else 500. The status-code page then shows
/// it in Japanese, in place of the JSON problem that an API returns.
/// </summary>
public sealed partial class PortalErrorMiddleware(RequestDelegate next, ILogger<PortalErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            context.Response.StatusCode = exception switch
            {
                BadHttpRequestException badRequest => badRequest.StatusCode,
                HttpRequestException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            };

            if (context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
            {
                Log.PageFailed(logger, exception, context.Request.Method, context.Request.Path);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "PageFailed", Level = LogLevel.Error,
            Message = "{Method} {Path} failed")]
        public static partial void PageFailed(ILogger logger, Exception exception, string method, PathString path);
    }
}
