using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Jpki;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MynaPlatform.Identity.Tokens;

/// <summary>
/// The AES and HMAC-SHA256 keys of the tokens that only the identity service reads back (refresh
/// tokens, device and user codes), each kept in a file under <c>{data}/identity-keys</c>. Only
/// access tokens need the RSA signature that other services check with the JWKS.
/// </summary>
public sealed class ServerTokenKeys
{
    private const string EncryptionFileName = "encryption.key";
    private const string SigningFileName = "server-token-signing.key";
    private const string SigningKeyId = "server-hmac";

    private ServerTokenKeys(byte[] encryptionKey, byte[] signingKey)
    {
        EncryptionKey = new SymmetricSecurityKey(encryptionKey);
        SigningKey = new SymmetricSecurityKey(signingKey) { KeyId = SigningKeyId };
        SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256);
    }

    public SymmetricSecurityKey EncryptionKey { get; }

    public SymmetricSecurityKey SigningKey { get; }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>Returns true for the token types that other services read, which need an RSA signature.</summary>
    public static bool IsReadByOthers(string? tokenType) => tokenType is TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken;

    /// <summary>Loads both keys, creating a key whose file is missing.</summary>
    public static ServerTokenKeys LoadOrCreate(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, SigningKeyRing.FolderName);
        Directory.CreateDirectory(folder);
        return new ServerTokenKeys(
            LoadOrCreateKey(Path.Combine(folder, EncryptionFileName)),
            LoadOrCreateKey(Path.Combine(folder, SigningFileName)));
    }

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        var key = RandomNumberGenerator.GetBytes(32);
        AtomicFile.WriteAllBytes(path, Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        return key;
    }
}
