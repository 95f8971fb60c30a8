using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace MynaPlatform.ServiceDefaults.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>
    /// Registers the service's OpenAPI document. The gateway forwards <c>/api/{service}/...</c>
    /// unchanged, so the document is served under the service's own prefix.
    /// </summary>
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            // The service's own address is not reachable by clients; without servers, clients
            // resolve paths against the address they fetched the document from, the gateway.
            document.Servers = [];
            return Task.CompletedTask;
        }));

    /// <summary>Maps <c>/api/{service}/openapi/v1.json</c>, and a Scalar page in Development.</summary>
    public static WebApplication MapPlatformOpenApi(this WebApplication app, string routePrefix)
    {
        var documentRoute = $"/api/{routePrefix}/openapi/{{documentName}}.json";
        app.MapOpenApi(documentRoute);

        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference($"/api/{routePrefix}/scalar", options => options
                .WithOpenApiRoutePattern(documentRoute)
                .WithTitle($"MynaPlatform {routePrefix} API"));
        }

        return app;
    }
}
