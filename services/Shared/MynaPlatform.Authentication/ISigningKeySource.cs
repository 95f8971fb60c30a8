using Microsoft.IdentityModel.Tokens;

namespace MynaPlatform.Authentication;

/// <summary>The public keys that may have signed a platform access token.</summary>
public interface ISigningKeySource
{
    /// <summary>The keys as last read, for the synchronous key resolver of token validation.</summary>
    IReadOnlyList<SecurityKey> CurrentKeys { get; }

    /// <summary>Returns the current keys, reading them again first when none has the key id <paramref name="keyId"/>.</summary>
    ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken);
}
