using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MynaPlatform.MynaCard.Card;

/// <summary>A key pair made on the card, and its certificate request for the municipal counter.</summary>
public sealed class CardKeys : IDisposable
{
    private const int KeySize = 2048;

    // NOTE: a 4-digit PIN has only 10,000 values, so anyone with a copy of the card file can
    // find it offline. The iteration count only slows each guess.
    private const int Pbkdf2Iterations = 100_000;

    private readonly RSA _key = RSA.Create(KeySize);

    /// <summary>Returns a PEM PKCS#10 request; the simulator sets the real subject itself.</summary>
    public string CreateCertificateRequestPem()
    {
        var request = new CertificateRequest("CN=myna-card", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSigningRequestPem();
    }

    public bool Matches(X509Certificate2 certificate)
    {
        using var publicKey = certificate.GetRSAPublicKey();
        return publicKey is not null && publicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(_key.ExportSubjectPublicKeyInfo());
    }

    public string ExportEncrypted(string pin) =>
        _key.ExportEncryptedPkcs8PrivateKeyPem(
            pin, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Pbkdf2Iterations));

    public void Dispose() => _key.Dispose();
}
