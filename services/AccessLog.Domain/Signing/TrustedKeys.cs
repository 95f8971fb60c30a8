using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MynaPlatform.AccessLog.Domain.Signing;

/// <summary>The public keys a verifier trusts, by key id, read from or written as a JWKS document (<c>{"keys":[…]}</c>).</summary>
public sealed class TrustedKeys
{
    private readonly Dictionary<string, PublicJwk> _keys;

    public TrustedKeys(IEnumerable<PublicJwk> keys)
    {
        _keys = new Dictionary<string, PublicJwk>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!_keys.TryAdd(key.KeyId, key))
            {
                throw new FormatException($"Key id '{key.KeyId}' appears twice in the key set.");
            }
        }
    }

    public IReadOnlyCollection<PublicJwk> Keys => _keys.Values;

    public static TrustedKeys FromJwks(JsonObject jwks)
    {
        if (jwks["keys"] is not JsonArray keys)
        {
            throw new FormatException("The key set has no 'keys' array.");
        }

        return new TrustedKeys(keys.Select(key => key as JsonObject
            ?? throw new FormatException("An item of the key set's 'keys' array is not an object.")).Select(PublicJwk.FromJson));
    }

    public JsonObject ToJwks() => new() { ["keys"] = new JsonArray(_keys.Values.Select(key => (JsonNode)key.ToJson()).ToArray()) };

    public bool Contains(string keyId) => _keys.ContainsKey(keyId);

    public PublicJwk? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>Checks an ES256 signature over <paramref name="payload"/> with key <paramref name="keyId"/>.</summary>
    public SignatureCheck Check(string keyId, byte[] payload, string signature)
    {
        if (!_keys.TryGetValue(keyId, out var jwk))
        {
            return SignatureCheck.UnknownKey;
        }

        byte[] signatureBytes;
        try
        {
            signatureBytes = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            return SignatureCheck.Invalid;
        }

        using var key = jwk.CreateVerifier();
        return key.VerifyData(payload, signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid;
    }
}

public enum SignatureCheck
{
    Valid,
    Invalid,
    UnknownKey,
}
