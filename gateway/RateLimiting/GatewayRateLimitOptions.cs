using System.ComponentModel.DataAnnotations;

namespace MynaPlatform.Gateway.RateLimiting;

/// <summary>Fixed-window request limits, bound from <c>Gateway:RateLimits</c>.</summary>
public sealed class GatewayRateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    /// <summary>Requests per window for one person (by the token's <c>sub</c>).</summary>
    [Range(1, 1_000_000)]
    public int PersonPermitLimit { get; set; } = 300;

    /// <summary>Requests per window for one client token (by its client id); agencies send batches.</summary>
    [Range(1, 1_000_000)]
    public int ClientPermitLimit { get; set; } = 1200;

    /// <summary>Requests per window for one address on the anonymous routes (login, keys, documents).</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
