namespace MynaPlatform.Portal.Errors;

/// <summary>Thrown when identity no longer accepts the session's token, so the person must log in again.</summary>
public sealed class SessionExpiredException() : Exception("The session's access token was rejected.");
