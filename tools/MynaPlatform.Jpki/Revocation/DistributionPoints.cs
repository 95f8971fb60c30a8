using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MynaPlatform.Jpki.Revocation;

/// <summary>Reads the HTTP URLs of a certificate's CRL distribution points (RFC 5280 section 4.2.1.13).</summary>
public static class DistributionPoints
{
    private const string CrlDistributionPointsOid = "2.5.29.31";

    private static readonly Asn1Tag FullNameTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);

    public static IReadOnlyList<Uri> Read(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[CrlDistributionPointsOid];
        if (extension is null)
        {
            return [];
        }

        try
        {
            return ReadUrls(extension.RawData);
        }
        catch (AsnContentException exception)
        {
            throw new CryptographicException("The CRL distribution points extension is not valid DER.", exception);
        }
    }

    private static List<Uri> ReadUrls(byte[] der)
    {
        var urls = new List<Uri>();
        var points = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        while (points.HasData)
        {
            var point = points.ReadSequence();

            // distributionPoint [0] contains a choice whose fullName [0] is a list of general names.
            if (!point.HasData || !point.PeekTag().HasSameClassAndValue(FullNameTag))
            {
                continue;
            }

            var name = point.ReadSequence(FullNameTag);
            if (!name.HasData || !name.PeekTag().HasSameClassAndValue(FullNameTag))
            {
                continue;
            }

            var generalNames = name.ReadSequence(FullNameTag);
            while (generalNames.HasData)
            {
                if (generalNames.PeekTag().HasSameClassAndValue(UriTag)
                    && Uri.TryCreate(generalNames.ReadCharacterString(UniversalTagNumber.IA5String, UriTag), UriKind.Absolute, out var url))
                {
                    urls.Add(url);
                }
                else
                {
                    generalNames.ReadEncodedValue();
                }
            }
        }

        return urls;
    }
}
