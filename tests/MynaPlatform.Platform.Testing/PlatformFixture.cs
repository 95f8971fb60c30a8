using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.Hosting;
using Xunit;

namespace MynaPlatform.Platform.Testing;

/// <summary>
/// Starts the whole platform once for a test project (declared as its assembly fixture) through the Aspire test host, in local
/// mode with its own data folder. A resource that exits unexpectedly fails the start at once and
/// its log is printed, instead of the test host waiting silently until its timeout. Every log line
/// of every resource is also written to a file, and every project exports its telemetry to an
/// OTLP receiver in this process, so tests can search all the output of the run.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private const int LogTailLines = 200;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> resourceLogs = new();
    private readonly ConcurrentDictionary<string, bool> expectedExits = new();
    private readonly CancellationTokenSource watchCancellation = new();
    private readonly List<Task> logWriters = [];
    private DistributedApplication? app;

    public string DataDirectory { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("MYNA_TEST_DATA_DIR") ?? Path.GetTempPath(),
        $"platform-{Guid.NewGuid():N}");

    /// <summary>Folder of the log files, one <c>{resource}.log</c> per resource.</summary>
    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    /// <summary>Receives the traces, logs and metrics that every project exports.</summary>
    public OtlpReceiver Telemetry { get; } = new();

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

    /// <summary>
    /// The access log's test clock file: writing an offset to it moves that service's clock
    /// while it runs (see <see cref="PlatformConfigurationKeys.TestClockFile"/>).
    /// </summary>
    public string AccessLogClockFile => Path.Combine(DataDirectory, "access-log-test-clock.json");

    /// <summary>The portal's test clock file, used like <see cref="AccessLogClockFile"/>.</summary>
    public string PortalClockFile => Path.Combine(DataDirectory, "portal-test-clock.json");

    /// <summary>Writes <paramref name="offset"/> to a test clock file, which the service reads a moment later.</summary>
    public static Task WriteClockOffsetAsync(string clockFile, TimeSpan offset) =>
        File.WriteAllTextAsync(
            clockFile,
            JsonSerializer.Serialize(new { Platform = new { TestClock = new { Offset = offset.ToString("c", CultureInfo.InvariantCulture) } } }),
            TestContext.Current.CancellationToken);

    /// <summary>Marks a resource whose next exit a test causes on purpose, so it is not reported as a crash.</summary>
    public void ExpectExit(string resourceName) => expectedExits[resourceName] = true;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(LogDirectory);
        await Telemetry.StartAsync(CancellationToken.None);
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
        ExportTelemetryTo(builder, Telemetry);
        ConfigureNotices(builder);
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == ResourceNames.AccessLog))
            .WithEnvironment("Platform__TestClock__File", AccessLogClockFile);
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == ResourceNames.Portal))
            .WithEnvironment("Platform__TestClock__File", PortalClockFile);

        // Aspire names each resource's running instance only before it starts, and its log
        // stream carries that name, so log collection begins at that point.
        builder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            CollectLogs(start.Services, start.Model, watchCancellation.Token);
            return Task.CompletedTask;
        });

        app = await builder.BuildAsync();
        var crashed = WatchForCrashesAsync(app, watchCancellation.Token);

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
        await Task.WhenAll(logWriters);
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await Telemetry.DisposeAsync();
        TryDeleteDataDirectory();
    }

    /// <summary>The last lines a resource wrote, for a failure message.</summary>
    public string LogOf(string resourceName) =>
        resourceLogs.TryGetValue(resourceName, out var lines) ? string.Join('\n', lines) : "(no output captured)";

    /// <summary>
    /// Points every project at the receiver, each under its own path, and shortens the batch
    /// export delays from the SDK defaults (5 s for spans, 1 s for logs) so tests wait less.
    /// These variables are set after the AppHost's own, so they win.
    /// </summary>
    private static void ExportTelemetryTo(IDistributedApplicationTestingBuilder builder, OtlpReceiver receiver)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.EndpointFor(project.Name).AbsoluteUri)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "5000");
        }
    }

    /// <summary>
    /// The notices service must give the same Japan-time results whatever the server's time zone, so
    /// it runs under TZ=Asia/Tokyo while this process and the other services keep the machine's zone.
    /// </summary>
    private static void ConfigureNotices(IDistributedApplicationTestingBuilder builder)
    {
        var notices = builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == ResourceNames.Notices);
        builder.CreateResourceBuilder(notices).WithEnvironment("TZ", "Asia/Tokyo");

        // Small chunks make a batch take long enough for the kill test to stop the service mid-way.
        builder.CreateResourceBuilder(notices).WithEnvironment("Notices__BatchChunkSize", "200");
    }

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

    private void CollectLogs(IServiceProvider services, DistributedApplicationModel model, CancellationToken cancellationToken)
    {
        var loggers = services.GetRequiredService<ResourceLoggerService>();
        foreach (var resource in model.Resources)
        {
            var lines = resourceLogs.GetOrAdd(resource.Name, _ => new ConcurrentQueue<string>());
            var path = Path.Combine(LogDirectory, $"{resource.Name}.log");
            logWriters.Add(Task.Run(() => WriteLogAsync(loggers, resource, lines, path, cancellationToken), CancellationToken.None));
        }
    }

    /// <summary>Appends every line of one resource to its file and keeps the last lines in memory.</summary>
    private static async Task WriteLogAsync(
        ResourceLoggerService loggers, IResource resource, ConcurrentQueue<string> lines, string path, CancellationToken cancellationToken)
    {
        await using var file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
        try
        {
            await foreach (var batch in loggers.WatchAsync(resource).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    await file.WriteLineAsync(line.Content);
                    lines.Enqueue(line.Content);
                    while (lines.Count > LogTailLines && lines.TryDequeue(out _))
                    {
                    }
                }

                await file.FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Deletes the data folder. Under a folder given by <c>MYNA_TEST_DATA_DIR</c> the logs stay,
    /// because test.sh prints their errors when a project fails and then deletes that folder itself.
    /// </summary>
    private void TryDeleteDataDirectory()
    {
        try
        {
            if (Environment.GetEnvironmentVariable("MYNA_TEST_DATA_DIR") is { Length: > 0 })
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(DataDirectory).Where(entry => entry != LogDirectory))
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                }

                return;
            }

            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"Could not delete the test data folder {DataDirectory}: {exception.Message}");
        }
    }
}
