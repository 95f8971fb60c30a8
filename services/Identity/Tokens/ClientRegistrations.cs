using MynaPlatform.Authentication;
using MynaPlatform.Jpki.Contracts;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MynaPlatform.Identity.Tokens;

/// <summary>What each kind of seeded client may do: its grants and scopes.</summary>
public static class ClientRegistrations
{
    public static IReadOnlyList<string> DefaultScopes(ClientKind kind) => kind switch
    {
        ClientKind.Card or ClientKind.Portal => [.. PlatformScopes.PersonScopes, Scopes.OfflineAccess],
        ClientKind.Operator => PlatformScopes.OperatorScopes,
        ClientKind.Agency => [PlatformScopes.Partner, PlatformScopes.NoticesWrite],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown client kind."),
    };

    public static OpenIddictApplicationDescriptor Describe(string clientId, SeededClient client)
    {
        var kind = client.Kind!.Value;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = client.DisplayName,
            ClientType = kind == ClientKind.Card ? ClientTypes.Public : ClientTypes.Confidential,
            ClientSecret = kind == ClientKind.Card ? null : client.Secret,
        };

        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        foreach (var permission in GrantPermissions(kind))
        {
            descriptor.Permissions.Add(permission);
        }

        foreach (var scope in DefaultScopes(kind))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        return descriptor;
    }

    private static IEnumerable<string> GrantPermissions(ClientKind kind) => kind switch
    {
        ClientKind.Card => [Permissions.Prefixes.GrantType + LoginRoutes.JpkiGrantType, Permissions.GrantTypes.RefreshToken],
        ClientKind.Portal => [Permissions.Endpoints.DeviceAuthorization, Permissions.GrantTypes.DeviceCode, Permissions.GrantTypes.RefreshToken],
        _ => [Permissions.GrantTypes.ClientCredentials],
    };
}
