using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MynaPlatform.JpkiSimulator.Authorities;

/// <summary>A test CA: its certificate, its RSA key and the operations that need the key.</summary>
public sealed class CertificateAuthority(string name, bool isTrusted, X509Certificate2 certificate, RSA key) : IDisposable
{
    public string Name { get; } = name;

    /// <summary>False for the unknown CAs that exist only to make certificates no verifier trusts.</summary>
    public bool IsTrusted { get; } = isTrusted;

    public X509Certificate2 Certificate { get; } = certificate;

    public X509Certificate2 Issue(CertificateRequest request, DateTimeOffset notBefore, DateTimeOffset notAfter, byte[] serialNumber)
    {
        request.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        var generator = X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1);
        return request.Create(Certificate.SubjectName, generator, notBefore, notAfter, serialNumber);
    }

    public byte[] BuildRevocationList(IEnumerable<RevocationEntry> entries, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var entry in entries)
        {
            builder.AddEntry(Convert.FromHexString(entry.SerialNumber), entry.RevokedAt, entry.Reason);
        }

        // CRL numbers must increase; milliseconds since the epoch do so without stored state.
        var crlNumber = new BigInteger(thisUpdate.ToUnixTimeMilliseconds());
        var generator = X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1);
        var authorityKeyIdentifier = X509AuthorityKeyIdentifierExtension.CreateFromCertificate(
            Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false);

        return builder.Build(
            Certificate.SubjectName, generator, crlNumber, nextUpdate, HashAlgorithmName.SHA256, authorityKeyIdentifier, thisUpdate);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        key.Dispose();
    }
}

/// <summary>A certificate on a CRL; <see cref="SerialNumber"/> is hex of the encoded integer.</summary>
public sealed record RevocationEntry(string SerialNumber, DateTimeOffset RevokedAt, X509RevocationReason Reason);
