using System.Collections.Concurrent;

namespace MynaPlatform.Authentication.Sessions;

/// <summary>
/// The session ids (<c>sid</c>) whose access tokens are rejected, with the time each session ended.
/// An entry is kept for <see cref="PlatformAuthenticationOptions.RevokedSessionRetention"/>, which
/// must exceed the longest access token lifetime plus the clock skew.
/// </summary>
public sealed class RevokedSessions(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> revoked = new(StringComparer.Ordinal);

    public int Count => revoked.Count;

    public bool Contains(string sessionId) => revoked.ContainsKey(sessionId);

    public void Add(string sessionId, DateTimeOffset revokedAt) => revoked.TryAdd(sessionId, revokedAt);

    /// <summary>Drops the sessions that ended longer ago than <paramref name="retention"/>.</summary>
    public void Prune(TimeSpan retention)
    {
        var before = clock.GetUtcNow() - retention;
        foreach (var (sessionId, revokedAt) in revoked)
        {
            if (revokedAt < before)
            {
                revoked.TryRemove(sessionId, out _);
            }
        }
    }
}
