using MynaPlatform.Messaging.Outbox;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Messaging.Sqlite;

/// <summary>Adds events to the outbox inside a service's own write transaction.</summary>
public sealed class SqliteOutbox(OutboxSignal signal, TimeProvider clock)
{
    /// <summary>
    /// Stores <paramref name="message"/> in the transaction of <paramref name="write"/>: it is
    /// published only if that transaction commits, and the dispatcher is woken once it has.
    /// </summary>
    public async Task<Guid> EnqueueAsync<TMessage>(SqliteWrite write, TMessage message, string aggregateId, CancellationToken cancellationToken)
        where TMessage : class
    {
        var row = OutboxEnvelope.Create(message, aggregateId);

        await using var command = write.CreateCommand("""
            INSERT INTO outbox_messages
                (message_id, aggregate_id, message_type, body, trace_parent, trace_state, correlation_id, created_at)
            VALUES ($messageId, $aggregateId, $messageType, $body, $traceParent, $traceState, $correlationId, $createdAt);
            """);
        command.Parameters.AddWithValue("$messageId", row.MessageId.ToString());
        command.Parameters.AddWithValue("$aggregateId", row.AggregateId);
        command.Parameters.AddWithValue("$messageType", row.MessageType);
        command.Parameters.AddWithValue("$body", row.Body);
        command.Parameters.AddWithValue("$traceParent", SqliteValues.ToDbValue(row.TraceParent));
        command.Parameters.AddWithValue("$traceState", SqliteValues.ToDbValue(row.TraceState));
        command.Parameters.AddWithValue("$correlationId", SqliteValues.ToDbValue(row.CorrelationId));
        command.Parameters.AddWithValue("$createdAt", SqliteValues.ToText(clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);

        write.OnCommitted(signal.Notify);
        return row.MessageId;
    }
}
