using MynaPlatform.Hosting;

namespace MynaPlatform.AppHost.Platform;

public static class PortalResources
{
    /// <summary>
    /// Adds the portal: it logs people in as the seeded portal client and calls every API through
    /// the gateway, and the gateway serves it at <c>/</c>. The portal calls the gateway only at
    /// request time, so the gateway may wait for the portal without a cycle.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPortal(
        this IDistributedApplicationBuilder builder,
        PlatformSettings settings,
        TokenServerResources tokens,
        IResourceBuilder<ProjectResource> gateway)
    {
        var portal = builder.AddProject<Projects.MynaPlatform_Portal>(ResourceNames.Portal)
            .WithEnvironment("Platform__DataDirectory", settings.DataDirectory)
            .WithEnvironment("Portal__ClientId", tokens.ClientIds.Portal)
            .WithEnvironment("Portal__ClientSecret", tokens.PortalSecret)
            .WithReference(gateway)
            .WithHttpHealthCheck("/health", endpointName: ResourceNames.HttpEndpoint);

        gateway.WithReference(portal).WaitFor(portal);
        return portal;
    }
}
