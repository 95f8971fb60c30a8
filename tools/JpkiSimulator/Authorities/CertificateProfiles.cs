using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator.Domain;

namespace MynaPlatform.JpkiSimulator.Authorities;

/// <summary>The subject and extensions of the two certificates on a card.</summary>
public static class CertificateProfiles
{
    private const string SubjectDirectoryAttributesOid = "2.5.29.9";

    // RFC 3739 section 3.2.2 personal data attributes.
    private const string DateOfBirthOid = "1.3.6.1.5.5.7.9.1";
    private const string GenderOid = "1.3.6.1.5.5.7.9.3";

    /// <summary>
    /// Builds the login certificate (利用者証明用). Its subject carries no name or address, only a
    /// random common name, because the certificate only proves that the holder has the card.
    /// </summary>
    public static CertificateRequest Login(PublicKey publicKey, TestIssuingOptions options, Uri crlUrl)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("JP");
        subject.AddCommonName(Convert.ToHexString(RandomNumberGenerator.GetBytes(12)));

        var usage = options.OmitDigitalSignatureKeyUsage ? X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.DigitalSignature;
        return Create(subject.Build(), publicKey, usage, crlUrl);
    }

    /// <summary>
    /// Builds the signature certificate (署名用), which carries the four basic attributes: name and
    /// address in the subject, date of birth and sex as RFC 3739 subject directory attributes.
    /// </summary>
    public static CertificateRequest Signature(PublicKey publicKey, Resident resident, TestIssuingOptions options, Uri crlUrl)
    {
        // NOTE: real JPKI signature certificates use their own layout for these attributes, which
        // no primary source here confirms. The standard attributes are used in its place.
        // The builder encodes attributes in the reverse order of the calls, so C, L, CN.
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(resident.Name);
        subject.AddLocalityName(resident.Address);
        subject.AddCountryOrRegion("JP");

        var usage = options.OmitDigitalSignatureKeyUsage
            ? X509KeyUsageFlags.NonRepudiation
            : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;

        var request = Create(subject.Build(), publicKey, usage, crlUrl);
        request.CertificateExtensions.Add(new X509Extension(SubjectDirectoryAttributesOid, EncodePersonalData(resident), critical: false));
        return request;
    }

    private static CertificateRequest Create(X500DistinguishedName subject, PublicKey publicKey, X509KeyUsageFlags usage, Uri crlUrl)
    {
        var request = new CertificateRequest(subject, publicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(publicKey, critical: false));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crlUrl.AbsoluteUri]));
        return request;
    }

    private static byte[] EncodePersonalData(Resident resident)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(DateOfBirthOid);
                using (writer.PushSetOf())
                {
                    // Noon UTC keeps the calendar date the same in every time zone.
                    var noon = resident.DateOfBirth.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
                    writer.WriteGeneralizedTime(new DateTimeOffset(noon), omitFractionalSeconds: true);
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(GenderOid);
                using (writer.PushSetOf())
                {
                    writer.WriteCharacterString(UniversalTagNumber.PrintableString, resident.Sex == ResidentSex.Male ? "M" : "F");
                }
            }
        }

        return writer.Encode();
    }
}
