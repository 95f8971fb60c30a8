using System.Security.Cryptography.X509Certificates;

namespace MynaPlatform.Jpki;

/// <summary>
/// The one canonical form of a certificate serial number on the platform: upper-case hexadecimal
/// of the integer's value, without leading zeros or separators. DER may prefix a 0x00 byte to keep
/// the integer positive, and <see cref="X509Certificate2.SerialNumber"/> keeps that byte, so two
/// spellings of one serial compare equal only after this conversion.
/// </summary>
public static class CertificateSerialNumber
{
    public static string Canonical(X509Certificate2 certificate) => Canonical(certificate.SerialNumber);

    /// <summary>Converts hexadecimal text (any case, with or without leading zeros) to the canonical form.</summary>
    public static string Canonical(string hex)
    {
        var trimmed = hex.Trim().TrimStart('0').ToUpperInvariant();
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    /// <summary>Converts a big-endian integer, as DER encodes it, to the canonical form.</summary>
    public static string Canonical(ReadOnlySpan<byte> bigEndian) => Canonical(Convert.ToHexString(bigEndian));
}
