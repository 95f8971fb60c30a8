using MynaPlatform.Authentication;
using MynaPlatform.Hosting;
using MynaPlatform.Messaging;
using MynaPlatform.SessionRevocation;
using MynaPlatform.Gateway.Authentication;
using MynaPlatform.Gateway.Middleware;
using MynaPlatform.Gateway.RateLimiting;
using MynaPlatform.Gateway.Problems;
using MynaPlatform.Gateway.Routing;
using MynaPlatform.ServiceDefaults.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace MynaPlatform.Gateway;

public static class GatewayServiceExtensions
{
    public static IHostApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<GatewayOptions>(GatewayOptions.SectionName);
        builder.Services.AddGatewayProblemText();
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();

        // Kestrel returns 431 by itself when the headers exceed this limit.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestHeadersTotalSize = options.MaxRequestHeadersTotalSize);

        builder.Services.Configure<GatewayAuthenticationOptions>(builder.Configuration.GetSection(GatewayAuthenticationOptions.SectionName));
        builder.AddPlatformTokenValidation([.. options.Services.Keys]);
        builder.AddRevokedSessionsFromIdentity();
        builder.AddPlatformBus(ResourceNames.Gateway, bus => bus.AddSessionRevokedConsumer());
        builder.Services.AddGatewayRateLimiting(builder.Configuration);

        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [.. GatewayRoutes.BuildRoutes(options), .. PortalRoute.BuildRoutes(options)],
                [.. GatewayRoutes.BuildClusters(options), .. PortalRoute.BuildClusters(options)])
            .AddTransforms(transforms =>
            {
                // The gateway is the edge, so it drops what a client claims about earlier proxies and sets its own headers.
                transforms.AddRequestTransform(ClientForwardedHeaders.RemoveAsync);
                transforms.AddRequestHeaderRemove("Forwarded");
                transforms.AddRequestHeaderRemove("X-Real-IP");
                transforms.AddXForwarded(ForwardedTransformActions.Set);
            })
            .AddServiceDiscoveryDestinationResolver();

        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        // Correlation and security headers come first, so a rejected path still gets both.
        app.UseMiddleware<GatewayCorrelationMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<GatewayAuthenticationMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<PathSafetyMiddleware>();

        // An /api/ path of no service is the gateway's 404, never the portal's page.
        app.Map("/api/{**rest}", () => TypedResults.NotFound()).ExcludeFromDescription();
        app.MapReverseProxy();
        return app;
    }
}
