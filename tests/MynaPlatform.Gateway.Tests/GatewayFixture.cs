using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

[assembly: AssemblyFixture(typeof(MynaPlatform.Gateway.Tests.GatewayFixture))]

namespace MynaPlatform.Gateway.Tests;

/// <summary>
/// Starts one echo server and one gateway for the test project. Two gateway services, <c>echo</c>
/// with the default body size limit and <c>echo-batch</c> with a larger one of its own, both
/// resolve through service discovery to the echo server; <c>down</c> resolves to a closed port.
/// The portal, which gets every path outside <c>/api/</c>, is the echo server too.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string Echo = "echo";
    public const string EchoBatch = "echo-batch";
    public const string Down = "down";
    public const string Portal = "echo-portal";

    /// <summary>Default body size limit for the test gateway, in bytes.</summary>
    public const int DefaultMaxRequestBodySize = 4 * 1024;

    /// <summary>Body size limit of the <c>echo-batch</c> route, in bytes.</summary>
    public const int BatchMaxRequestBodySize = 64 * 1024;

    /// <summary>Body size limit of the exact path <see cref="UploadPath"/> of the <c>echo</c> service, in bytes.</summary>
    public const int UploadMaxRequestBodySize = 16 * 1024;

    public const string UploadPath = "/api/echo/uploads/large";

    /// <summary>Header size limit of the test gateway, in bytes.</summary>
    public const int MaxRequestHeadersTotalSize = 8 * 1024;

    private EchoServer? echo;
    private GatewayFactory? gateway;

    public Uri Address { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        echo = await EchoServer.StartAsync(Echo);
        gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Gateway:DefaultMaxRequestBodySize"] = $"{DefaultMaxRequestBodySize}",
            ["Gateway:MaxRequestHeadersTotalSize"] = $"{MaxRequestHeadersTotalSize}",
            [$"Gateway:Services:{Echo}:Paths:large:Path"] = UploadPath,
            [$"Gateway:Services:{Echo}:Paths:large:MaxRequestBodySize"] = $"{UploadMaxRequestBodySize}",
            [$"Gateway:Services:{EchoBatch}:MaxRequestBodySize"] = $"{BatchMaxRequestBodySize}",
            [$"services:{Echo}:http:0"] = echo.Address.ToString(),
            [$"services:{EchoBatch}:http:0"] = echo.Address.ToString(),
            ["Gateway:Portal"] = Portal,
            [$"services:{Portal}:http:0"] = echo.Address.ToString(),
            [$"Gateway:Services:{Down}"] = null,
            [$"services:{Down}:http:0"] = $"http://127.0.0.1:{FindClosedPort()}",
            ["Authentication:Issuer"] = TestTokenIssuer.Issuer,

            // These tests cover routing, paths and request limits, so no route needs a token here.
            ["Gateway:Authentication:AnonymousPaths:100"] = "/api/**",
            ["Logging:LogLevel:Yarp"] = "Information",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        },
        Logs);
        gateway.UseKestrel();
        gateway.StartServer();

        var addresses = gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        Address = new Uri(addresses.Addresses.Single());
    }

    public async ValueTask DisposeAsync()
    {
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

        if (echo is not null)
        {
            await echo.DisposeAsync();
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>A port that nothing listens on: bound once by the system's choice, then released.</summary>
    private static int FindClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A client that sends the request target exactly as written, dot segments and backslashes included.</summary>
    public RawHttpClient CreateRawClient() => new(Address);
}
