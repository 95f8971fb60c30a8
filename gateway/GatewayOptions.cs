using System.ComponentModel.DataAnnotations;

namespace MynaPlatform.Gateway;

/// <summary>Gateway settings, bound from the <c>Gateway</c> section.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Limit of all request headers together, in bytes; larger requests get 431.</summary>
    [Range(4 * 1024, 1024 * 1024)]
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    /// <summary>Body size limit in bytes of a route that does not set its own.</summary>
    [Range(0, long.MaxValue)]
    public long DefaultMaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// The services behind the gateway, by resource name; each gets the route
    /// <c>/api/{name}/{**rest}</c>.
    /// </summary>
    [Required]
    [MinLength(1)]
    public Dictionary<string, GatewayServiceOptions> Services { get; set; } = [];
}

public sealed class GatewayServiceOptions
{
    /// <summary>Body size limit in bytes for this service's routes; null takes the default.</summary>
    [Range(0, long.MaxValue)]
    public long? MaxRequestBodySize { get; set; }
}
