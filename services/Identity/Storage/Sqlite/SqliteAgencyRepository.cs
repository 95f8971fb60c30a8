using Microsoft.Data.Sqlite;
using MynaPlatform.Identity.Agencies;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Storage.Sqlite;

internal sealed class SqliteAgencyRepository(SqliteDatabase database) : IAgencyRepository
{
    public Task<AgencyRecord?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => FindAsync(connection, null, clientId, cancellationToken), cancellationToken);

    public Task<AgencyRecord> AddIfMissingAsync(AgencyRecord agency, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO agencies (client_id, display_name, local_government_code, identifier_key, created_at)
                VALUES ($clientId, $displayName, $code, $key, $now) ON CONFLICT (client_id) DO NOTHING;
                """);
            insert.Parameters.AddWithValue("$clientId", agency.ClientId);
            insert.Parameters.AddWithValue("$displayName", agency.DisplayName);
            insert.Parameters.AddWithValue("$code", SqliteValues.ToDbValue(agency.LocalGovernmentCode));
            insert.Parameters.Add("$key", SqliteType.Blob).Value = agency.IdentifierKey;
            insert.Parameters.AddWithValue("$now", SqliteValues.ToText(createdAt));
            await insert.ExecuteNonQueryAsync(cancellationToken);

            return await FindAsync(write.Connection, write.Transaction, agency.ClientId, cancellationToken)
                ?? throw new InvalidOperationException($"Agency {agency.ClientId} is missing right after it was written.");
        }, cancellationToken);

    public Task DeleteAsync(string clientId, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var delete = write.CreateCommand("DELETE FROM agencies WHERE client_id = $clientId;");
            delete.Parameters.AddWithValue("$clientId", clientId);
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static async Task<AgencyRecord?> FindAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string clientId, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT display_name, local_government_code, identifier_key FROM agencies WHERE client_id = $clientId;";
        query.Parameters.AddWithValue("$clientId", clientId);

        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new AgencyRecord(clientId, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), (byte[])reader.GetValue(2));
    }
}
