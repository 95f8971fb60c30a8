using System.Diagnostics;
using MynaPlatform.Hosting;

namespace MynaPlatform.Gateway.Middleware;

/// <summary>
/// Gives every request a correlation id: the client's when it is well formed, else a new one. It
/// is forwarded to the service and returned with the trace id, so an operator can find the request
/// in the dashboard.
/// </summary>
public sealed class GatewayCorrelationMiddleware(RequestDelegate next)
{
    public const string TraceIdHeader = "X-Trace-Id";

    public Task InvokeAsync(HttpContext context)
    {
        // The platform's correlation middleware ran first and chose the id of the logging scope.
        // Reusing it keeps the gateway's logs, the forwarded header and the response on one id.
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var correlationId = CorrelationId.Current is { } current && CorrelationId.IsValid(current) ? current
            : CorrelationId.IsValid(incoming) ? incoming
            : CorrelationId.NewId();

        context.Request.Headers[CorrelationId.HeaderName] = correlationId;
        CorrelationId.Current = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = correlationId;
            if (Activity.Current is { } activity)
            {
                context.Response.Headers[TraceIdHeader] = activity.TraceId.ToString();
            }

            return Task.CompletedTask;
        });

        return next(context);
    }
}
