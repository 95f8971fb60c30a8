using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MynaPlatform.Jpki.Revocation;

/// <summary>
/// A parsed X.509 v2 CRL (RFC 5280 section 5). .NET can build CRLs but exposes no reader for
/// their entries, so this reads the DER directly.
/// </summary>
public sealed class RevocationList
{
    private const string Sha256WithRsaOid = "1.2.840.113549.1.1.11";
    private const string ReasonCodeOid = "2.5.29.21";

    private readonly byte[] _signedData;
    private readonly byte[] _signature;

    private RevocationList(
        byte[] signedData, byte[] signature, string signatureAlgorithm, X500DistinguishedName issuer,
        DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, IReadOnlyList<RevokedCertificate> entries)
    {
        _signedData = signedData;
        _signature = signature;
        SignatureAlgorithm = signatureAlgorithm;
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        Entries = entries;
    }

    public string SignatureAlgorithm { get; }

    public X500DistinguishedName Issuer { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset? NextUpdate { get; }

    public IReadOnlyList<RevokedCertificate> Entries { get; }

    /// <exception cref="CryptographicException">The data is not a DER-encoded CRL.</exception>
    public static RevocationList Parse(byte[] der)
    {
        try
        {
            return Read(der);
        }
        catch (AsnContentException exception)
        {
            throw new CryptographicException("The data is not a DER-encoded certificate revocation list.", exception);
        }
    }

    /// <summary>Checks the sha256WithRSAEncryption signature with the issuer's public key.</summary>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        using var key = issuer.GetRSAPublicKey();
        return key is not null
            && SignatureAlgorithm == Sha256WithRsaOid
            && key.VerifyData(_signedData, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Finds the entry for a certificate, comparing serial numbers as encoded.</summary>
    public RevokedCertificate? Find(X509Certificate2 certificate) =>
        Entries.FirstOrDefault(entry => entry.SerialNumber == certificate.SerialNumber);

    private static RevocationList Read(byte[] der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var certificateList = outer.ReadSequence();
        outer.ThrowIfNotEmpty();

        var signedData = certificateList.ReadEncodedValue().ToArray();
        var signatureAlgorithm = certificateList.ReadSequence().ReadObjectIdentifier();
        var signature = certificateList.ReadBitString(out _);

        var tbs = new AsnReader(signedData, AsnEncodingRules.DER).ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            tbs.ReadInteger();
        }

        tbs.ReadSequence();
        var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? ReadTime(tbs) : null;

        var entries = new List<RevokedCertificate>();
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var revoked = tbs.ReadSequence();
            while (revoked.HasData)
            {
                entries.Add(ReadEntry(revoked.ReadSequence()));
            }
        }

        return new RevocationList(signedData, signature, signatureAlgorithm, issuer, thisUpdate, nextUpdate, entries);
    }

    private static RevokedCertificate ReadEntry(AsnReader entry)
    {
        var serialNumber = Convert.ToHexString(entry.ReadIntegerBytes().Span);
        var revocationDate = ReadTime(entry);
        X509RevocationReason? reason = null;

        if (entry.HasData)
        {
            var extensions = entry.ReadSequence();
            while (extensions.HasData)
            {
                var extension = extensions.ReadSequence();
                var oid = extension.ReadObjectIdentifier();
                if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
                {
                    extension.ReadBoolean();
                }

                var value = extension.ReadOctetString();
                if (oid == ReasonCodeOid)
                {
                    reason = new AsnReader(value, AsnEncodingRules.DER).ReadEnumeratedValue<X509RevocationReason>();
                }
            }
        }

        return new RevokedCertificate(serialNumber, revocationDate, reason);
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime)
            ? reader.ReadUtcTime()
            : reader.ReadGeneralizedTime();
}

/// <summary>
/// A CRL entry. <see cref="SerialNumber"/> is upper-case hex of the encoded integer, the same form as
/// <see cref="X509Certificate2.SerialNumber"/>.
/// </summary>
public sealed record RevokedCertificate(string SerialNumber, DateTimeOffset RevocationDate, X509RevocationReason? Reason);
