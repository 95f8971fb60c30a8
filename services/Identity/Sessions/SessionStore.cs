using Microsoft.Data.Sqlite;
using MynaPlatform.Authentication.Sessions;
using MynaPlatform.Contracts.Identity;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Sessions;

/// <summary>
/// Sessions and the login history in the identity service's SQLite file. Ending a session writes
/// its <see cref="SessionRevoked"/> to the outbox in the same transaction, and adds it to this
/// service's own revoked set once committed.
/// </summary>
public sealed class SessionStore(SqliteDatabase database, SqliteOutbox outbox, RevokedSessions revoked, TimeProvider clock)
    : IRevokedSessionSource
{
    public Task StartAsync(string sessionId, string personId, string clientId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var now = clock.GetUtcNow();
            await using var insert = write.CreateCommand("""
                INSERT INTO sessions (session_id, person_id, client_id, started_at, expires_at)
                VALUES ($sessionId, $personId, $clientId, $startedAt, $expiresAt);
                """);
            insert.Parameters.AddWithValue("$sessionId", sessionId);
            insert.Parameters.AddWithValue("$personId", personId);
            insert.Parameters.AddWithValue("$clientId", clientId);
            insert.Parameters.AddWithValue("$startedAt", SqliteValues.ToText(now));
            insert.Parameters.AddWithValue("$expiresAt", SqliteValues.ToText(expiresAt));
            await insert.ExecuteNonQueryAsync(cancellationToken);

            await RecordLoginAsync(write, personId, clientId, LoginResults.Succeeded, sessionId, now, cancellationToken);
            return true;
        }, cancellationToken);

    public Task RecordRefreshAsync(string sessionId, string personId, string clientId, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await RecordLoginAsync(write, personId, clientId, LoginResults.Refreshed, sessionId, clock.GetUtcNow(), cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Returns true when the session exists, has not ended and has not expired.</summary>
    public Task<bool> IsActiveAsync(string sessionId, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT 1 FROM sessions WHERE session_id = $sessionId AND ended_at IS NULL AND expires_at > $now;";
            query.Parameters.AddWithValue("$sessionId", sessionId);
            query.Parameters.AddWithValue("$now", SqliteValues.ToText(clock.GetUtcNow()));
            return await query.ExecuteScalarAsync(cancellationToken) is not null;
        }, cancellationToken);

    public Task<IReadOnlyList<SessionView>> ListActiveAsync(string personId, string? currentSessionId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<SessionView>>(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = """
                SELECT session_id, client_id, started_at, expires_at FROM sessions
                WHERE person_id = $personId AND ended_at IS NULL AND expires_at > $now
                ORDER BY started_at DESC;
                """;
            query.Parameters.AddWithValue("$personId", personId);
            query.Parameters.AddWithValue("$now", SqliteValues.ToText(clock.GetUtcNow()));

            var sessions = new List<SessionView>();
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var sessionId = reader.GetString(0);
                sessions.Add(new SessionView(sessionId, reader.GetString(1), SqliteValues.ToInstant(reader.GetString(2)),
                    SqliteValues.ToInstant(reader.GetString(3)), sessionId == currentSessionId));
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

    /// <summary>
    /// Ends one session of the person. Returns false when the person has no such session; ending a
    /// session that already ended succeeds and publishes nothing new.
    /// </summary>
    public async Task<bool> EndAsync(string personId, string sessionId, SessionEndReason reason, CancellationToken cancellationToken)
    {
        var (found, ended) = await database.WriteAsync(async write =>
        {
            await using var exists = write.CreateCommand("SELECT 1 FROM sessions WHERE session_id = $sessionId AND person_id = $personId;");
            exists.Parameters.AddWithValue("$sessionId", sessionId);
            exists.Parameters.AddWithValue("$personId", personId);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                return (false, (IReadOnlyList<EndedSession>)[]);
            }

            return (true, await EndSessionsAsync(write, "session_id = $sessionId", [new("$sessionId", sessionId)], reason, cancellationToken));
        }, cancellationToken);

        Remember(ended);
        return found;
    }

    /// <summary>
    /// Ends every open session of the person inside <paramref name="write"/>, with one
    /// <see cref="SessionRevoked"/> each. The caller passes the result to <see cref="Remember"/> after the commit.
    /// </summary>
    public Task<IReadOnlyList<EndedSession>> EndAllAsync(SqliteWrite write, string personId, SessionEndReason reason, CancellationToken cancellationToken) =>
        EndSessionsAsync(write, "person_id = $personId", [new("$personId", personId)], reason, cancellationToken);

    /// <summary>Adds committed ended sessions to this service's own set, ahead of the message.</summary>
    public void Remember(IEnumerable<EndedSession> ended)
    {
        foreach (var session in ended)
        {
            revoked.Add(session.SessionId, session.EndedAt);
        }
    }

    public Task<IReadOnlyList<RevokedSession>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
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

    private async Task<IReadOnlyList<EndedSession>> EndSessionsAsync(
        SqliteWrite write, string filter, SqliteParameter[] parameters, SessionEndReason reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var update = write.CreateCommand($"""
            UPDATE sessions SET ended_at = $now, end_reason = $reason
            WHERE {filter} AND ended_at IS NULL
            RETURNING session_id;
            """);
        update.Parameters.AddRange(parameters);
        update.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
        update.Parameters.AddWithValue("$reason", reason.ToString());

        var ended = new List<EndedSession>();
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ended.Add(new EndedSession(reader.GetString(0), reason, now));
            }
        }

        foreach (var session in ended)
        {
            await outbox.EnqueueAsync(write, new SessionRevoked(session.SessionId, reason, now), session.SessionId, cancellationToken);
        }

        return ended;
    }

    private static async Task RecordLoginAsync(
        SqliteWrite write, string personId, string clientId, string result, string? sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = write.CreateCommand("""
            INSERT INTO login_history (person_id, occurred_at, client_id, result, session_id)
            VALUES ($personId, $occurredAt, $clientId, $result, $sessionId);
            """);
        insert.Parameters.AddWithValue("$personId", personId);
        insert.Parameters.AddWithValue("$occurredAt", SqliteValues.ToText(now));
        insert.Parameters.AddWithValue("$clientId", clientId);
        insert.Parameters.AddWithValue("$result", result);
        insert.Parameters.AddWithValue("$sessionId", SqliteValues.ToDbValue(sessionId));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
