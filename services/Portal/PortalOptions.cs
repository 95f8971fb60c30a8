using System.ComponentModel.DataAnnotations;

namespace MynaPlatform.Portal;

/// <summary>Portal settings, bound from the <c>Portal</c> section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The portal's client id at identity (the seeded confidential portal client).</summary>
    [Required(AllowEmptyStrings = false)]
    public string? ClientId { get; set; }

    /// <summary>The portal client's secret, which the AppHost generates.</summary>
    [Required(AllowEmptyStrings = false)]
    public string? ClientSecret { get; set; }

    /// <summary>Base address of the gateway, through which the portal calls every API.</summary>
    [Required]
    public Uri? GatewayUrl { get; set; }

    /// <summary>A session unused for this long ends, and the person logs in again.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "08:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
