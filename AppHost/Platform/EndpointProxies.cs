using Microsoft.Extensions.Configuration;

namespace MynaPlatform.AppHost.Platform;

public static class EndpointProxies
{
    public const string ProxiedEndpointsKey = "Platform:ProxiedEndpoints";

    /// <summary>
    /// Lets every project listen on its own ports. Aspire's default puts a DCP proxy in front of each
    /// endpoint, which adds two TCP hops to every request through the gateway. The ports do not change.
    /// <c>Platform:ProxiedEndpoints=true</c> keeps the proxies, for a comparison.
    /// </summary>
    public static IDistributedApplicationBuilder WithDirectEndpoints(this IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(ProxiedEndpointsKey))
        {
            return builder;
        }

        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithEndpointProxySupport(false);
        }

        return builder;
    }
}
