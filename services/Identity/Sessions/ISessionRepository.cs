using MynaPlatform.Authentication.Sessions;
using MynaPlatform.Contracts.Identity;

namespace MynaPlatform.Identity.Sessions;

/// <summary>A stored session that has not ended.</summary>
public sealed record SessionRecord(string SessionId, string ClientId, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Sessions and the login history of the identity service, on SQLite or MongoDB. Ending sessions
/// writes one <see cref="SessionRevoked"/> per ended session to the outbox in the same transaction.
/// </summary>
public interface ISessionRepository
{
    /// <summary>Stores a new session and its successful login in the history, in one transaction.</summary>
    Task StartAsync(
        string sessionId, string personId, string clientId, DateTimeOffset startedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Appends one entry to the person's login history.</summary>
    Task RecordLoginAsync(
        string personId, string clientId, string result, string? sessionId, DateTimeOffset occurredAt, CancellationToken cancellationToken);

    /// <summary>Returns true when the session exists, has not ended and expires after <paramref name="now"/>.</summary>
    Task<bool> IsActiveAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Returns the person's sessions that are active at <paramref name="now"/>, the latest start first.</summary>
    Task<IReadOnlyList<SessionRecord>> ListActiveAsync(string personId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Returns at most <paramref name="limit"/> entries of the person's login history, the latest first.</summary>
    Task<IReadOnlyList<LoginHistoryEntry>> ListHistoryAsync(string personId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Ends one session of the person with its <see cref="SessionRevoked"/>. Returns null when the
    /// person has no such session, and an empty list when the session had ended before.
    /// </summary>
    Task<IReadOnlyList<EndedSession>?> EndAsync(
        string personId, string sessionId, SessionEndReason reason, DateTimeOffset endedAt, CancellationToken cancellationToken);

    /// <summary>Returns the sessions that ended at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<RevokedSession>> ListEndedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
