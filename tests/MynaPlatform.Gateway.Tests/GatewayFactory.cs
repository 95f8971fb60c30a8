using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MynaPlatform.Gateway.Tests;

/// <summary>
/// Runs the gateway's own <c>Program</c> on a real Kestrel port on 127.0.0.1, with the settings
/// given. Settings are host settings, so <c>Program</c> reads them before it builds the routes.
/// </summary>
public sealed class GatewayFactory(IReadOnlyDictionary<string, string?> settings, CapturedLogs logs) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Kestrel:Endpoints:http:Url", "http://127.0.0.1:0");

        // No broker runs here: the bus keeps retrying in the background, and the revoked-session
        // consumer stays idle, which these tests do not need.
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1/");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs));
    }
}
