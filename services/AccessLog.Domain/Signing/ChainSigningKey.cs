using System.Buffers.Text;
using System.Security.Cryptography;

namespace MynaPlatform.AccessLog.Domain.Signing;

/// <summary>
/// An ECDSA P-256 private key with the key id under which its public half is published. Keys rotate
/// by adding a new key id; a retired key stays published while entries signed with it remain.
/// </summary>
public sealed class ChainSigningKey : IDisposable
{
    private readonly ECDsa _key;

    private ChainSigningKey(string keyId, ECDsa key)
    {
        if (string.IsNullOrWhiteSpace(keyId) || keyId.Length > 64 || !keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException("A key id is 1 to 64 ASCII letters, digits, '-', '_' or '.'.", nameof(keyId));
        }

        if (key.KeySize != 256)
        {
            throw new ArgumentException("The signing key must be an ECDSA P-256 key.", nameof(key));
        }

        KeyId = keyId;
        _key = key;
    }

    public string KeyId { get; }

    public static ChainSigningKey Generate(string keyId) => new(keyId, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Loads a key from PEM (PKCS#8 or SEC 1), as the service keeps it in its secret store.</summary>
    public static ChainSigningKey FromPem(string keyId, string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new ChainSigningKey(keyId, key);
    }

    public string ExportPkcs8Pem() => _key.ExportPkcs8PrivateKeyPem();

    public PublicJwk PublicJwk() => Signing.PublicJwk.From(KeyId, _key.ExportParameters(includePrivateParameters: false));

    /// <summary>Signs with SHA-256 and returns the IEEE P1363 (r‖s) signature in unpadded base64url.</summary>
    public string Sign(byte[] payload) =>
        Base64Url.EncodeToString(_key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public void Dispose() => _key.Dispose();
}
