using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace MynaPlatform.JpkiSimulator.Authorities;

/// <summary>
/// Issuer names of the real J-LIS authorities, with one <c>OU=TEST ONLY</c> added so that no one
/// mistakes a simulator certificate for a real one.
/// </summary>
public static class JpkiNames
{
    public const string LoginUnit = "JPKI for user authentication";
    public const string SignatureUnit = "JPKI for digital signature";
    public const string AgencyUnit = "Japan Agency for Local Authority Information Systems";
    public const string TestOnlyUnit = "TEST ONLY";

    /// <summary>Builds C=JP, O=JPKI, OU={purpose}, OU={agency}, OU=TEST ONLY in this DER order.</summary>
    public static X500DistinguishedName Issuer(string purposeUnit)
    {
        // The builder encodes attributes in the reverse order of the calls.
        var builder = new X500DistinguishedNameBuilder();
        builder.Add(OrganizationalUnitOid, TestOnlyUnit, UniversalTagNumber.PrintableString);
        builder.Add(OrganizationalUnitOid, AgencyUnit, UniversalTagNumber.PrintableString);
        builder.Add(OrganizationalUnitOid, purposeUnit, UniversalTagNumber.PrintableString);
        builder.Add(OrganizationOid, "JPKI", UniversalTagNumber.PrintableString);
        builder.AddCountryOrRegion("JP");
        return builder.Build();
    }

    private const string OrganizationOid = "2.5.4.10";
    private const string OrganizationalUnitOid = "2.5.4.11";
}
