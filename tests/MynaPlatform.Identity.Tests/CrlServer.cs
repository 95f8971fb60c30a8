using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MynaPlatform.Identity.Tests;

/// <summary>
/// A CRL distribution point on a real Kestrel port on 127.0.0.1. Each request gets the current
/// <see cref="Content"/> with <see cref="StatusCode"/>, or no response at all while <see cref="Hang"/> is set.
/// </summary>
public sealed class CrlServer : IAsyncDisposable
{
    private const string CrlPath = "/login.crl";

    private readonly WebApplication _app;
    private int _requestCount;

    private CrlServer(WebApplication app)
    {
        _app = app;
        _app.MapGet(CrlPath, RespondAsync);
    }

    public Uri CrlUrl => new(new Uri(_app.Urls.Single()), CrlPath);

    public byte[] Content { get; set; } = [];

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public bool Hang { get; set; }

    public int RequestCount => Volatile.Read(ref _requestCount);

    public static async Task<CrlServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();

        // The identity service's appsettings.json is copied beside the tests and names its own port.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        var server = new CrlServer(builder.Build());
        await server._app.StartAsync(TestContext.Current.CancellationToken);
        return server;
    }

    private async Task RespondAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        if (Hang)
        {
            // Holds the response until the client gives up, as a stalled distribution point would.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = StatusCode;
        context.Response.ContentType = "application/pkix-crl";
        await context.Response.Body.WriteAsync(Content, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        Hang = false;
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
