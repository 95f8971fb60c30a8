using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MynaPlatform.Jpki.Tests;

/// <summary>
/// A CRL read straight from its DER (RFC 5280 section 5.1), kept apart from the library's reader so
/// the tests do not check the simulator with its own code.
/// </summary>
public sealed class DerRevocationList
{
    public required byte[] TbsCertList { get; init; }

    public required string SignatureAlgorithmOid { get; init; }

    public required byte[] Signature { get; init; }

    public required X500DistinguishedName Issuer { get; init; }

    public required DateTimeOffset ThisUpdate { get; init; }

    public DateTimeOffset? NextUpdate { get; init; }

    /// <summary>Serial (hex of the encoded integer) to the reasonCode entry extension, if any.</summary>
    public required Dictionary<string, int?> Entries { get; init; }

    public bool VerifyWith(X509Certificate2 issuer) =>
        issuer.GetRSAPublicKey()!.VerifyData(TbsCertList, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public static DerRevocationList Read(byte[] der)
    {
        var list = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbsBytes = list.ReadEncodedValue().ToArray();
        var algorithm = list.ReadSequence().ReadObjectIdentifier();
        var signature = list.ReadBitString(out _);

        var tbs = new AsnReader(tbsBytes, AsnEncodingRules.DER).ReadSequence();
        tbs.ReadInteger();
        tbs.ReadSequence();
        var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && tbs.PeekTag().TagClass == TagClass.Universal && tbs.PeekTag().TagValue is 23 or 24
            ? ReadTime(tbs)
            : null;

        var entries = new Dictionary<string, int?>();
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var revoked = tbs.ReadSequence();
            while (revoked.HasData)
            {
                var entry = revoked.ReadSequence();
                var serial = Convert.ToHexString(entry.ReadIntegerBytes().Span);
                ReadTime(entry);
                entries[serial] = entry.HasData ? ReadReason(entry.ReadSequence()) : null;
            }
        }

        return new DerRevocationList
        {
            TbsCertList = tbsBytes,
            SignatureAlgorithmOid = algorithm,
            Signature = signature,
            Issuer = issuer,
            ThisUpdate = thisUpdate,
            NextUpdate = nextUpdate,
            Entries = entries,
        };
    }

    private static int? ReadReason(AsnReader extensions)
    {
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            if (extension.ReadObjectIdentifier() == "2.5.29.21")
            {
                var value = new AsnReader(extension.ReadOctetString(), AsnEncodingRules.DER);
                return (int)new System.Numerics.BigInteger(value.ReadEnumeratedBytes().Span, isUnsigned: true, isBigEndian: true);
            }
        }

        return null;
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().TagValue == 23 ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
