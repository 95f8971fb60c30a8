using MynaPlatform.Contracts.Operations;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Notices.Operations;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Notices.Storage;

internal sealed class SqliteSelfCheckProbeRepository(SqliteDatabase database, SqliteOutbox outbox) : ISelfCheckProbeRepository
{
    public Task<bool> RecordAsync(SelfCheckProbe probe, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO self_check_probes (probe_id, correlation_id, recorded_at) VALUES ($probeId, $correlationId, $recordedAt)
                ON CONFLICT (probe_id) DO NOTHING;
                """);
            insert.Parameters.AddWithValue("$probeId", probe.ProbeId.ToString());
            insert.Parameters.AddWithValue("$correlationId", probe.CorrelationId);
            insert.Parameters.AddWithValue("$recordedAt", SqliteValues.ToText(probe.RecordedAt));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }

            var recorded = new SelfCheckProbeRecorded(probe.ProbeId, probe.CorrelationId, probe.RecordedAt);
            await outbox.EnqueueAsync(write, recorded, probe.ProbeId.ToString(), cancellationToken);
            return true;
        }, cancellationToken);
}
