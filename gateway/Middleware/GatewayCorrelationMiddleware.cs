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

    // Static, with the context as its state, so that no closure is allocated per request.
    private static readonly Func<object, Task> AddResponseHeaders = static state =>
    {
        var context = (HttpContext)state;
        context.Response.Headers[CorrelationId.HeaderName] = context.Request.Headers[CorrelationId.HeaderName];
        if (Activity.Current is { } activity)
        {
            context.Response.Headers[TraceIdHeader] = activity.TraceId.ToString();
        }

        return Task.CompletedTask;
    };

    public Task InvokeAsync(HttpContext context)
    {
        // The platform's correlation middleware ran first and chose the id of the logging scope.
        // Reusing it keeps the gateway's logs, the forwarded header and the response on one id.
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var current = CorrelationId.Current;
        var correlationId = current is not null && CorrelationId.IsValid(current) ? current
            : CorrelationId.IsValid(incoming) ? incoming
            : CorrelationId.NewId();

        // The response header is copied from this request header when the response starts.
        context.Request.Headers[CorrelationId.HeaderName] = correlationId;
        if (!string.Equals(current, correlationId, StringComparison.Ordinal))
        {
            CorrelationId.Current = correlationId;
        }

        context.Response.OnStarting(AddResponseHeaders, context);
        return next(context);
    }
}
