using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Jpki.Revocation;

namespace MynaPlatform.Benchmarks.Login;

/// <summary>
/// The cryptography of one login without any I/O, the baseline of the login scenario: the card's
/// RSA-2048 signature over a 32-byte challenge (the load generator shares the cores), reading the
/// certificate, verifying the signature, building the chain to the login CA with the identity
/// service's chain policy, looking the serial up in the already downloaded CRL, and signing one
/// RS256 access token.
/// </summary>
public sealed class CryptoOnlyLogin(BenchmarkCard card, RevocationList revocationList, string issuer) : IDisposable
{
    private readonly RSA _tokenKey = RSA.Create(2048);
    private readonly JsonWebTokenHandler _tokens = new();

    /// <summary>Runs the login's cryptography on one thread per logical CPU for <paramref name="duration"/>.</summary>
    public Measurement Measure(TimeSpan duration)
    {
        var descriptor = BenchmarkTokens.Describe(
            new SigningCredentials(new RsaSecurityKey(_tokenKey) { KeyId = "crypto-only" }, SecurityAlgorithms.RsaSha256), issuer, "identity");
        LoginOnce(descriptor);

        long count = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, Environment.ProcessorCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ =>
        {
            while (clock.Elapsed < duration)
            {
                LoginOnce(descriptor);
                Interlocked.Increment(ref count);
            }
        });

        return new Measurement("crypto-only login", count, clock.Elapsed);
    }

    private void LoginOnce(SecurityTokenDescriptor descriptor)
    {
        var challenge = RandomNumberGenerator.GetBytes(32);
        var signature = card.Sign(challenge);

        using var certificate = X509CertificateLoader.LoadCertificate(card.Certificate.RawData);
        using (var publicKey = certificate.GetRSAPublicKey()!)
        {
            if (!publicKey.VerifyData(challenge, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                throw new BenchmarkException("The card's signature did not verify.");
            }
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(card.CaCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        if (!chain.Build(certificate) || revocationList.Find(certificate) is not null)
        {
            throw new BenchmarkException("The card's certificate did not build a chain to the login CA, or is on its CRL.");
        }

        _tokens.CreateToken(descriptor);
    }

    public void Dispose() => _tokenKey.Dispose();
}
