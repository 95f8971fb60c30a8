using System.ComponentModel.DataAnnotations;

namespace MynaPlatform.Identity.Jpki;

/// <summary>How the identity service verifies My Number Card login certificates, bound from <c>Jpki</c>.</summary>
public sealed class JpkiOptions
{
    public const string SectionName = "Jpki";

    /// <summary>
    /// PEM files of the login CA certificates to trust (the real J-LIS CAs in production).
    /// Certificates whose subject contains <c>OU=TEST ONLY</c> are rejected in Production.
    /// </summary>
    public List<string> TrustAnchorFiles { get; set; } = [];

    /// <summary>
    /// Address of the JPKI simulator, whose login CA is trusted in addition to the files. Outside
    /// Production only; the simulator is a test stand-in for J-LIS.
    /// </summary>
    public Uri? SimulatorUrl { get; set; }

    /// <summary>Secret with which the identity service authenticates to the verifier-only lookup.</summary>
    public string? VerifierKey { get; set; }

    /// <summary>Key of the digest under which a person's individual number is stored, never the number itself.</summary>
    [Required(ErrorMessage = "Jpki:NumberDigestKey is not set. Set it to a random secret of at least 32 characters; the AppHost generates one.")]
    [MinLength(32, ErrorMessage = "Jpki:NumberDigestKey must be at least 32 characters long.")]
    public string? NumberDigestKey { get; set; }

    /// <summary>How long a login challenge can be answered.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Longest time a CRL is used before it is downloaded again, even when its nextUpdate is later.
    /// J-LIS issues a CRL daily, so without this limit a hold would take up to a day to take effect.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RevocationListMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound of one CRL download; when it passes the login is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RevocationFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest CRL accepted, in bytes.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRevocationListBytes { get; set; } = 8 * 1024 * 1024;
}
