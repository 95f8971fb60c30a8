using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Authentication;

namespace MynaPlatform.Gateway.Tests;

/// <summary>
/// A stand-in for the identity service that signs access tokens of the platform's shape with its own
/// RSA key and publishes that key as a JWKS on a real Kestrel port on 127.0.0.1.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    public const string Issuer = "http://gateway.test/";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly WebApplication _app;

    private TestTokenIssuer(WebApplication app)
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = "gateway-tests" };
        _app = app;
        _app.MapGet("/jwks", PublishKeys);
    }

    public Uri JwksUrl => new(new Uri(_app.Urls.Single()), "/jwks");

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();

        var issuer = new TestTokenIssuer(builder.Build());
        await issuer._app.StartAsync();
        return issuer;
    }

    /// <summary>Signs a ten-minute access token for a person or a client, for <paramref name="audience"/>.</summary>
    public string CreateToken(string principalType, string subject, string audience) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            TokenType = PlatformAuthenticationExtensions.AccessTokenType,
            Claims = new Dictionary<string, object>
            {
                [PlatformClaims.Subject] = subject,
                [PlatformClaims.PrincipalType] = principalType,
                [PlatformClaims.SessionId] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(_key, PlatformAuthenticationExtensions.SigningAlgorithm),
        });

    private IResult PublishKeys()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        jwk.Use = JsonWebKeyUseNames.Sig;
        jwk.Alg = PlatformAuthenticationExtensions.SigningAlgorithm;
        return TypedResults.Json(new { keys = new[] { jwk } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
