using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Messaging.TestHost;

/// <summary>Applies each event once: the inbox row and the applied row commit together.</summary>
public sealed partial class TestEventConsumer(
    SqliteDatabase database,
    SqliteInbox inbox,
    IOptions<TestHostOptions> options,
    ILogger<TestEventConsumer> logger) : IConsumer<TestEvent>
{
    public async Task Consume(ConsumeContext<TestEvent> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("TestEvent arrived without a MessageId.");
        if (options.Value.ConsumeDelayMilliseconds > 0)
        {
            await Task.Delay(options.Value.ConsumeDelayMilliseconds, context.CancellationToken);
        }

        var applied = await database.WriteAsync(async write =>
        {
            if (!await inbox.TryRecordAsync(write, messageId, nameof(TestEventConsumer), context.CancellationToken))
            {
                return false;
            }

            await using var insert = write.CreateCommand(
                "INSERT INTO applied_events (event_id, message_id, trace_id) VALUES ($eventId, $messageId, $traceId);");
            insert.Parameters.AddWithValue("$eventId", context.Message.EventId.ToString());
            insert.Parameters.AddWithValue("$messageId", messageId.ToString());
            insert.Parameters.AddWithValue("$traceId", Activity.Current?.TraceId.ToString() ?? "");
            await insert.ExecuteNonQueryAsync(context.CancellationToken);
            return true;
        }, context.CancellationToken);

        if (!applied)
        {
            await RecordDuplicateAsync(messageId, context.CancellationToken);
        }
    }

    private Task RecordDuplicateAsync(Guid messageId, CancellationToken cancellationToken)
    {
        Log.DuplicateSkipped(logger, messageId);
        return database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("INSERT INTO skipped_duplicates (message_id) VALUES ($messageId);");
            insert.Parameters.AddWithValue("$messageId", messageId.ToString());
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "TestEventDuplicateSkipped", Level = LogLevel.Information,
            Message = "Message {MessageId} was applied before; skipped")]
        public static partial void DuplicateSkipped(ILogger logger, Guid messageId);
    }
}

public sealed class TestEventConsumerDefinition : PlatformConsumerDefinition<TestEventConsumer>;
