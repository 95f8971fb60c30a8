using System.Security.Claims;
using System.Security.Cryptography;
using MynaPlatform.Authentication;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MynaPlatform.Identity.Tokens;

/// <summary>
/// Builds the claims of the platform's tokens: <c>sub</c>, <c>principal_type</c>, a new session id
/// (<c>sid</c>) per login, the granted scopes and one audience per service those scopes belong to.
/// </summary>
public static class TokenPrincipals
{
    public static ClaimsPrincipal ForPerson(string personId, IEnumerable<string> scopes) =>
        Create(personId, PrincipalTypes.Person, scopes);

    public static ClaimsPrincipal ForClient(string clientId, IEnumerable<string> scopes) =>
        Create(clientId, PrincipalTypes.Client, scopes);

    /// <summary>Routes every claim to the access token; the refresh token keeps them through OpenIddict.</summary>
    public static ClaimsPrincipal WithDestinations(ClaimsPrincipal principal)
    {
        principal.SetDestinations(static _ => [Destinations.AccessToken]);
        return principal;
    }

    private static ClaimsPrincipal Create(string subject, string principalType, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(authenticationType: "MynaPlatform", nameType: Claims.Subject, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(PlatformClaims.PrincipalType, principalType);
        identity.SetClaim(PlatformClaims.SessionId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

        var granted = scopes.Distinct(StringComparer.Ordinal).ToList();
        identity.SetScopes(granted);
        identity.SetResources(granted
            .Select(scope => PlatformScopes.Audiences.GetValueOrDefault(scope))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal));

        return WithDestinations(new ClaimsPrincipal(identity));
    }
}
