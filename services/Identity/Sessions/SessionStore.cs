using MynaPlatform.Authentication.Sessions;
using MynaPlatform.Contracts.Identity;

namespace MynaPlatform.Identity.Sessions;

/// <summary>
/// Sessions and the login history of people. Ending a session writes its <see cref="SessionRevoked"/>
/// to the outbox in the same transaction (see <see cref="ISessionRepository"/>), and adds it to this
/// service's own revoked set once committed.
/// </summary>
public sealed class SessionStore(ISessionRepository repository, RevokedSessions revoked, TimeProvider clock)
    : IRevokedSessionSource
{
    public Task StartAsync(string sessionId, string personId, string clientId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        repository.StartAsync(sessionId, personId, clientId, clock.GetUtcNow(), expiresAt, cancellationToken);

    public Task RecordRefreshAsync(string sessionId, string personId, string clientId, CancellationToken cancellationToken) =>
        repository.RecordLoginAsync(personId, clientId, LoginResults.Refreshed, sessionId, clock.GetUtcNow(), cancellationToken);

    /// <summary>Returns true when the session exists, has not ended and has not expired.</summary>
    public Task<bool> IsActiveAsync(string sessionId, CancellationToken cancellationToken) =>
        repository.IsActiveAsync(sessionId, clock.GetUtcNow(), cancellationToken);

    public async Task<IReadOnlyList<SessionView>> ListActiveAsync(string personId, string? currentSessionId, CancellationToken cancellationToken)
    {
        var sessions = await repository.ListActiveAsync(personId, clock.GetUtcNow(), cancellationToken);
        return [.. sessions.Select(session => new SessionView(
            session.SessionId, session.ClientId, session.StartedAt, session.ExpiresAt, session.SessionId == currentSessionId))];
    }

    public Task<IReadOnlyList<LoginHistoryEntry>> ListHistoryAsync(string personId, int limit, CancellationToken cancellationToken) =>
        repository.ListHistoryAsync(personId, limit, cancellationToken);

    /// <summary>
    /// Ends one session of the person. Returns false when the person has no such session; ending a
    /// session that already ended succeeds and publishes nothing new.
    /// </summary>
    public async Task<bool> EndAsync(string personId, string sessionId, SessionEndReason reason, CancellationToken cancellationToken)
    {
        var ended = await repository.EndAsync(personId, sessionId, reason, clock.GetUtcNow(), cancellationToken);
        if (ended is null)
        {
            return false;
        }

        Remember(ended);
        return true;
    }

    /// <summary>Adds committed ended sessions to this service's own set, ahead of the message.</summary>
    public void Remember(IEnumerable<EndedSession> ended)
    {
        foreach (var session in ended)
        {
            revoked.Add(session.SessionId, session.EndedAt);
        }
    }

    public Task<IReadOnlyList<RevokedSession>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        repository.ListEndedSinceAsync(since, cancellationToken);
}
