namespace MynaPlatform.Authentication.Sessions;

/// <summary>Where a token validator reads the sessions that ended, at start and then periodically.</summary>
public interface IRevokedSessionSource
{
    /// <summary>Returns the sessions that ended at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<RevokedSession>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

public sealed record RevokedSession(string SessionId, DateTimeOffset RevokedAt);
