using MynaPlatform.Contracts.Identity;

namespace MynaPlatform.Identity.Sessions;

/// <summary>A login session as the person sees it; <see cref="Current"/> marks the one making the request.</summary>
public sealed record SessionView(
    string SessionId, string ClientId, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt, bool Current);

/// <summary>One login attempt of the person: when, through which client, and the result.</summary>
public sealed record LoginHistoryEntry(DateTimeOffset OccurredAt, string ClientId, string Result);

/// <summary>Results recorded in the login history.</summary>
public static class LoginResults
{
    public const string Succeeded = "succeeded";
    public const string Refreshed = "refreshed";
}

/// <summary>An ended session, as published in <see cref="SessionRevoked"/>.</summary>
public sealed record EndedSession(string SessionId, SessionEndReason Reason, DateTimeOffset EndedAt);
