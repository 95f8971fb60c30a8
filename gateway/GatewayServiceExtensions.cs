using Microsoft.Extensions.Options;
using MynaPlatform.Gateway.Landing;
using MynaPlatform.Gateway.Middleware;
using MynaPlatform.Gateway.Routing;
using MynaPlatform.ServiceDefaults.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace MynaPlatform.Gateway;

public static class GatewayServiceExtensions
{
    public static IHostApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<GatewayOptions>(GatewayOptions.SectionName);
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();

        // Kestrel answers 431 on its own when the headers exceed this limit.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestHeadersTotalSize = options.MaxRequestHeadersTotalSize);

        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.BuildRoutes(options), GatewayRoutes.BuildClusters(options))
            .AddTransforms(transforms =>
            {
                // The gateway is the edge: what a client claims about earlier proxies is dropped and replaced.
                transforms.AddRequestHeaderRemove("Forwarded");
                transforms.AddRequestHeaderRemove("X-Real-IP");
                transforms.AddXForwarded(ForwardedTransformActions.Set);
            })
            .AddServiceDiscoveryDestinationResolver();

        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseMiddleware<PathSafetyMiddleware>();
        app.UseMiddleware<GatewayCorrelationMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();

        app.MapGet("/", (IOptions<GatewayOptions> options) => LandingPage.Render(options.Value)).ExcludeFromDescription();
        app.MapReverseProxy();
        return app;
    }
}
