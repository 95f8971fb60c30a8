using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers;

namespace MynaPlatform.Identity.Tokens;

/// <summary>
/// Keeps OpenIddict's token entries for the tokens it reads back (refresh tokens, device and user
/// codes), which must be redeemable once and revocable, and drops them for access tokens.
/// </summary>
/// <remarks>
/// No part of the platform looks an access token up by its entry: the gateway and the services
/// check its signature, lifetime and audience, and the gateway refuses the tokens of a revoked
/// session (<c>SessionRevoked</c>). An access token's entry was therefore one more row written in
/// every login's sign-in transaction, and one more row left for the purge.
/// </remarks>
public static class TokenEntryHandlers
{
    public static OpenIddictServerBuilder UseTokenEntriesForServerTokensOnly(this OpenIddictServerBuilder server) =>
        server.AddEventHandler(SkipAccessTokenEntry.Descriptor);

    public sealed class SkipAccessTokenEntry : IOpenIddictServerHandler<GenerateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
                .UseSingletonHandler<SkipAccessTokenEntry>()
                .SetOrder(Protection.AttachSecurityCredentials.Descriptor.Order + 2)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            if (ServerTokenKeys.IsReadByOthers(context.TokenType))
            {
                context.CreateTokenEntry = false;
            }

            return default;
        }
    }
}
