using System.ComponentModel.DataAnnotations;

namespace MynaPlatform.Authentication;

/// <summary>How a service or the gateway validates platform access tokens, bound from <c>Authentication</c>.</summary>
public sealed class PlatformAuthenticationOptions
{
    public const string SectionName = "Authentication";

    /// <summary>The issuer as clients see it through the gateway, for example <c>http://localhost:5080/</c>.</summary>
    [Required(ErrorMessage = "Authentication:Issuer is not set. Set it to the gateway's public URL, which the identity service uses as its issuer.")]
    public Uri? Issuer { get; set; }

    /// <summary>Where the signing keys are published; the identity service reads its own keys instead.</summary>
    public Uri JwksUrl { get; set; } = new("http://identity/api/identity/.well-known/jwks");

    /// <summary>
    /// How often the published keys are read again. The identity service publishes a new key at
    /// least this long before it signs with it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Least time between two reads caused by a token whose <c>kid</c> is unknown.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Tolerated clock difference when checking <c>exp</c> and <c>nbf</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound of one JWKS download.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan JwksTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a revoked session id is kept. It must exceed the longest access token lifetime
    /// (one hour at most) plus the clock skew, or an old token would be accepted again.
    /// </summary>
    [Range(typeof(TimeSpan), "01:10:00", "7.00:00:00")]
    public TimeSpan RevokedSessionRetention { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the revoked sessions are read again from the identity service, in case a message was missed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RevokedSessionReloadInterval { get; set; } = TimeSpan.FromMinutes(1);
}
