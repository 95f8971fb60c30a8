using Yarp.ReverseProxy.Configuration;

namespace MynaPlatform.Gateway.Routing;

/// <summary>
/// The portal's route: every path that no service route, health endpoint or <c>/api/</c> path
/// matches. Its catch-all pattern has the lowest routing precedence, so the other endpoints win.
/// </summary>
public static class PortalRoute
{
    public static IReadOnlyList<RouteConfig> BuildRoutes(GatewayOptions options) =>
        string.IsNullOrEmpty(options.Portal) ? [] :
        [
            new RouteConfig
            {
                RouteId = options.Portal,
                ClusterId = options.Portal,
                Match = new RouteMatch { Path = "/{**path}" },
                MaxRequestBodySize = options.DefaultMaxRequestBodySize,
            },
        ];

    public static IReadOnlyList<ClusterConfig> BuildClusters(GatewayOptions options) =>
        string.IsNullOrEmpty(options.Portal) ? [] :
        [
            new ClusterConfig
            {
                ClusterId = options.Portal,
                Destinations = new Dictionary<string, DestinationConfig> { [options.Portal] = new() { Address = $"http://{options.Portal}" } },
            },
        ];
}
