using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MynaPlatform.ServiceDefaults.Tests;

/// <summary>
/// Query strings carry personal data (a person's search words, an operator's reason), so no span
/// or log record of a request, on the server or on the HTTP client that sent it, may keep their values.
/// </summary>
public sealed class TraceQueryTests
{
    private const string SearchWords = "yamada-taro-secret";

    [Fact]
    public async Task QueryValues_KeptOutOfSpansAndLogs()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var logs = new CapturedLogs();
        await using var service = await TestService.StartAsync(app => app.MapGet("/search", () => TypedResults.Ok()), configure: builder =>
        {
            // The platform's default level for the HTTP client's own records, which name the address.
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddProvider(logs);
        });
        using var client = service.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        using var response = await client.GetAsync(new Uri(service.Client.BaseAddress!, $"/search?q={SearchWords}&reason={SearchWords}"), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        var spans = stopped.ToList();
        Assert.Contains(spans, span => span.Kind == ActivityKind.Server && span.GetTagItem("url.path") is "/search");
        Assert.Contains(spans, span => span.Kind == ActivityKind.Client && span.GetTagItem("url.full") is string);
        Assert.All(spans.SelectMany(span => span.TagObjects), tag => Assert.DoesNotContain(SearchWords, tag.Value?.ToString() ?? "", StringComparison.Ordinal));
        Assert.All(spans, span => Assert.DoesNotContain(SearchWords, span.DisplayName, StringComparison.Ordinal));
        Assert.Contains(logs.Messages, message => message.Contains("/search", StringComparison.Ordinal));
        Assert.All(logs.Messages, message => Assert.DoesNotContain(SearchWords, message, StringComparison.Ordinal));
    }

    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
