using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MynaPlatform.Identity.Tests;

/// <summary>
/// A login CA made for one test: a self-signed RSA-2048 root that issues login certificates with a
/// CRL distribution point and signs CRLs. Two authorities created with the same name differ only
/// in their keys, as a forger's would.
/// </summary>
public sealed class TestAuthority : IDisposable
{
    public const string DefaultName = "CN=Login CA, OU=JPKI for user authentication, OU=TEST ONLY, O=MynaPlatform Identity Tests, C=JP";

    private TestAuthority(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public static TestAuthority Create(string name = DefaultName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        var now = DateTimeOffset.UtcNow;
        return new TestAuthority(request.CreateSelfSigned(now.AddDays(-30), now.AddYears(5)));
    }

    /// <summary>Issues a login certificate (digitalSignature) valid from yesterday for a year.</summary>
    public X509Certificate2 IssueLoginCertificate(Uri crlUrl)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Identity Test Card", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crlUrl.AbsoluteUri]));

        var now = DateTimeOffset.UtcNow;
        var serialNumber = RandomNumberGenerator.GetBytes(16);
        serialNumber[0] &= 0x7F;
        return request.Create(Certificate, now.AddDays(-1), now.AddYears(1), serialNumber);
    }

    /// <summary>Signs a CRL that lists <paramref name="entries"/> and names <paramref name="nextUpdate"/>.</summary>
    public byte[] SignRevocationList(
        DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, params (X509Certificate2 Certificate, X509RevocationReason Reason)[] entries) =>
        SignRevocationList(thisUpdate, nextUpdate, [], entries);

    /// <summary>Signs a CRL that also lists the certificates of <paramref name="otherSerialNumbers"/>, revoked for key compromise.</summary>
    public byte[] SignRevocationList(
        DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IEnumerable<byte[]> otherSerialNumbers,
        params (X509Certificate2 Certificate, X509RevocationReason Reason)[] entries)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var serialNumber in otherSerialNumbers)
        {
            builder.AddEntry(serialNumber, thisUpdate.AddMinutes(-1), X509RevocationReason.KeyCompromise);
        }

        foreach (var (certificate, reason) in entries)
        {
            builder.AddEntry(certificate, thisUpdate.AddMinutes(-1), reason);
        }

        return builder.Build(Certificate, new BigInteger(thisUpdate.ToUnixTimeMilliseconds()), nextUpdate, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1, thisUpdate);
    }

    /// <summary>Writes the CA certificate (without its key) as a PEM file, as a trust anchor is configured.</summary>
    public string WritePem(string folder)
    {
        var path = Path.Combine(folder, $"anchor-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, Certificate.ExportCertificatePem());
        return path;
    }

    public void Dispose() => Certificate.Dispose();
}
