using MynaPlatform.Identity.Accounts;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Storage.Sqlite;

internal sealed class SqliteAccountDetailsRepository(SqliteDatabase database) : IAccountDetailsRepository
{
    public Task<AccountDetails> GetAsync(string personId, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT nickname, email FROM account_details WHERE person_id = $personId;";
            query.Parameters.AddWithValue("$personId", personId);

            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return new AccountDetails(null, null);
            }

            return new AccountDetails(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }, cancellationToken);

    public Task SetNicknameAsync(string personId, string? nickname, DateTimeOffset updatedAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await UpsertAsync(write, personId, "nickname", nickname, updatedAt, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<bool> SetEmailWithStepUpAsync(
        string personId, string sessionId, string email, DateTimeOffset updatedAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (!await SqliteStepUpRepository.ConsumeAsync(write, sessionId, personId, updatedAt, cancellationToken))
            {
                return false;
            }

            await UpsertAsync(write, personId, "email", email, updatedAt, cancellationToken);
            return true;
        }, cancellationToken);

    private static async Task UpsertAsync(
        SqliteWrite write, string personId, string column, string? value, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        // The column name comes from this class only, never from a request.
        await using var upsert = write.CreateCommand($"""
            INSERT INTO account_details (person_id, {column}, updated_at) VALUES ($personId, $value, $now)
            ON CONFLICT (person_id) DO UPDATE SET {column} = excluded.{column}, updated_at = excluded.updated_at;
            """);
        upsert.Parameters.AddWithValue("$personId", personId);
        upsert.Parameters.AddWithValue("$value", SqliteValues.ToDbValue(value));
        upsert.Parameters.AddWithValue("$now", SqliteValues.ToText(updatedAt));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
