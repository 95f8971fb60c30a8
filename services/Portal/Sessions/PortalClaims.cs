namespace MynaPlatform.Portal.Sessions;

/// <summary>Claims of the portal's own session principal, which lives only in the server-side ticket store.</summary>
public static class PortalClaims
{
    /// <summary>The person's opaque id at identity.</summary>
    public const string PersonId = "person_id";

    /// <summary>The identity session that the portal's tokens belong to.</summary>
    public const string SessionId = "sid";

    /// <summary>Marks a session whose device login is still waiting for the card.</summary>
    public const string PendingLogin = "pending_login";
}
