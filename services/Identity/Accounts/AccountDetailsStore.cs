using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Accounts;

/// <summary>A person's own details, which only the person reads and changes.</summary>
public sealed record AccountDetails(string? Nickname, string? Email);

/// <summary>
/// The nickname and e-mail address of each person in the identity service's SQLite file. An
/// e-mail change consumes the session's satisfied step-up in the same transaction, so one card
/// proof allows exactly one change.
/// </summary>
public sealed class AccountDetailsStore(SqliteDatabase database, StepUpStore stepUps, TimeProvider clock)
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

    public Task SetNicknameAsync(string personId, string nickname, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await UpsertAsync(write, personId, "nickname", nickname, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Stores the e-mail address and returns true, or returns false when the session has no satisfied step-up.</summary>
    public Task<bool> SetEmailAsync(string personId, string sessionId, string email, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (!await stepUps.ConsumeAsync(write, sessionId, personId, cancellationToken))
            {
                return false;
            }

            await UpsertAsync(write, personId, "email", email, cancellationToken);
            return true;
        }, cancellationToken);

    private async Task UpsertAsync(SqliteWrite write, string personId, string column, string value, CancellationToken cancellationToken)
    {
        // The column name comes from this class only, never from a request.
        await using var upsert = write.CreateCommand($"""
            INSERT INTO account_details (person_id, {column}, updated_at) VALUES ($personId, $value, $now)
            ON CONFLICT (person_id) DO UPDATE SET {column} = excluded.{column}, updated_at = excluded.updated_at;
            """);
        upsert.Parameters.AddWithValue("$personId", personId);
        upsert.Parameters.AddWithValue("$value", value);
        upsert.Parameters.AddWithValue("$now", SqliteValues.ToText(clock.GetUtcNow()));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
