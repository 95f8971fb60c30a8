using Yarp.ReverseProxy.Configuration;

namespace MynaPlatform.Gateway.Routing;

/// <summary>Builds one YARP route and cluster per service named in <see cref="GatewayOptions.Services"/>.</summary>
public static class GatewayRoutes
{
    public static IReadOnlyList<RouteConfig> BuildRoutes(GatewayOptions options) =>
        [.. options.Services.Select(service => new RouteConfig
        {
            RouteId = service.Key,
            ClusterId = service.Key,
            Match = new RouteMatch { Path = $"/api/{service.Key}/{{**rest}}" },
            MaxRequestBodySize = service.Value.MaxRequestBodySize ?? options.DefaultMaxRequestBodySize,
        })];

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
