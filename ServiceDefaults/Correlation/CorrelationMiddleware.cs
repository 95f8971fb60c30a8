using System.Collections;
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
        using (logger.BeginScope(new CorrelationScope(correlationId)))
        {
            await next(context);
        }
    }

    /// <summary>
    /// The logging scope of one request: a single <c>CorrelationId</c> entry, which costs one small
    /// object per request where a dictionary would cost several.
    /// </summary>
    private sealed class CorrelationScope(string correlationId) : IReadOnlyList<KeyValuePair<string, object>>
    {
        private const string Key = "CorrelationId";

        public int Count => 1;

        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new(Key, correlationId) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{Key}:{correlationId}";
    }
}
