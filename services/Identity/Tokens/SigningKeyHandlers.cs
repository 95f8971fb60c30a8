using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers;

namespace MynaPlatform.Identity.Tokens;

/// <summary>
/// Connects OpenIddict to the <see cref="SigningKeyRing"/>, whose keys change at run time: OpenIddict
/// reads its own signing keys only once, at start. Tokens that only this service reads back are
/// signed with the <see cref="ServerTokenKeys"/> instead.
/// </summary>
public static class SigningKeyHandlers
{
    public static OpenIddictServerBuilder UseSigningKeyRing(this OpenIddictServerBuilder server) =>
        server
            .AddEventHandler(SignWithActiveKey.Descriptor)
            .AddEventHandler(ValidateWithPublishedKeys.Descriptor)
            .AddEventHandler(PublishKeys.Descriptor);

    /// <summary>Signs access tokens with the ring's active key, and the service's own tokens with its HMAC key.</summary>
    public sealed class SignWithActiveKey(SigningKeyRing ring, ServerTokenKeys serverKeys) : IOpenIddictServerHandler<GenerateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
                .UseSingletonHandler<SignWithActiveKey>()
                .SetOrder(Protection.AttachSecurityCredentials.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            context.SigningCredentials = ServerTokenKeys.IsReadByOthers(context.TokenType)
                ? ring.Active.Credentials
                : serverKeys.SigningCredentials;
            return default;
        }
    }

    /// <summary>
    /// Accepts the service's own tokens (refresh tokens, device codes) signed with its HMAC key, or
    /// with any published key as they were before that key existed.
    /// </summary>
    public sealed class ValidateWithPublishedKeys(SigningKeyRing ring, ServerTokenKeys serverKeys) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<ValidateWithPublishedKeys>()
                .SetOrder(Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            context.TokenValidationParameters.IssuerSigningKeys = [serverKeys.SigningKey, .. ring.Published.Select(key => key.Key)];
            return default;
        }
    }

    /// <summary>Publishes every kept key in the JWKS, including one that does not sign yet.</summary>
    public sealed class PublishKeys(SigningKeyRing ring) : IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
                .UseSingletonHandler<PublishKeys>()
                .SetOrder(Discovery.AttachSigningKeys.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
        {
            context.Keys.Clear();
            context.Keys.AddRange(ring.Published.Select(key => key.PublicJwk));
            return default;
        }
    }
}
