using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MynaPlatform.Hosting;

namespace MynaPlatform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows. Rows of one aggregate go out in sequence order: after a failed
/// row, the later rows of that aggregate wait until it is retried with growing backoff, while other
/// aggregates go on. A broker outage never blocks a request, because requests only write rows.
/// Several failures in a row across aggregates mean the broker is unreachable, so the whole
/// dispatcher backs off.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore store,
    OutboxSignal signal,
    IBus bus,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Consecutive failed publishes after which a round stops and the dispatcher backs off.</summary>
    private const int OutageFailureCount = 3;

    private static readonly ActivitySource Source = new(MessagingTelemetry.SourceName);

    /// <summary>Aggregates whose oldest pending row failed, with the time of their next attempt.</summary>
    private readonly Dictionary<string, AggregateRetry> retries = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = TimeSpan.Zero;
        if (settings.HoldDispatch)
        {
            Log.DispatchHeld(logger);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (backoff > TimeSpan.Zero)
            {
                await Task.Delay(backoff, clock, stoppingToken);
            }

            if (settings.HoldDispatch)
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
                continue;
            }

            var outcome = await DispatchPendingAsync(settings, stoppingToken);
            backoff = outcome.Unreachable ? NextBackoff(backoff, settings.MaxBackoff) : TimeSpan.Zero;
            if (!outcome.Unreachable && outcome.Published < settings.BatchSize)
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Publishes one batch. Unreachable is true when the store could not be read or
    /// <see cref="OutageFailureCount"/> publishes failed one after another.
    /// </summary>
    private async Task<(int Published, bool Unreachable)> DispatchPendingAsync(MessagingOptions settings, CancellationToken stoppingToken)
    {
        IReadOnlyList<OutboxMessage> pending;
        try
        {
            pending = await store.GetPendingAsync(settings.BatchSize, AggregatesWaitingForRetry(), stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ReadFailed(logger, exception);
            return (0, true);
        }

        var published = 0;
        var consecutiveFailures = 0;
        var blockedAggregates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in pending)
        {
            if (blockedAggregates.Contains(row.AggregateId) || IsWaitingForRetry(row.AggregateId))
            {
                blockedAggregates.Add(row.AggregateId);
                continue;
            }

            if (await TryPublishAsync(row, settings.PublishTimeout, stoppingToken))
            {
                published++;
                consecutiveFailures = 0;
                retries.Remove(row.AggregateId);
                continue;
            }

            blockedAggregates.Add(row.AggregateId);
            ScheduleRetry(row.AggregateId, settings.MaxBackoff);
            if (++consecutiveFailures >= OutageFailureCount)
            {
                return (published, true);
            }
        }

        return (published, false);
    }

    private List<string> AggregatesWaitingForRetry()
    {
        var now = clock.GetUtcNow();
        return [.. retries.Where(retry => retry.Value.RetryAt > now).Select(retry => retry.Key)];
    }

    private bool IsWaitingForRetry(string aggregateId) =>
        retries.TryGetValue(aggregateId, out var retry) && retry.RetryAt > clock.GetUtcNow();

    private void ScheduleRetry(string aggregateId, TimeSpan maxBackoff)
    {
        var previous = retries.TryGetValue(aggregateId, out var retry) ? retry.Backoff : TimeSpan.Zero;
        var backoff = NextBackoff(previous, maxBackoff);
        retries[aggregateId] = new AggregateRetry(clock.GetUtcNow() + backoff, backoff);
    }

    private async Task<bool> TryPublishAsync(OutboxMessage row, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var activity = StartPublishActivity(row);
        try
        {
            var messageType = Type.GetType(row.MessageType, throwOnError: true)!;
            var message = JsonSerializer.Deserialize(row.Body, messageType, MessageJson.Options)!;

            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeoutSource.CancelAfter(timeout);
            await bus.Publish(message, messageType, context =>
            {
                context.MessageId = row.MessageId;
                if (row.CorrelationId is not null)
                {
                    context.Headers.Set(CorrelationId.HeaderName, row.CorrelationId);
                }
            }, timeoutSource.Token);

            await store.MarkSentAsync(row.MessageId, clock.GetUtcNow(), CancellationToken.None);
            Log.Published(logger, row.MessageId, messageType.Name);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            Log.PublishFailed(logger, exception, row.MessageId, row.Attempts + 1);
            activity?.SetStatus(ActivityStatusCode.Error);
            await TryRecordFailureAsync(row, exception);
            return false;
        }
    }

    private async Task TryRecordFailureAsync(OutboxMessage row, Exception exception)
    {
        try
        {
            await store.RecordFailureAsync(row.MessageId, exception.GetType().Name + ": " + exception.Message, CancellationToken.None);
        }
        catch (Exception recordException)
        {
            Log.ReadFailed(logger, recordException);
        }
    }

    /// <summary>
    /// Continues the trace of the request that wrote the row, so MassTransit's send activity and
    /// the consumer's activity join it. Without a listener the activity is created by hand, because
    /// MassTransit propagates whatever activity is current.
    /// </summary>
    private static Activity? StartPublishActivity(OutboxMessage row)
    {
        if (row.TraceParent is null || !ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent))
        {
            return Source.StartActivity("outbox publish", ActivityKind.Producer);
        }

        var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        if (activity is null)
        {
            activity = new Activity("outbox publish");
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
            activity.TraceStateString = row.TraceState;
            activity.Start();
        }

        return activity;
    }

    private static TimeSpan NextBackoff(TimeSpan current, TimeSpan max)
    {
        var next = current == TimeSpan.Zero ? TimeSpan.FromMilliseconds(200) : current * 2;
        return next > max ? max : next;
    }

    private readonly record struct AggregateRetry(DateTimeOffset RetryAt, TimeSpan Backoff);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "OutboxMessagePublished", Level = LogLevel.Debug,
            Message = "Published outbox message {MessageId} of type {MessageType}")]
        public static partial void Published(ILogger logger, Guid messageId, string messageType);

        [LoggerMessage(EventId = 2, EventName = "OutboxPublishFailed", Level = LogLevel.Warning,
            Message = "Publishing outbox message {MessageId} failed on attempt {Attempt}; it will be retried")]
        public static partial void PublishFailed(ILogger logger, Exception exception, Guid messageId, int attempt);

        [LoggerMessage(EventId = 3, EventName = "OutboxStoreFailed", Level = LogLevel.Error,
            Message = "Reading or updating the outbox failed; the dispatcher will retry")]
        public static partial void ReadFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 4, EventName = "OutboxDispatchHeld", Level = LogLevel.Warning,
            Message = "Outbox dispatch is held by the test-only setting Messaging:HoldDispatch; nothing will be published")]
        public static partial void DispatchHeld(ILogger logger);
    }
}
