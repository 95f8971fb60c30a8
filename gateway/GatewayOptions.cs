using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace MynaPlatform.Gateway;

/// <summary>Gateway settings, bound from the <c>Gateway</c> section.</summary>
public sealed partial class GatewayOptions : IValidatableObject
{
    public const string SectionName = "Gateway";

    /// <summary>Maximum total size of the request headers, in bytes. Larger requests get 431.</summary>
    [Range(4 * 1024, 1024 * 1024)]
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    /// <summary>Body size limit in bytes of a route that does not set its own.</summary>
    [Range(0, long.MaxValue)]
    public long DefaultMaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// The services behind the gateway, by resource name. Each gets the route
    /// <c>/api/{name}/{**rest}</c>.
    /// </summary>
    [Required]
    [MinLength(1)]
    public Dictionary<string, GatewayServiceOptions> Services { get; set; } = [];

    /// <summary>Rejects a service name that is not lower kebab case, because it becomes a path segment of every route.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Services.Keys
            .Where(name => !ServiceNamePattern().IsMatch(name))
            .Select(name => new ValidationResult(
                $"{SectionName}:{nameof(Services)}:{name} is not a valid service name. Use lower kebab case, such as 'access-log'.",
                [nameof(Services)]));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ServiceNamePattern();
}

public sealed class GatewayServiceOptions
{
    /// <summary>Body size limit in bytes for this service's routes, or null for the default.</summary>
    [Range(0, long.MaxValue)]
    public long? MaxRequestBodySize { get; set; }
}
