using System.Security.Cryptography;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.JpkiSimulator.Domain;

/// <summary>Random certificate serial numbers, big-endian and positive.</summary>
public static class SerialNumbers
{
    private const int DefaultLength = 16;

    // RFC 5280 section 4.1.2.2 allows at most 20 octets.
    private const int MaxLength = 20;

    public static byte[] Create(TestSerialNumber shape)
    {
        var serial = RandomNumberGenerator.GetBytes(shape == TestSerialNumber.TwentyBytes ? MaxLength : DefaultLength);

        // A top byte of 0x80 or more needs a 0x00 prefix in DER, so the encoded serial is one byte
        // longer than the value. Otherwise the top byte is kept non-zero so the length is exact.
        serial[0] = shape == TestSerialNumber.LeadingZeroByte
            ? (byte)(0x80 | serial[0])
            : (byte)(1 + serial[0] % 0x7F);

        return serial;
    }
}
