using MynaPlatform.Messaging.Inbox;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Messaging.Sqlite;

/// <summary>
/// Records processed message ids in the consumer's own write transaction, so a redelivered or
/// republished message has no second effect.
/// </summary>
public sealed class SqliteInbox(SqliteDatabase database, TimeProvider clock) : IInboxStore
{
    /// <summary>
    /// Records <paramref name="messageId"/> for <paramref name="consumer"/> in the transaction of
    /// <paramref name="write"/>. Returns false when it was processed before: the caller then skips
    /// its change, and the transaction commits nothing new.
    /// </summary>
    public async Task<bool> TryRecordAsync(SqliteWrite write, Guid messageId, string consumer, CancellationToken cancellationToken)
    {
        await using var command = write.CreateCommand("""
            INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ($messageId, $consumer, $processedAt)
            ON CONFLICT (message_id, consumer) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$messageId", messageId.ToString());
        command.Parameters.AddWithValue("$consumer", consumer);
        command.Parameters.AddWithValue("$processedAt", SqliteValues.ToText(clock.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task<int> PruneAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var command = write.CreateCommand("DELETE FROM inbox_messages WHERE processed_at < $before;");
            command.Parameters.AddWithValue("$before", SqliteValues.ToText(processedBefore));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
