using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaCard.Simulator;

namespace MynaPlatform.Benchmarks.Login;

/// <summary>
/// A card that the JPKI simulator's counter issued to the load generator. Its login key is unlocked
/// once, as a real card unlocks it once per PIN entry, so every login costs only the card's
/// RSA-2048 signature, not the virtual card's PIN key derivation.
/// </summary>
public sealed class BenchmarkCard : IDisposable
{
    private const string Pin = "1234";

    private readonly RSA _loginKey;

    private BenchmarkCard(RSA loginKey, X509Certificate2 certificate, X509Certificate2 caCertificate, string individualNumber)
    {
        _loginKey = loginKey;
        IndividualNumber = individualNumber;
        Certificate = certificate;
        CaCertificate = caCertificate;
        CertificateBase64 = Convert.ToBase64String(certificate.RawData);
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The simulator's login CA, which identity trusts outside Production.</summary>
    public X509Certificate2 CaCertificate { get; }

    public string CertificateBase64 { get; }

    /// <summary>The fictitious individual number the simulator issued the card for; an agency enrolls the person with it.</summary>
    public string IndividualNumber { get; }

    public static async Task<BenchmarkCard> IssueAsync(SimulatorClient simulator, CancellationToken cancellationToken)
    {
        using var loginKeys = new CardKeys();
        using var signatureKeys = new CardKeys();
        var issued = await simulator.IssueCardAsync(
            new IssueCardRequest(loginKeys.CreateCertificateRequestPem(), signatureKeys.CreateCertificateRequestPem()), cancellationToken);

        var certificate = X509Certificate2.CreateFromPem(issued.LoginCertificate);
        if (!loginKeys.Matches(certificate))
        {
            throw new BenchmarkException("The simulator returned a login certificate for another key.");
        }

        // The card keeps its key encrypted under the PIN; unlocking it goes through the same export.
        var loginKey = RSA.Create();
        loginKey.ImportFromEncryptedPem(loginKeys.ExportEncrypted(Pin), Pin);
        return new BenchmarkCard(loginKey, certificate, X509Certificate2.CreateFromPem(issued.LoginCaCertificate), issued.IndividualNumber);
    }

    /// <summary>Signs a challenge as the card does: SHA-256 with PKCS#1 v1.5 padding.</summary>
    public byte[] Sign(byte[] challenge) => _loginKey.SignData(challenge, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The form values of the JPKI grant for <paramref name="challenge"/>, signed by this card.</summary>
    public Dictionary<string, string> Prove(LoginChallengeResponse challenge) => new()
    {
        [LoginRoutes.ChallengeIdParameter] = challenge.ChallengeId,
        [LoginRoutes.CertificateParameter] = CertificateBase64,
        [LoginRoutes.SignatureParameter] = Convert.ToBase64String(Sign(Convert.FromBase64String(challenge.Challenge))),
    };

    public void Dispose()
    {
        _loginKey.Dispose();
        Certificate.Dispose();
        CaCertificate.Dispose();
    }
}
