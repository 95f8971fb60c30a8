using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MynaPlatform.AccessLog.Domain.Signing;

/// <summary>A published P-256 public key as a JSON Web Key (RFC 7517, RFC 7518 section 6.2).</summary>
public sealed record PublicJwk(string KeyId, string X, string Y)
{
    public static PublicJwk From(string keyId, ECParameters parameters) =>
        new(keyId, Base64Url.EncodeToString(parameters.Q.X), Base64Url.EncodeToString(parameters.Q.Y));

    public JsonObject ToJson() => new()
    {
        ["kty"] = "EC",
        ["crv"] = "P-256",
        ["alg"] = "ES256",
        ["use"] = "sig",
        ["kid"] = KeyId,
        ["x"] = X,
        ["y"] = Y,
    };

    /// <summary>Reads one key of a key set; raises <see cref="FormatException"/> naming what is wrong.</summary>
    public static PublicJwk FromJson(JsonObject json)
    {
        string Member(string name) => json[name]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? json[name]!.GetValue<string>()
            : throw new FormatException($"The key's '{name}' member is missing or not a string.");

        var keyId = Member("kid");
        if (Member("kty") != "EC" || Member("crv") != "P-256")
        {
            throw new FormatException($"Key '{keyId}' is not an EC P-256 key.");
        }

        var jwk = new PublicJwk(keyId, Member("x"), Member("y"));
        using var _ = jwk.CreateVerifier();
        return jwk;
    }

    /// <summary>Creates the ECDSA public key; raises <see cref="FormatException"/> when the point is not on P-256.</summary>
    public ECDsa CreateVerifier()
    {
        try
        {
            var parameters = new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64Url.DecodeFromChars(X), Y = Base64Url.DecodeFromChars(Y) },
            };
            return ECDsa.Create(parameters);
        }
        catch (Exception failure) when (failure is CryptographicException or FormatException)
        {
            throw new FormatException($"Key '{KeyId}' does not hold a valid P-256 point.", failure);
        }
    }
}
