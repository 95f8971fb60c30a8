using MynaPlatform.Identity.Accounts;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Storage.Sqlite;

internal sealed class SqliteStepUpRepository(SqliteDatabase database) : IStepUpRepository
{
    public Task CreateAsync(string userCode, string sessionId, string personId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO step_ups (user_code, session_id, person_id, expires_at) VALUES ($code, $sessionId, $personId, $expiresAt);
                """);
            insert.Parameters.AddWithValue("$code", userCode);
            insert.Parameters.AddWithValue("$sessionId", sessionId);
            insert.Parameters.AddWithValue("$personId", personId);
            insert.Parameters.AddWithValue("$expiresAt", SqliteValues.ToText(expiresAt));
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<StepUpVerificationResult> VerifyAsync(
        string userCode, string cardPersonId, DateTimeOffset now, DateTimeOffset satisfiedUntil, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var query = write.CreateCommand("""
                SELECT person_id, session_id FROM step_ups
                WHERE user_code = $code AND expires_at > $now AND verified_at IS NULL AND used_at IS NULL;
                """);
            query.Parameters.AddWithValue("$code", userCode);
            query.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
            string sessionPersonId, sessionId;
            await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return new StepUpVerificationResult(StepUpVerification.CodeInvalid, null);
                }

                (sessionPersonId, sessionId) = (reader.GetString(0), reader.GetString(1));
            }

            // BEGIN IMMEDIATE holds the write lock from the read on, so the row cannot change in between.
            var matches = sessionPersonId == cardPersonId;
            await using var update = write.CreateCommand(matches
                ? "UPDATE step_ups SET verified_at = $now, satisfied_until = $until WHERE user_code = $code;"
                : "UPDATE step_ups SET used_at = $now WHERE user_code = $code;");
            update.Parameters.AddWithValue("$code", userCode);
            update.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
            update.Parameters.AddWithValue("$until", SqliteValues.ToText(satisfiedUntil));
            await update.ExecuteNonQueryAsync(cancellationToken);

            var outcome = matches ? StepUpVerification.Satisfied : StepUpVerification.PersonMismatch;
            return new StepUpVerificationResult(outcome, sessionId);
        }, cancellationToken);

    /// <summary>Uses up one satisfied step-up of the session inside <paramref name="write"/>; returns false when there is none.</summary>
    internal static async Task<bool> ConsumeAsync(
        SqliteWrite write, string sessionId, string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var update = write.CreateCommand("""
            UPDATE step_ups SET used_at = $now
            WHERE user_code = (
                SELECT user_code FROM step_ups
                WHERE session_id = $sessionId AND person_id = $personId
                    AND verified_at IS NOT NULL AND used_at IS NULL AND satisfied_until > $now
                LIMIT 1);
            """);
        update.Parameters.AddWithValue("$sessionId", sessionId);
        update.Parameters.AddWithValue("$personId", personId);
        update.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
