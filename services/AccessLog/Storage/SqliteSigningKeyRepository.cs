using MynaPlatform.AccessLog.Signing;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.AccessLog.Storage;

internal sealed class SqliteSigningKeyRepository(SqliteDatabase database) : ISigningKeyRepository
{
    public Task<IReadOnlyList<StoredSigningKey>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredSigningKey>>(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT key_id, private_key_pem, created_at FROM access_log_signing_keys ORDER BY created_at, key_id;";
            var keys = new List<StoredSigningKey>();
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(new StoredSigningKey(reader.GetString(0), reader.GetString(1), SqliteValues.ToInstant(reader.GetString(2))));
            }

            return keys;
        }, cancellationToken);

    public Task AddAsync(StoredSigningKey key, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand(
                "INSERT INTO access_log_signing_keys (key_id, private_key_pem, created_at) VALUES ($keyId, $pem, $createdAt);");
            insert.Parameters.AddWithValue("$keyId", key.KeyId);
            insert.Parameters.AddWithValue("$pem", key.PrivateKeyPem);
            insert.Parameters.AddWithValue("$createdAt", SqliteValues.ToText(key.CreatedAt));
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
