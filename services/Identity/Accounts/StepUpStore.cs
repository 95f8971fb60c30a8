using System.Security.Cryptography;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Accounts;

public enum StepUpVerification
{
    Satisfied,
    CodeInvalid,
    PersonMismatch,
}

/// <summary>A step-up code that the person enters in <c>myna-card step-up</c>.</summary>
public sealed record StepUpCode(string UserCode, DateTimeOffset ExpiresAt);

/// <summary>
/// Step-up codes bound to one session. A code is verified at most once, and only by a card of the
/// session's own person. The step-up it satisfies then lasts <see cref="SatisfiedLifetime"/> and
/// is consumed by one sensitive change.
/// </summary>
public sealed partial class StepUpStore(SqliteDatabase database, TimeProvider clock, ILogger<StepUpStore> logger)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan SatisfiedLifetime = TimeSpan.FromMinutes(5);

    // Upper-case consonants only, so that a code spells no word and has no look-alikes of 0 or 1.
    private const string CodeAlphabet = "BCDFGHJKLMNPQRSTVWXZ";
    private const int CodeLength = 8;

    public async Task<StepUpCode> CreateAsync(string sessionId, string personId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var code = new StepUpCode(RandomNumberGenerator.GetString(CodeAlphabet, CodeLength), now + CodeLifetime);
        await database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO step_ups (user_code, session_id, person_id, expires_at) VALUES ($code, $sessionId, $personId, $expiresAt);
                """);
            insert.Parameters.AddWithValue("$code", code.UserCode);
            insert.Parameters.AddWithValue("$sessionId", sessionId);
            insert.Parameters.AddWithValue("$personId", personId);
            insert.Parameters.AddWithValue("$expiresAt", SqliteValues.ToText(code.ExpiresAt));
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

        return code;
    }

    /// <summary>
    /// Marks the code verified by the card of <paramref name="cardPersonId"/>. A card of another
    /// person uses the code up, so that a stolen code cannot be tried again with more cards.
    /// </summary>
    public Task<StepUpVerification> VerifyAsync(string userCode, string cardPersonId, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var now = clock.GetUtcNow();
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
                    Log.CodeInvalid(logger);
                    return StepUpVerification.CodeInvalid;
                }

                (sessionPersonId, sessionId) = (reader.GetString(0), reader.GetString(1));
            }

            var matches = sessionPersonId == cardPersonId;
            await using var update = write.CreateCommand(matches
                ? "UPDATE step_ups SET verified_at = $now, satisfied_until = $until WHERE user_code = $code;"
                : "UPDATE step_ups SET used_at = $now WHERE user_code = $code;");
            update.Parameters.AddWithValue("$code", userCode);
            update.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
            update.Parameters.AddWithValue("$until", SqliteValues.ToText(now + SatisfiedLifetime));
            await update.ExecuteNonQueryAsync(cancellationToken);
            if (!matches)
            {
                Log.PersonMismatch(logger, sessionId);
                return StepUpVerification.PersonMismatch;
            }

            Log.Satisfied(logger, sessionId);
            return StepUpVerification.Satisfied;
        }, cancellationToken);

    /// <summary>Uses up one satisfied step-up of the session inside <paramref name="write"/>; returns false when there is none.</summary>
    public async Task<bool> ConsumeAsync(SqliteWrite write, string sessionId, string personId, CancellationToken cancellationToken)
    {
        var now = SqliteValues.ToText(clock.GetUtcNow());
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
        update.Parameters.AddWithValue("$now", now);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static partial class Log
    {
        // Only the session id is logged, never the user code or a PersonId.
        [LoggerMessage(EventId = 1, EventName = "StepUpSatisfied", Level = LogLevel.Information,
            Message = "Step-up satisfied for session {SessionId}")]
        public static partial void Satisfied(ILogger logger, string sessionId);

        [LoggerMessage(EventId = 2, EventName = "StepUpPersonMismatch", Level = LogLevel.Warning,
            Message = "Step-up rejected for session {SessionId} because the card belongs to another person. The code is used up")]
        public static partial void PersonMismatch(ILogger logger, string sessionId);

        [LoggerMessage(EventId = 3, EventName = "StepUpCodeInvalid", Level = LogLevel.Information,
            Message = "Step-up rejected: the code is unknown, expired or already used")]
        public static partial void CodeInvalid(ILogger logger);
    }
}
