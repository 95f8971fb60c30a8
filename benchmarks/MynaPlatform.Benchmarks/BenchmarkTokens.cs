using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Authentication;

namespace MynaPlatform.Benchmarks;

/// <summary>Access tokens of the platform's shape (a person's token, as myna-card gets one), signed by a benchmark's own key.</summary>
public static class BenchmarkTokens
{
    public static SecurityTokenDescriptor Describe(SigningCredentials credentials, string issuer, string audience) => new()
    {
        Issuer = issuer,
        Audience = audience,
        Expires = DateTime.UtcNow.AddMinutes(30),
        TokenType = PlatformAuthenticationExtensions.AccessTokenType,
        Claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            [PlatformClaims.PrincipalType] = PrincipalTypes.Person,
            [PlatformClaims.SessionId] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            [PlatformClaims.ClientId] = "myna-card",
            [PlatformClaims.Scope] = string.Join(' ', PlatformScopes.PersonScopes),
        },
        SigningCredentials = credentials,
    };
}
