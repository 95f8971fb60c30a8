namespace MynaPlatform.Authentication;

/// <summary>Claims of a platform access token beyond the registered JWT claims.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string SessionId = "sid";
    public const string ClientId = "client_id";
    public const string Scope = "scope";

    /// <summary>
    /// Tells a person's token (<see cref="PrincipalTypes.Person"/>, whose <c>sub</c> is a PersonId)
    /// from a client's token (<see cref="PrincipalTypes.Client"/>, whose <c>sub</c> is the client id).
    /// </summary>
    public const string PrincipalType = "principal_type";
}

public static class PrincipalTypes
{
    public const string Person = "person";
    public const string Client = "client";
}
