using MynaPlatform.Hosting;

namespace MynaPlatform.AppHost.Platform;

public static class GatewayEndpoint
{
    /// <summary>
    /// Fixes the gateway's port when one is configured (run mode), so cards, tokens and bookmarks
    /// stay valid across restarts; without one (the test host) Aspire picks a free port.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewayEndpoint(this IResourceBuilder<ProjectResource> gateway, int? port) =>
        gateway
            .WithEndpoint(ResourceNames.HttpEndpoint, endpoint => endpoint.Port = port)
            .WithHttpHealthCheck("/health", endpointName: ResourceNames.HttpEndpoint);
}
