using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace MynaPlatform.Benchmarks.Http;

/// <summary>
/// Minimal Kestrel API that every target of the gateway benchmark ends at. It returns the same small
/// JSON body for every <c>GET /api/bench/...</c> and publishes the token key at <c>/jwks</c>.
/// </summary>
public sealed class SmallEndpointServer : IAsyncDisposable
{
    public const string RoutePrefix = "/api/bench";

    private readonly WebApplication _app;

    private SmallEndpointServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The argument that makes the benchmark's executable run only this server, as a baseline process.</summary>
    public const string ProcessArgument = "small-endpoint-process";

    public static async Task<SmallEndpointServer> StartAsync(RSAParameters publicKey, string keyId, int? port = null)
    {
        port ??= FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

        var app = builder.Build();
        var key = new
        {
            kty = "RSA",
            use = "sig",
            alg = "RS256",
            kid = keyId,
            n = Base64UrlEncoder.Encode(publicKey.Modulus),
            e = Base64UrlEncoder.Encode(publicKey.Exponent),
        };
        var keys = JsonSerializer.Serialize(new { keys = new[] { key } });
        app.MapGet("/jwks", () => Results.Text(keys, "application/json"));
        app.MapGet(RoutePrefix + "/{**rest}", () => Results.Text("""{"status":"ok"}""", "application/json"));

        await app.StartAsync();
        return new SmallEndpointServer(app, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Runs the server on <paramref name="port"/> in this process until it is stopped (SIGTERM or Ctrl+C).</summary>
    public static async Task RunAsProcessAsync(int port)
    {
        using var rsa = RSA.Create(2048);
        await using var server = await StartAsync(rsa.ExportParameters(false), "baseline", port);
        Console.WriteLine($"serving {server.Address} with {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} garbage collection");
        await server._app.WaitForShutdownAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
