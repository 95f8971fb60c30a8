using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Messaging.TestHost;

/// <summary>
/// Writes the configured number of events at start, each with its emitted row in one transaction,
/// and then prints <c>EMITTED n</c> so the test can tell that every row has committed.
/// </summary>
public sealed class EventEmitter(SqliteDatabase database, SqliteOutbox outbox, IOptions<TestHostOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        for (var number = 1; number <= settings.Emit; number++)
        {
            await EmitAsync(new TestEvent(Guid.NewGuid(), number), $"aggregate-{number % settings.Aggregates}", stoppingToken);
        }

        Console.WriteLine($"EMITTED {settings.Emit}");
    }

    /// <summary>Stores the event and its outbox row in one transaction and returns the row's message id.</summary>
    public Task<Guid> EmitAsync(TestEvent message, string aggregateId, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var messageId = await outbox.EnqueueAsync(write, message, aggregateId, cancellationToken);

            await using var insert = write.CreateCommand(
                "INSERT INTO emitted_events (event_id, number, message_id) VALUES ($eventId, $number, $messageId);");
            insert.Parameters.AddWithValue("$eventId", message.EventId.ToString());
            insert.Parameters.AddWithValue("$number", message.Number);
            insert.Parameters.AddWithValue("$messageId", messageId.ToString());
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return messageId;
        }, cancellationToken);
}
