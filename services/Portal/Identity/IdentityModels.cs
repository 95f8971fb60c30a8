namespace MynaPlatform.Portal.Identity;

/// <summary>The tokens of a session, as identity issued them.</summary>
public sealed record TokenSet(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>A started device login: the code the person confirms with the card, and how often to poll.</summary>
public sealed record DeviceAuthorization(
    string DeviceCode, string UserCode, string VerificationUri, DateTimeOffset ExpiresAt, TimeSpan PollInterval);

public enum DevicePollStatus
{
    Approved,
    Pending,
    SlowDown,
    Expired,
    Denied,
}

/// <summary>One poll of a device login; <see cref="Tokens"/> is set once the card approved it.</summary>
public sealed record DevicePoll(DevicePollStatus Status, TokenSet? Tokens = null);

/// <summary>The person, session and client that an access token names.</summary>
public sealed record OwnSession(string PersonId, string SessionId, string ClientId);

public sealed record AccountDetails(string? Nickname, string? Email);

public sealed record SessionEntry(string SessionId, string ClientId, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt, bool Current);

public sealed record LoginHistoryEntry(DateTimeOffset OccurredAt, string ClientId, string Result);

public sealed record StepUpCode(string UserCode, DateTimeOffset ExpiresAt);

/// <summary>A ProblemDetails response of an API: its status, Japanese title and detail, and reason code when it has one.</summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, string? ReasonCode)
{
    /// <summary>The first message of each field in the problem's <c>errors</c> member, by the API's field name such as <c>category</c>.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}

/// <summary>The value of a successful call, or the problem the API returned for a request it rejected.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;
}
