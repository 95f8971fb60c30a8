namespace MynaPlatform.Jpki.Tests;

/// <summary>
/// The public shape of JPKI certificates, written out from public sources (J-LIS issuer names,
/// RFC 5280 numbers) rather than taken from the simulator.
/// </summary>
public static class JpkiFacts
{
    public static readonly (string Oid, string Value)[] LoginIssuer =
    [
        ("2.5.4.6", "JP"),
        ("2.5.4.10", "JPKI"),
        ("2.5.4.11", "JPKI for user authentication"),
        ("2.5.4.11", "Japan Agency for Local Authority Information Systems"),
        ("2.5.4.11", "TEST ONLY"),
    ];

    public static readonly (string Oid, string Value)[] SignatureIssuer =
    [
        ("2.5.4.6", "JP"),
        ("2.5.4.10", "JPKI"),
        ("2.5.4.11", "JPKI for digital signature"),
        ("2.5.4.11", "Japan Agency for Local Authority Information Systems"),
        ("2.5.4.11", "TEST ONLY"),
    ];

    public const string Sha256WithRsaEncryption = "1.2.840.113549.1.1.11";
    public const int KeySize = 2048;

    // RFC 5280 CRLReason values.
    public const int ReasonSuperseded = 4;
    public const int ReasonCertificateHold = 6;

    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);
}
