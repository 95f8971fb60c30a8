using Microsoft.Data.Sqlite;
using MynaPlatform.Authentication.Sessions;
using MynaPlatform.Contracts.Identity;
using MynaPlatform.Identity.Sessions;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Storage.Sqlite;

internal sealed class SqliteSessionRepository(SqliteDatabase database, SqliteOutbox outbox) : ISessionRepository
{
    public Task StartAsync(
        string sessionId, string personId, string clientId, DateTimeOffset startedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO sessions (session_id, person_id, client_id, started_at, expires_at)
                VALUES ($sessionId, $personId, $clientId, $startedAt, $expiresAt);
                """);
            insert.Parameters.AddWithValue("$sessionId", sessionId);
            insert.Parameters.AddWithValue("$personId", personId);
            insert.Parameters.AddWithValue("$clientId", clientId);
            insert.Parameters.AddWithValue("$startedAt", SqliteValues.ToText(startedAt));
            insert.Parameters.AddWithValue("$expiresAt", SqliteValues.ToText(expiresAt));
            await insert.ExecuteNonQueryAsync(cancellationToken);

            await InsertLoginAsync(write, personId, clientId, LoginResults.Succeeded, sessionId, startedAt, cancellationToken);
            return true;
        }, cancellationToken);

    public Task RecordLoginAsync(
        string personId, string clientId, string result, string? sessionId, DateTimeOffset occurredAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await InsertLoginAsync(write, personId, clientId, result, sessionId, occurredAt, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<bool> IsActiveAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT 1 FROM sessions WHERE session_id = $sessionId AND ended_at IS NULL AND expires_at > $now;";
            query.Parameters.AddWithValue("$sessionId", sessionId);
            query.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
            return await query.ExecuteScalarAsync(cancellationToken) is not null;
        }, cancellationToken);

    public Task<IReadOnlyList<SessionRecord>> ListActiveAsync(string personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<SessionRecord>>(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = """
                SELECT session_id, client_id, started_at, expires_at FROM sessions
                WHERE person_id = $personId AND ended_at IS NULL AND expires_at > $now
                ORDER BY started_at DESC;
                """;
            query.Parameters.AddWithValue("$personId", personId);
            query.Parameters.AddWithValue("$now", SqliteValues.ToText(now));

            var sessions = new List<SessionRecord>();
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sessions.Add(new SessionRecord(reader.GetString(0), reader.GetString(1),
                    SqliteValues.ToInstant(reader.GetString(2)), SqliteValues.ToInstant(reader.GetString(3))));
            }

            return sessions;
        }, cancellationToken);

    public Task<IReadOnlyList<LoginHistoryEntry>> ListHistoryAsync(string personId, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<LoginHistoryEntry>>(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = """
                SELECT occurred_at, client_id, result FROM login_history
                WHERE person_id = $personId ORDER BY occurred_at DESC, entry_id DESC LIMIT $limit;
                """;
            query.Parameters.AddWithValue("$personId", personId);
            query.Parameters.AddWithValue("$limit", limit);

            var entries = new List<LoginHistoryEntry>();
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new LoginHistoryEntry(SqliteValues.ToInstant(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
            }

            return entries;
        }, cancellationToken);

    public Task<IReadOnlyList<EndedSession>?> EndAsync(
        string personId, string sessionId, SessionEndReason reason, DateTimeOffset endedAt, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<EndedSession>?>(async write =>
        {
            await using var exists = write.CreateCommand("SELECT 1 FROM sessions WHERE session_id = $sessionId AND person_id = $personId;");
            exists.Parameters.AddWithValue("$sessionId", sessionId);
            exists.Parameters.AddWithValue("$personId", personId);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }

            return await EndSessionsAsync(
                write, outbox, "session_id = $sessionId", [new("$sessionId", sessionId)], reason, endedAt, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<RevokedSession>> ListEndedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<RevokedSession>>(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT session_id, ended_at FROM sessions WHERE ended_at >= $since;";
            query.Parameters.AddWithValue("$since", SqliteValues.ToText(since));

            var sessions = new List<RevokedSession>();
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sessions.Add(new RevokedSession(reader.GetString(0), SqliteValues.ToInstant(reader.GetString(1))));
            }

            return sessions;
        }, cancellationToken);

    /// <summary>Ends every open session of the person inside <paramref name="write"/>, with one <see cref="SessionRevoked"/> each.</summary>
    internal static Task<IReadOnlyList<EndedSession>> EndAllOfPersonAsync(
        SqliteWrite write, SqliteOutbox outbox, string personId, SessionEndReason reason, DateTimeOffset endedAt, CancellationToken cancellationToken) =>
        EndSessionsAsync(write, outbox, "person_id = $personId", [new("$personId", personId)], reason, endedAt, cancellationToken);

    private static async Task<IReadOnlyList<EndedSession>> EndSessionsAsync(
        SqliteWrite write, SqliteOutbox outbox, string filter, SqliteParameter[] parameters, SessionEndReason reason, DateTimeOffset endedAt,
        CancellationToken cancellationToken)
    {
        // The filter is one of this class's constants, never text from a request.
        await using var update = write.CreateCommand($"""
            UPDATE sessions SET ended_at = $now, end_reason = $reason
            WHERE {filter} AND ended_at IS NULL
            RETURNING session_id;
            """);
        update.Parameters.AddRange(parameters);
        update.Parameters.AddWithValue("$now", SqliteValues.ToText(endedAt));
        update.Parameters.AddWithValue("$reason", reason.ToString());

        var ended = new List<EndedSession>();
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ended.Add(new EndedSession(reader.GetString(0), reason, endedAt));
            }
        }

        foreach (var session in ended)
        {
            await outbox.EnqueueAsync(write, new SessionRevoked(session.SessionId, reason, endedAt), session.SessionId, cancellationToken);
        }

        return ended;
    }

    private static async Task InsertLoginAsync(
        SqliteWrite write, string personId, string clientId, string result, string? sessionId, DateTimeOffset occurredAt,
        CancellationToken cancellationToken)
    {
        await using var insert = write.CreateCommand("""
            INSERT INTO login_history (person_id, occurred_at, client_id, result, session_id)
            VALUES ($personId, $occurredAt, $clientId, $result, $sessionId);
            """);
        insert.Parameters.AddWithValue("$personId", personId);
        insert.Parameters.AddWithValue("$occurredAt", SqliteValues.ToText(occurredAt));
        insert.Parameters.AddWithValue("$clientId", clientId);
        insert.Parameters.AddWithValue("$result", result);
        insert.Parameters.AddWithValue("$sessionId", SqliteValues.ToDbValue(sessionId));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
