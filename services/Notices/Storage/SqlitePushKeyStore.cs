using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Notices.Storage;

internal sealed class SqlitePushKeyStore(SqliteDatabase database) : IPushKeyStore
{
    public Task<PushClaim> ClaimAsync(
        string agencyClientId, string key, string fingerprint, DateTimeOffset now, TimeSpan lease, TimeSpan retention, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var query = write.CreateCommand("""
                SELECT push_id, fingerprint, created_at, lease_until, response_status, response_body FROM notice_push_keys
                WHERE agency_client_id = $agency AND idempotency_key = $key;
                """);
            query.Parameters.AddWithValue("$agency", agencyClientId);
            query.Parameters.AddWithValue("$key", key);

            var row = await ReadKeyAsync(query, cancellationToken);
            if (row is null || row.CreatedAt + retention <= now)
            {
                var newPushId = Guid.CreateVersion7();
                await UpsertAsync(write, agencyClientId, key, newPushId, fingerprint, now, now + lease, cancellationToken);
                return new PushClaim(PushClaimStatus.Claimed, newPushId, null);
            }

            var pushId = row.PushId;
            if (row.Fingerprint != fingerprint)
            {
                return new PushClaim(PushClaimStatus.ContentMismatch, pushId, null);
            }

            if (row.Response is not null)
            {
                return new PushClaim(PushClaimStatus.Completed, pushId, row.Response);
            }

            if (row.LeaseUntil > now)
            {
                return new PushClaim(PushClaimStatus.InProgress, pushId, null);
            }

            // The lease lapsed: the request that held it died or stalled, so this one takes over the same push.
            await RenewAsync(write, agencyClientId, key, pushId, now + lease, cancellationToken);
            return new PushClaim(PushClaimStatus.Claimed, pushId, null);
        }, cancellationToken);

    public Task RenewAsync(string agencyClientId, string key, Guid pushId, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        database.WriteAsync(write => RenewAsync(write, agencyClientId, key, pushId, leaseUntil, cancellationToken), cancellationToken);

    public Task CompleteAsync(string agencyClientId, string key, Guid pushId, StoredResponse response, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var update = write.CreateCommand("""
                UPDATE notice_push_keys SET response_status = $status, response_body = $body
                WHERE agency_client_id = $agency AND idempotency_key = $key AND push_id = $pushId AND response_status IS NULL;
                """);
            update.Parameters.AddWithValue("$status", response.StatusCode);
            update.Parameters.AddWithValue("$body", response.Body);
            BindKey(update.Parameters, agencyClientId, key, pushId);
            return await update.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task ReleaseAsync(string agencyClientId, string key, Guid pushId, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var delete = write.CreateCommand("""
                DELETE FROM notice_push_keys
                WHERE agency_client_id = $agency AND idempotency_key = $key AND push_id = $pushId AND response_status IS NULL;
                """);
            BindKey(delete.Parameters, agencyClientId, key, pushId);
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<int> DeleteExpiredAsync(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var delete = write.CreateCommand("""
                DELETE FROM notice_push_keys WHERE rowid IN (
                    SELECT rowid FROM notice_push_keys WHERE created_at < $before AND response_status IS NOT NULL LIMIT $limit);
                """);
            delete.Parameters.AddWithValue("$before", SqliteValues.ToText(createdBefore));
            delete.Parameters.AddWithValue("$limit", limit);
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static async Task<KeyRow?> ReadKeyAsync(Microsoft.Data.Sqlite.SqliteCommand query, CancellationToken cancellationToken)
    {
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var response = reader.IsDBNull(4) ? null : new StoredResponse(reader.GetInt32(4), reader.GetString(5));
        return new KeyRow(Guid.Parse(reader.GetString(0)), reader.GetString(1),
            SqliteValues.ToInstant(reader.GetString(2)), SqliteValues.ToInstant(reader.GetString(3)), response);
    }

    private sealed record KeyRow(Guid PushId, string Fingerprint, DateTimeOffset CreatedAt, DateTimeOffset LeaseUntil, StoredResponse? Response);

    private static async Task UpsertAsync(
        SqliteWrite write, string agencyClientId, string key, Guid pushId, string fingerprint, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken)
    {
        await using var upsert = write.CreateCommand("""
            INSERT INTO notice_push_keys (agency_client_id, idempotency_key, push_id, fingerprint, created_at, lease_until)
            VALUES ($agency, $key, $pushId, $fingerprint, $now, $leaseUntil)
            ON CONFLICT (agency_client_id, idempotency_key) DO UPDATE SET push_id = excluded.push_id, fingerprint = excluded.fingerprint,
                created_at = excluded.created_at, lease_until = excluded.lease_until, response_status = NULL, response_body = NULL;
            """);
        BindKey(upsert.Parameters, agencyClientId, key, pushId);
        upsert.Parameters.AddWithValue("$fingerprint", fingerprint);
        upsert.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
        upsert.Parameters.AddWithValue("$leaseUntil", SqliteValues.ToText(leaseUntil));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> RenewAsync(
        SqliteWrite write, string agencyClientId, string key, Guid pushId, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var update = write.CreateCommand("""
            UPDATE notice_push_keys SET lease_until = $leaseUntil
            WHERE agency_client_id = $agency AND idempotency_key = $key AND push_id = $pushId AND response_status IS NULL;
            """);
        update.Parameters.AddWithValue("$leaseUntil", SqliteValues.ToText(leaseUntil));
        BindKey(update.Parameters, agencyClientId, key, pushId);
        return await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void BindKey(Microsoft.Data.Sqlite.SqliteParameterCollection parameters, string agencyClientId, string key, Guid pushId)
    {
        parameters.AddWithValue("$agency", agencyClientId);
        parameters.AddWithValue("$key", key);
        parameters.AddWithValue("$pushId", pushId.ToString());
    }
}
