using System.Text.Json;
using Microsoft.Data.Sqlite;
using MynaPlatform.Messaging.Outbox;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Messaging.Sqlite;

internal sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore
{
    private const int MaxErrorLength = 500;

    public Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, CancellationToken cancellationToken) =>
        GetPendingAsync(limit, [], cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, IReadOnlyCollection<string> excludedAggregates, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxMessage>>(async connection =>
        {
            // The excluded ids travel as one JSON array, because SQLite limits the number of parameters.
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT sequence, message_id, aggregate_id, message_type, body, trace_parent, trace_state, correlation_id, attempts
                FROM outbox_messages
                WHERE sent_at IS NULL AND aggregate_id NOT IN (SELECT value FROM json_each($excluded))
                ORDER BY sequence LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$excluded", JsonSerializer.Serialize(excludedAggregates));

            var rows = new List<OutboxMessage>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new OutboxMessage(
                    reader.GetInt64(0),
                    Guid.Parse(reader.GetString(1)),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    GetNullableString(reader, 5),
                    GetNullableString(reader, 6),
                    GetNullableString(reader, 7),
                    reader.GetInt32(8)));
            }

            return rows;
        }, cancellationToken);

    public Task MarkSentAsync(Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var command = write.CreateCommand(
                "UPDATE outbox_messages SET sent_at = $sentAt WHERE message_id = $messageId;");
            command.Parameters.AddWithValue("$sentAt", SqliteValues.ToText(sentAt));
            command.Parameters.AddWithValue("$messageId", messageId.ToString());
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task RecordFailureAsync(Guid messageId, string error, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var command = write.CreateCommand(
                "UPDATE outbox_messages SET attempts = attempts + 1, last_error = $error WHERE message_id = $messageId;");
            command.Parameters.AddWithValue("$error", error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
            command.Parameters.AddWithValue("$messageId", messageId.ToString());
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<int> PruneSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var command = write.CreateCommand(
                "DELETE FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < $sentBefore;");
            command.Parameters.AddWithValue("$sentBefore", SqliteValues.ToText(sentBefore));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static string? GetNullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
