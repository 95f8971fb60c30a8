using Microsoft.Extensions.Options;
using MynaPlatform.Notices.Storage;

namespace MynaPlatform.Notices.Publishing;

/// <summary>
/// Publishes scheduled notices when their time comes, by polling the store, because the broker
/// here has no delayed delivery. Publishing is a conditional update in the store, so several
/// instances never publish one notice twice. It also deletes idempotency keys past their retention.
/// </summary>
public sealed partial class ScheduledNoticePublisher(
    INoticeStore notices,
    IPushKeyStore keys,
    TimeProvider clock,
    IOptions<NoticesOptions> options,
    ILogger<ScheduledNoticePublisher> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                var published = await notices.PublishDueAsync(now, BatchSize, stoppingToken);
                if (published > 0)
                {
                    Log.Published(logger, published);
                }

                await keys.DeleteExpiredAsync(now - settings.IdempotencyRetention, BatchSize, stoppingToken);
                if (published == BatchSize)
                {
                    continue;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.Failed(logger, exception);
            }

            await Task.Delay(settings.PublishPollInterval, clock, stoppingToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, EventName = "ScheduledNoticesPublished", Level = LogLevel.Information,
            Message = "Published {Count} scheduled notices")]
        public static partial void Published(ILogger logger, int count);

        [LoggerMessage(EventId = 21, EventName = "ScheduledPublishingFailed", Level = LogLevel.Error,
            Message = "Publishing scheduled notices failed; the next round retries")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
