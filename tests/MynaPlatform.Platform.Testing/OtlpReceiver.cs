using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MynaPlatform.Platform.Testing;

/// <summary>
/// A minimal OTLP/HTTP receiver on loopback that keeps the raw protobuf body of every export.
/// Protobuf stores strings as raw UTF-8 and trace ids as raw bytes, so a byte search over the
/// bodies finds any value that a service put on a span, a log record or a metric.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    public const string Traces = "traces";
    public const string Logs = "logs";
    public const string Metrics = "metrics";

    /// <summary>Source name of exports sent to the bare endpoint, without a resource prefix.</summary>
    public const string UnknownSource = "unknown";

    private readonly ConcurrentQueue<OtlpExport> exports = new();
    private WebApplication? app;

    /// <summary>Base address of the receiver, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<OtlpExport> Exports => [.. exports];

    /// <summary>
    /// Returns the OTLP endpoint for one resource. The exporter appends <c>v1/traces</c> and the
    /// other signal paths to it, so the first path segment identifies the resource that sent an export.
    /// </summary>
    public Uri EndpointFor(string source) => new(Endpoint, Uri.EscapeDataString(source));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();

        app = builder.Build();
        app.UseRouting();
        app.MapPost("/{source}/v1/{signal}", ReceiveAsync);
        app.MapPost("/v1/{signal}", ReceiveAsync);
        await app.StartAsync(cancellationToken);

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        Endpoint = new Uri(addresses.Addresses.Single().TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var signal = context.GetRouteValue("signal") as string;
        if (signal is not (Traces or Logs or Metrics))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var source = context.GetRouteValue("source") as string ?? UnknownSource;
        var compressed = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        if (compressed)
        {
            await using var gzip = new GZipStream(context.Request.Body, CompressionMode.Decompress, leaveOpen: true);
            await gzip.CopyToAsync(buffer, context.RequestAborted);
        }
        else
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        }

        exports.Enqueue(new OtlpExport(source, signal, DateTimeOffset.UtcNow, buffer.ToArray()));

        // An empty body is a valid Export*ServiceResponse: every item was accepted.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }
}

/// <summary>One OTLP export request: the resource that sent it, its signal and its protobuf body.</summary>
public sealed record OtlpExport(string Source, string Signal, DateTimeOffset ReceivedAt, byte[] Body);
