using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Authentication;
using MynaPlatform.Hosting;
using MynaPlatform.Identity.Storage;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.ServiceDefaults.Configuration;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MynaPlatform.Identity.Tokens;

public static class TokenServerRegistration
{
    private static readonly TokenStoreConnectionSettings TokenStoreSettings = new();

    /// <summary>
    /// Registers OpenIddict's server with its EF Core store on SQLite under the data folder: the
    /// JPKI grant, client credentials, refresh tokens and the device flow. Access tokens are signed
    /// JWTs that are not encrypted, so every service can read and check them itself.
    /// </summary>
    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<TokenOptions>(TokenOptions.SectionName);
        var tokens = builder.Configuration.GetSection(TokenOptions.SectionName).Get<TokenOptions>() ?? new TokenOptions();
        var dataDirectory = RequireDataDirectory(builder.Configuration);
        var issuer = builder.Configuration.GetSection(PlatformAuthenticationOptions.SectionName).Get<PlatformAuthenticationOptions>()?.Issuer
            ?? throw new InvalidOperationException("Authentication:Issuer is not set. Set it to the gateway's public URL, which the identity service uses as its issuer.");

        // Pooled, because each login resolves the context in two requests and a new context costs
        // EF Core a set of internal services each time.
        services.AddDbContextPool<IdentityDbContext>(options => options
            .UseSqlite($"Data Source={Path.Combine(dataDirectory, IdentityDbContext.FileName)}")
            .AddInterceptors(TokenStoreSettings)
            .UseOpenIddict());

        var serverTokenKeys = ServerTokenKeys.LoadOrCreate(dataDirectory);
        services.AddSingleton(serverTokenKeys);
        services.AddSingleton<TokenStoreWriteGate>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<ISigningKeySource, RingSigningKeySource>();
        services.AddHostedService<ClientSeeder>();

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>();
                core.UseSharedClientCache();
            })
            .AddServer(server =>
            {
                server.SetIssuer(issuer)
                    .SetTokenEndpointUris(Relative(LoginRoutes.Token))
                    .SetDeviceAuthorizationEndpointUris(Relative(LoginRoutes.DeviceAuthorization))
                    .SetEndUserVerificationEndpointUris(Relative(LoginRoutes.DeviceVerification))
                    .SetJsonWebKeySetEndpointUris(Relative(LoginRoutes.JsonWebKeySet))
                    .SetConfigurationEndpointUris(Relative(LoginRoutes.Configuration));

                server.AllowCustomFlow(LoginRoutes.JpkiGrantType)
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow()
                    .AllowDeviceAuthorizationFlow();

                server.RegisterScopes([.. PlatformScopes.Audiences.Keys, Scopes.OfflineAccess]);
                server.SetAccessTokenLifetime(tokens.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(tokens.RefreshTokenLifetime)
                    .SetDeviceCodeLifetime(tokens.DeviceCodeLifetime)
                    .SetUserCodeLifetime(tokens.DeviceCodeLifetime);

                server.DisableAccessTokenEncryption();
                server.AddEncryptionKey(serverTokenKeys.EncryptionKey);

                // Sessions (SessionStore) decide whether a login may renew its tokens, so OpenIddict
                // keeps no ad-hoc authorization and no entry for access tokens (TokenEntryHandlers).
                server.DisableAuthorizationStorage();
                server.UseTokenEntriesForServerTokensOnly();

                // OpenIddict needs a signing key at start; the key ring replaces it for every token and in the JWKS.
                server.AddEphemeralSigningKey();
                server.UseSigningKeyRing();
                server.UseJapaneseErrorTexts();
                server.RejectRepeatedTokenParameters();

                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        return builder;
    }

    private static string Relative(string route) => route.TrimStart('/');

    private static string RequireDataDirectory(IConfiguration configuration) =>
        configuration[PlatformConfigurationKeys.DataDirectory] is { Length: > 0 } directory
            ? Path.GetFullPath(directory)
            : throw new InvalidOperationException($"{PlatformConfigurationKeys.DataDirectory} is not set. Set it to the folder where the identity service keeps its database and keys.");
}
