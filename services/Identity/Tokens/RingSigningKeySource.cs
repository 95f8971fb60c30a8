using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Authentication;

namespace MynaPlatform.Identity.Tokens;

/// <summary>The identity service validates its own access tokens with its key ring, without a JWKS download.</summary>
public sealed class RingSigningKeySource(SigningKeyRing ring) : ISigningKeySource
{
    public IReadOnlyList<SecurityKey> CurrentKeys => [.. ring.Published.Select(key => key.Key)];

    public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CurrentKeys);
}
