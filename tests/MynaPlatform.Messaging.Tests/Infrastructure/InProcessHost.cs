using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MynaPlatform.Messaging.TestHost;

namespace MynaPlatform.Messaging.Tests.Infrastructure;

/// <summary>
/// The test host's publisher and consumer run inside the test process, registered as a service
/// registers them, with a fresh SQLite file and queue names of its own.
/// </summary>
public sealed class InProcessHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly IHost host;

    private readonly string directory;

    private InProcessHost(IHost host, string directory, string databasePath)
    {
        this.host = host;
        this.directory = directory;
        Database = new TestHostDatabase(databasePath);
    }

    public IServiceProvider Services => host.Services;

    public TestHostDatabase Database { get; }

    public EventEmitter Emitter => Services.GetRequiredService<EventEmitter>();

    /// <summary>Builds the host without starting it, so a test can prepare its file first.</summary>
    public static InProcessHost Create(string connectionString, Dictionary<string, string?>? extra = null)
    {
        var directory = TestDataDirectory.Create("in-process");
        var databasePath = Path.Combine(directory, "host.db");
        var settings = new Dictionary<string, string?>
        {
            ["TestHost:Role"] = "both",
            ["Storage:SqlitePath"] = databasePath,
            ["ConnectionStrings:messaging"] = connectionString,
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Messaging:MaxBackoff"] = "00:00:01",
            ["Messaging:PublishTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTestHost($"in-process-{Guid.NewGuid():N}"[..19]);
        return new InProcessHost(builder.Build(), directory, databasePath);
    }

    /// <summary>Starts the host and, unless <paramref name="waitForBus"/> is false, waits until its bus is ready.</summary>
    public async Task<InProcessHost> StartAsync(CancellationToken cancellationToken, bool waitForBus = true)
    {
        await host.StartAsync(cancellationToken);
        if (waitForBus)
        {
            Xunit.Assert.True(await host.ReportReadyAsync(TimeSpan.FromSeconds(30)), "The in-process bus did not become healthy within 30 s.");
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        await host.StopAsync(timeout.Token);
        host.Dispose();
        TestDataDirectory.TryDelete(directory);
    }
}
