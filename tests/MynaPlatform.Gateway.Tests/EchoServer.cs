using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MynaPlatform.ServiceDefaults.OpenApi;

namespace MynaPlatform.Gateway.Tests;

/// <summary>
/// A real Kestrel service on 127.0.0.1 behind the gateway. It returns what it received
/// as an <see cref="EchoedRequest"/>, sets the response headers that a test requests with
/// <see cref="ResponseHeaderPrefix"/>, and serves an OpenAPI document under <c>/api/{name}/openapi</c>.
/// </summary>
public sealed class EchoServer : IAsyncDisposable
{
    /// <summary>
    /// Prefix of request headers that the echo server copies to its response without the prefix:
    /// <c>X-Echo-Response-X-Frame-Options: SAMEORIGIN</c> sets <c>X-Frame-Options: SAMEORIGIN</c>.
    /// </summary>
    public const string ResponseHeaderPrefix = "X-Echo-Response-";

    private readonly WebApplication app;

    private EchoServer(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<EchoServer> StartAsync(string openApiPrefix)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // The output folder contains the gateway's appsettings.json, whose Kestrel endpoint must not apply here.
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddPlatformOpenApi();

        var app = builder.Build();
        app.MapPlatformOpenApi(openApiPrefix);
        app.Map("/{**path}", (Delegate)EchoAsync);

        var server = new EchoServer(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Address = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<IResult> EchoAsync(HttpContext context)
    {
        var bodyLength = await CountBodyBytesAsync(context.Request.Body);
        foreach (var (name, value) in context.Request.Headers)
        {
            if (name.StartsWith(ResponseHeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name[ResponseHeaderPrefix.Length..]] = value;
            }
        }

        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        return TypedResults.Json(new EchoedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.QueryString.Value ?? "",
            headers,
            bodyLength));
    }

    private static async Task<long> CountBodyBytesAsync(Stream body)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }
}
