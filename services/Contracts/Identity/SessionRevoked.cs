namespace MynaPlatform.Contracts.Identity;

/// <summary>
/// Published through the identity service's outbox once for every session that ends: by logout,
/// by the person ending it, or by a lost-card hold. Every token validator adds the session id to
/// its revoked set and rejects the session's access tokens from then on, however long they still live.
/// </summary>
/// <param name="SessionId">The <c>sid</c> claim of the session's tokens.</param>
/// <param name="Reason">Why the session ended.</param>
/// <param name="RevokedAt">When the session ended (UTC instant).</param>
public sealed record SessionRevoked(string SessionId, SessionEndReason Reason, DateTimeOffset RevokedAt);

public enum SessionEndReason
{
    Logout = 1,
    EndedByPerson = 2,
    CardSuspended = 3,
}
