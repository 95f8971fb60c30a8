using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MynaPlatform.Hosting;

namespace MynaPlatform.ServiceDefaults.Correlation;

/// <summary>
/// Takes the correlation id the gateway set (or makes one for a direct call), keeps it for the
/// request and adds it to the logging scope.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var correlationId = CorrelationId.IsValid(incoming) ? incoming : CorrelationId.NewId();

        CorrelationId.Current = correlationId;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }
}
