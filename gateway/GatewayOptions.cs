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

    /// <summary>
    /// Resource name of the portal, which serves every path outside <c>/api/</c> and the gateway's
    /// health endpoints. Without it those paths get 404.
    /// </summary>
    public string? Portal { get; set; }

    /// <summary>
    /// Rejects a service name that is not lower kebab case, because it becomes a path segment of
    /// every route, and a path with its own limit that lies outside its service's prefix.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, service) in Services)
        {
            if (!ServiceNamePattern().IsMatch(name))
            {
                yield return new ValidationResult(
                    $"{SectionName}:{nameof(Services)}:{name} is not a valid service name. Use lower kebab case, such as 'access-log'.",
                    [nameof(Services)]);
            }

            foreach (var (pathName, path) in service.Paths)
            {
                if (!path.Path.StartsWith($"/api/{name}/", StringComparison.Ordinal) || path.Path.Contains('{'))
                {
                    yield return new ValidationResult(
                        $"{SectionName}:{nameof(Services)}:{name}:{nameof(GatewayServiceOptions.Paths)}:{pathName}:Path must be an exact path under /api/{name}/.",
                        [nameof(Services)]);
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ServiceNamePattern();
}

public sealed class GatewayServiceOptions
{
    /// <summary>Body size limit in bytes for this service's routes, or null for the default.</summary>
    [Range(0, long.MaxValue)]
    public long? MaxRequestBodySize { get; set; }

    /// <summary>
    /// Exact paths of this service that need another body limit than the service's, such as an
    /// upload route, by a name used in the route id.
    /// </summary>
    public Dictionary<string, GatewayPathOptions> Paths { get; set; } = [];
}

public sealed class GatewayPathOptions
{
    /// <summary>The exact request path, such as <c>/api/notices/partner/notices</c>.</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>Body size limit in bytes for requests to <see cref="Path"/>.</summary>
    [Range(0, long.MaxValue)]
    public long MaxRequestBodySize { get; set; }
}
