using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MynaPlatform.Messaging.Inbox;
using MynaPlatform.Messaging.Outbox;

namespace MynaPlatform.Messaging;

/// <summary>Deletes published outbox rows and old inbox ids once an hour.</summary>
internal sealed partial class MessagingMaintenance(
    IOutboxStore outbox,
    IInboxStore inbox,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<MessagingMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var now = clock.GetUtcNow();
                var sent = await outbox.PruneSentAsync(now - options.Value.SentOutboxRetention, stoppingToken);
                var processed = await inbox.PruneAsync(now - options.Value.InboxRetention, stoppingToken);
                Log.Pruned(logger, sent, processed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.PruneFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "MessagingPruned", Level = LogLevel.Debug,
            Message = "Pruned {OutboxRows} published outbox rows and {InboxRows} inbox ids")]
        public static partial void Pruned(ILogger logger, int outboxRows, int inboxRows);

        [LoggerMessage(EventId = 2, EventName = "MessagingPruneFailed", Level = LogLevel.Warning,
            Message = "Pruning the outbox or inbox failed; the next round retries")]
        public static partial void PruneFailed(ILogger logger, Exception exception);
    }
}
