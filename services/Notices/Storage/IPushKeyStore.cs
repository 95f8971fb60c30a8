namespace MynaPlatform.Notices.Storage;

/// <summary>A response kept for an idempotency key, returned again to a retry with the same content.</summary>
public sealed record StoredResponse(int StatusCode, string Body);

public enum PushClaimStatus
{
    /// <summary>This request owns the key (new, expired or its lease ran out) and must do the push.</summary>
    Claimed,

    /// <summary>The push with this key finished; <see cref="PushClaim.Response"/> is its result.</summary>
    Completed,

    /// <summary>Another request holds the key and its lease is still running.</summary>
    InProgress,

    /// <summary>The key was used for other content within its retention.</summary>
    ContentMismatch,
}

/// <summary>
/// The outcome of claiming a key. <see cref="PushId"/> stays the same when a request takes over an
/// expired lease, so the retry finds the items that the first request stored.
/// </summary>
public sealed record PushClaim(PushClaimStatus Status, Guid PushId, StoredResponse? Response);

/// <summary>
/// Idempotency keys of pushes, scoped to the agency. A key is kept for its retention from its first
/// use. While a push runs it holds a lease, and a lease that is not renewed lapses, so a retry can
/// proceed after the first request died.
/// </summary>
public interface IPushKeyStore
{
    Task<PushClaim> ClaimAsync(
        string agencyClientId, string key, string fingerprint, DateTimeOffset now, TimeSpan lease, TimeSpan retention, CancellationToken cancellationToken);

    Task RenewAsync(string agencyClientId, string key, Guid pushId, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    Task CompleteAsync(string agencyClientId, string key, Guid pushId, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Frees a key whose request was rejected as a whole, so that it can be sent again corrected.</summary>
    Task ReleaseAsync(string agencyClientId, string key, Guid pushId, CancellationToken cancellationToken);

    /// <summary>Deletes keys older than their retention and returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken);
}
