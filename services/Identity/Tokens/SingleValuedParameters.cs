using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers;

namespace MynaPlatform.Identity.Tokens;

/// <summary>
/// Rejects a token request that repeats a parameter, as RFC 6749 (section 3.1) requires, before
/// OpenIddict validates it. OpenIddict reads a repeated parameter as an array, so without this check
/// a repeated <c>grant_type</c> is reported as missing and a repeated <c>scope</c> as no scope,
/// which gives the client its default scopes.
/// </summary>
public static class SingleValuedParameters
{
    public static OpenIddictServerBuilder RejectRepeatedTokenParameters(this OpenIddictServerBuilder server) =>
        server.AddEventHandler(RejectRepeated.Descriptor);

    public sealed class RejectRepeated : IOpenIddictServerHandler<ValidateTokenRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
                .UseSingletonHandler<RejectRepeated>()
                .SetOrder(Exchange.ValidateGrantType.Descriptor.Order - 1_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenRequestContext context)
        {
            foreach (var (name, parameter) in context.Request.GetParameters())
            {
                if (parameter.GetRawValue() is ImmutableArray<string?> { Length: > 1 })
                {
                    context.Logger.LogInformation("The token request was rejected because it repeats the parameter {Parameter}", name);
                    context.Reject(
                        error: Errors.InvalidRequest,
                        description: $"パラメーター '{name}' が 2 回以上指定されています。1 回だけ指定してください。",
                        uri: OAuthErrorTexts.PlatformRejectionUri);
                    return default;
                }
            }

            return default;
        }
    }
}
