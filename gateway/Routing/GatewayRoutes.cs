using Yarp.ReverseProxy.Configuration;

namespace MynaPlatform.Gateway.Routing;

/// <summary>Builds one YARP route and cluster per service named in <see cref="GatewayOptions.Services"/>.</summary>
public static class GatewayRoutes
{
    public static IReadOnlyList<RouteConfig> BuildRoutes(GatewayOptions options) =>
        [.. options.Services.SelectMany(service => RoutesOf(service.Key, service.Value, options))];

    /// <summary>
    /// The service's catch-all route and one route per exact path with its own body limit; routing
    /// prefers an exact path over the catch-all, so the path's limit applies to it.
    /// </summary>
    private static IEnumerable<RouteConfig> RoutesOf(string service, GatewayServiceOptions settings, GatewayOptions options)
    {
        yield return new RouteConfig
        {
            RouteId = service,
            ClusterId = service,
            Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
            MaxRequestBodySize = settings.MaxRequestBodySize ?? options.DefaultMaxRequestBodySize,
        };

        foreach (var (name, path) in settings.Paths)
        {
            yield return new RouteConfig
            {
                RouteId = $"{service}-{name}",
                ClusterId = service,
                Match = new RouteMatch { Path = path.Path },
                MaxRequestBodySize = path.MaxRequestBodySize,
            };
        }
    }

    /// <summary>Each destination is the service's <c>http</c> endpoint, found by service discovery.</summary>
    public static IReadOnlyList<ClusterConfig> BuildClusters(GatewayOptions options) =>
        [.. options.Services.Keys.Select(service => new ClusterConfig
        {
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [service] = new() { Address = $"http://{service}" },
            },
        })];
}
