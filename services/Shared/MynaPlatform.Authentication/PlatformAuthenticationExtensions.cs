using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Authentication.Sessions;

namespace MynaPlatform.Authentication;

public static class PlatformAuthenticationExtensions
{
    /// <summary>The only algorithm access tokens are signed with; the benchmark page records why.</summary>
    public const string SigningAlgorithm = SecurityAlgorithms.RsaSha256;

    /// <summary>The JWT <c>typ</c> of an access token (RFC 9068); other token types are rejected.</summary>
    public const string AccessTokenType = "at+jwt";

    // A platform token's header is about 100 characters. A longer header is left to the handler.
    private const int MaxEncodedHeaderLength = 2048;

    /// <summary>
    /// Validates platform access tokens with JWT bearer authentication: signature by a published
    /// key, issuer, one of <paramref name="audiences"/>, lifetime with a small clock skew, and
    /// token type. The signing keys come from <see cref="ISigningKeySource"/>, by default the
    /// identity service's JWKS. A token whose session (<c>sid</c>) is in <see cref="RevokedSessions"/>
    /// is rejected, however long it still lives.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformTokenValidation(this IHostApplicationBuilder builder, params string[] audiences)
    {
        var services = builder.Services;
        services.AddOptions<PlatformAuthenticationOptions>()
            .BindConfiguration(PlatformAuthenticationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => options.JwksRefreshInterval >= options.JwksMinimumRefreshInterval,
                "Authentication:JwksRefreshInterval must be at least Authentication:JwksMinimumRefreshInterval.")
            .ValidateOnStart();

        services.AddHttpClient(JsonWebKeySetSource.HttpClientName);
        services.TryAddSingleton<ISigningKeySource, JsonWebKeySetSource>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RevokedSessions>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<PlatformAuthenticationOptions>, ISigningKeySource, RevokedSessions>((jwt, platform, keys, revoked) =>
                Configure(jwt, platform.Value, keys, revoked, audiences));
        services.AddAuthorization();

        return builder;
    }

    private static void Configure(
        JwtBearerOptions jwt, PlatformAuthenticationOptions platform, ISigningKeySource keys, RevokedSessions revoked, string[] audiences)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = platform.Issuer!.AbsoluteUri,
            ValidateAudience = true,
            ValidAudiences = audiences,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = platform.ClockSkew,
            ValidAlgorithms = [SigningAlgorithm],
            ValidTypes = [AccessTokenType],
            NameClaimType = PlatformClaims.Subject,
            IssuerSigningKeyResolver = (_, _, _, _) => keys.CurrentKeys,
        };

        jwt.Events = new JwtBearerEvents
        {
            // Keys are read before validation, so that a token signed with a newly published key
            // is accepted on its first use instead of after the next scheduled read.
            OnMessageReceived = async context =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                var token = header["Bearer ".Length..].Trim();
                context.Token = token;
                await keys.GetKeysAsync(ReadKeyId(token), context.HttpContext.RequestAborted);
            },
            OnTokenValidated = context =>
            {
                if (context.Principal?.FindFirst(PlatformClaims.SessionId)?.Value is { } sessionId && revoked.Contains(sessionId))
                {
                    context.Fail("The token's session has ended.");
                }

                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();

                // A valid token issued for another service lacks this service's scopes, which is a 403 (RFC 6750).
                if (context.AuthenticateFailure is SecurityTokenInvalidAudienceException)
                {
                    await TokenProblemResponses.WriteOtherAudienceAsync(context.HttpContext, audiences);
                    return;
                }

                await TokenProblemResponses.WriteUnauthorizedAsync(context.HttpContext);
            },
            OnForbidden = context => TokenProblemResponses.WriteForbiddenAsync(context.HttpContext),
        };
    }

    /// <summary>
    /// Reads the <c>kid</c> of the token's JOSE header, or null when the header is malformed or names
    /// no key. Only the header is decoded, because the JWT handler parses the whole token right
    /// after this, and a second parse of the payload would add its cost to every request.
    /// </summary>
    private static string? ReadKeyId(string token)
    {
        var headerLength = token.IndexOf('.');
        if (headerLength <= 0 || headerLength > MaxEncodedHeaderLength)
        {
            return null;
        }

        var encoded = token.AsSpan(0, headerLength);
        Span<byte> header = stackalloc byte[Base64Url.GetMaxDecodedLength(encoded.Length)];
        if (Base64Url.DecodeFromChars(encoded, header, out _, out var headerBytes) != OperationStatus.Done)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(header[..headerBytes]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKeyId = reader.ValueTextEquals("kid"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isKeyId)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A malformed token fails validation later with 401; it names no key to look for.
        }

        return null;
    }
}
