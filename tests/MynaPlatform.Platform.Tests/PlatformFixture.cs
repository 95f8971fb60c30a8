using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.Hosting;
using Xunit;

[assembly: AssemblyFixture(typeof(MynaPlatform.Platform.Tests.PlatformFixture))]

namespace MynaPlatform.Platform.Tests;

/// <summary>
/// Starts the whole platform once for this test project through the Aspire test host, in local
/// mode with its own data folder. A resource that exits unexpectedly fails the start at once and
/// its log is printed, instead of the test host waiting silently until its timeout.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> resourceLogs = new();
    private readonly ConcurrentDictionary<string, bool> expectedExits = new();
    private readonly CancellationTokenSource watchCancellation = new();
    private DistributedApplication? app;

    public string DataDirectory { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("MYNA_TEST_DATA_DIR") ?? Path.GetTempPath(),
        $"platform-{Guid.NewGuid():N}");

    public DistributedApplication App => app ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient CreateGatewayClient() => App.CreateHttpClient(ResourceNames.Gateway, ResourceNames.HttpEndpoint);

    /// <summary>Returns the value of an AppHost parameter, such as a generated client secret.</summary>
    public async Task<string> ParameterValueAsync(string name)
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        var parameter = model.Resources.OfType<ParameterResource>().Single(resource => resource.Name == name);
        return await parameter.GetValueAsync(CancellationToken.None) ?? throw new InvalidOperationException($"Parameter {name} has no value.");
    }

    public string DatabasePath(string service) => Path.Combine(DataDirectory, $"{service}.db");

    /// <summary>Marks a resource whose next exit a test causes on purpose, so it is not reported as a crash.</summary>
    public void ExpectExit(string resourceName) => expectedExits[resourceName] = true;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MynaPlatform_AppHost>(
        [
            $"Platform:DataDirectory={DataDirectory}",
            "Platform:RunMode=Local",
            "Platform:GatewayPort=0",
            "Platform:JpkiSimulatorPort=0",

            // Short enough for key rotation and hold tests to finish in seconds.
            "Platform:Authentication:JwksRefreshInterval=00:00:03",
            "Platform:Authentication:JwksMinimumRefreshInterval=00:00:01",
            "Platform:Jpki:RevocationListMaxAge=00:00:00",
        ],
        (options, _) => options.DisableDashboard = true);

        app = await builder.BuildAsync();
        var crashed = WatchForCrashesAsync(app, watchCancellation.Token);
        CollectLogs(app, watchCancellation.Token);

        using var timeout = new CancellationTokenSource(StartTimeout);
        var started = StartAndWaitHealthyAsync(app, timeout.Token);
        var first = await Task.WhenAny(started, crashed);
        if (first == crashed && await crashed is { } resource)
        {
            throw new InvalidOperationException($"Resource '{resource}' exited while the platform started.\n{LogOf(resource)}");
        }

        await started;
    }

    public async ValueTask DisposeAsync()
    {
        await watchCancellation.CancelAsync();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        TryDeleteDataDirectory();
    }

    /// <summary>The last lines a resource wrote, for a failure message.</summary>
    public string LogOf(string resourceName) =>
        resourceLogs.TryGetValue(resourceName, out var lines) ? string.Join('\n', lines) : "(no output captured)";

    private static async Task StartAndWaitHealthyAsync(DistributedApplication application, CancellationToken cancellationToken)
    {
        await application.StartAsync(cancellationToken);
        await application.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, cancellationToken);
    }

    /// <summary>Returns the name of the first resource that exits unexpectedly; null once watching stops.</summary>
    private async Task<string?> WatchForCrashesAsync(DistributedApplication application, CancellationToken cancellationToken)
    {
        var notifications = application.Services.GetRequiredService<ResourceNotificationService>();
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                var state = update.Snapshot.State?.Text;
                if (state is "Exited" or "FailedToStart" or "Finished" && !expectedExits.TryRemove(update.Resource.Name, out _))
                {
                    Console.Error.WriteLine($"Resource '{update.Resource.Name}' entered state {state}.\n{LogOf(update.Resource.Name)}");
                    return update.Resource.Name;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }

    private void CollectLogs(DistributedApplication application, CancellationToken cancellationToken)
    {
        var loggers = application.Services.GetRequiredService<ResourceLoggerService>();
        var model = application.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var resource in model.Resources)
        {
            var lines = resourceLogs.GetOrAdd(resource.Name, _ => new ConcurrentQueue<string>());
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in loggers.WatchAsync(resource.Name).WithCancellation(cancellationToken))
                    {
                        foreach (var line in batch)
                        {
                            lines.Enqueue(line.Content);
                            while (lines.Count > 200 && lines.TryDequeue(out _))
                            {
                            }
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }, CancellationToken.None);
        }
    }

    private void TryDeleteDataDirectory()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"Could not delete the test data folder {DataDirectory}: {exception.Message}");
        }
    }
}
