using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MynaPlatform.Gateway.Tests;

/// <summary>A logger provider that keeps each gateway log entry with the correlation id of its scope.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private string? CurrentCorrelationId()
    {
        string? correlationId = null;
        scopes.ForEachScope(
            (scope, _) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object>> values)
                {
                    correlationId = values.FirstOrDefault(value => value.Key == "CorrelationId").Value as string ?? correlationId;
                }
            },
            (object?)null);
        return correlationId;
    }

    private sealed class CapturingLogger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.entries.Enqueue(new CapturedLog(category, eventId.Name, owner.CurrentCorrelationId()));
    }
}

public sealed record CapturedLog(string Category, string? EventName, string? CorrelationId);
