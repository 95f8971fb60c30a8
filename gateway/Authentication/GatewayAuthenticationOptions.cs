namespace MynaPlatform.Gateway.Authentication;

/// <summary>The routes under <c>/api/</c> that need no access token, bound from <c>Gateway:Authentication</c>.</summary>
public sealed class GatewayAuthenticationOptions
{
    public const string SectionName = "Gateway:Authentication";

    /// <summary>
    /// Path patterns; <c>*</c> matches one path segment and a trailing <c>/**</c> any rest. The
    /// defaults are the login endpoints, the published keys, the API documents and health.
    /// </summary>
    public List<string> AnonymousPaths { get; set; } = [];
}
