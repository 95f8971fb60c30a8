using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers;

namespace MynaPlatform.Identity.Tokens;

/// <summary>
/// Connects OpenIddict to the <see cref="SigningKeyRing"/>, whose keys change at run time: OpenIddict
/// reads its own signing keys only once, at start.
/// </summary>
public static class SigningKeyHandlers
{
    public static OpenIddictServerBuilder UseSigningKeyRing(this OpenIddictServerBuilder server) =>
        server
            .AddEventHandler(SignWithActiveKey.Descriptor)
            .AddEventHandler(ValidateWithPublishedKeys.Descriptor)
            .AddEventHandler(PublishKeys.Descriptor);

    /// <summary>Signs every token with the ring's active key.</summary>
    public sealed class SignWithActiveKey(SigningKeyRing ring) : IOpenIddictServerHandler<GenerateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
                .UseSingletonHandler<SignWithActiveKey>()
                .SetOrder(Protection.AttachSecurityCredentials.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            context.SigningCredentials = ring.Active.Credentials;
            return default;
        }
    }

    /// <summary>Accepts the platform's own tokens (refresh tokens, device codes) signed by any published key.</summary>
    public sealed class ValidateWithPublishedKeys(SigningKeyRing ring) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<ValidateWithPublishedKeys>()
                .SetOrder(Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            context.TokenValidationParameters.IssuerSigningKeys = [.. ring.Published.Select(key => key.Key)];
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
