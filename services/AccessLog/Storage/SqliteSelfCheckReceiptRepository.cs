using MynaPlatform.AccessLog.Operations;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.AccessLog.Storage;

internal sealed class SqliteSelfCheckReceiptRepository(SqliteDatabase database, SqliteInbox inbox) : ISelfCheckReceiptRepository
{
    public Task<bool> RecordAsync(SelfCheckReceipt receipt, string consumer, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (!await inbox.TryRecordAsync(write, receipt.MessageId, consumer, cancellationToken))
            {
                return false;
            }

            await using var insert = write.CreateCommand("""
                INSERT INTO self_check_receipts (probe_id, message_id, correlation_id, trace_id, received_at)
                VALUES ($probeId, $messageId, $correlationId, $traceId, $receivedAt);
                """);
            insert.Parameters.AddWithValue("$probeId", receipt.ProbeId.ToString());
            insert.Parameters.AddWithValue("$messageId", receipt.MessageId.ToString());
            insert.Parameters.AddWithValue("$correlationId", receipt.CorrelationId);
            insert.Parameters.AddWithValue("$traceId", receipt.TraceId);
            insert.Parameters.AddWithValue("$receivedAt", SqliteValues.ToText(receipt.ReceivedAt));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<SelfCheckReceipt?> FindAsync(Guid probeId, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = """
                SELECT message_id, correlation_id, trace_id, received_at FROM self_check_receipts WHERE probe_id = $probeId;
                """;
            query.Parameters.AddWithValue("$probeId", probeId.ToString());

            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new SelfCheckReceipt(
                probeId, Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), SqliteValues.ToInstant(reader.GetString(3)));
        }, cancellationToken);
}
