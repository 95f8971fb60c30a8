using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MynaPlatform.Benchmarks.Http;

namespace MynaPlatform.Benchmarks.Platform;

/// <summary>
/// One <c>./run.sh</c> of the whole platform with its own data folder and free ports, so that it
/// never collides with another platform on the machine. Disposing it stops the platform the way
/// Ctrl+C does. Start it under the shared platform lock, because it starts every service.
/// </summary>
public sealed partial class PlatformRun : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(120);

    private readonly ChildProcess _script;
    private bool _stopped;

    private PlatformRun(ChildProcess script, string dataDirectory)
    {
        _script = script;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    /// <summary>Process id of the <c>run.sh</c> shell; every platform process descends from it or names it.</summary>
    public int ScriptProcessId => _script.Id;

    /// <summary>Time from starting <c>run.sh</c> until it printed that the platform is running, build step included.</summary>
    public TimeSpan CommandTime { get; private set; }

    /// <summary>The "healthy after N s" figure that <c>run.sh</c> printed (from the AppHost's start, whole seconds).</summary>
    public int HealthyAfterSeconds { get; private set; }

    /// <summary>The AppHost's own figure from its log: its process start until every resource was healthy.</summary>
    public TimeSpan? AppHostHealthyAfter { get; private set; }

    public IReadOnlyDictionary<string, string> Addresses { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// Describes how the platform runs, for the results: the services' build configuration
    /// (<c>MYNA_CONFIGURATION</c>, read by <c>run.sh</c>), whether they export telemetry to the dashboard
    /// (<c>Platform__TelemetryExport=false</c> turns it off) and how often (<c>Platform__TelemetryBatchDelayMilliseconds</c>),
    /// all taken from the environment that starts the benchmark.
    /// </summary>
    public static string RunDescription
    {
        get
        {
            var configuration = Environment.GetEnvironmentVariable("MYNA_CONFIGURATION") is { Length: > 0 } value ? value : "Debug";
            var telemetry = Environment.GetEnvironmentVariable("Platform__TelemetryExport") is { } export && export.Equals("false", StringComparison.OrdinalIgnoreCase)
                ? "telemetry export off (Platform__TelemetryExport=false: recorded in each process, not sent)"
                : $"telemetry on (every service exports to the dashboard, traces and logs every {BatchDelay} ms; {TraceSampling})";
            return $"services from their {configuration} build (MYNA_CONFIGURATION); {telemetry}";
        }
    }

    /// <summary>The AppHost's batch delay of trace and log export in milliseconds, as the environment sets it (200 when unset).</summary>
    private static string BatchDelay =>
        Environment.GetEnvironmentVariable("Platform__TelemetryBatchDelayMilliseconds") is { Length: > 0 } delay ? delay : "200";

    /// <summary>The description of the traces that the services keep, from the environment's <c>Platform__TraceSampleRatio</c> (every trace when unset).</summary>
    private static string TraceSampling =>
        Environment.GetEnvironmentVariable("Platform__TraceSampleRatio") is { Length: > 0 } ratio
            ? $"a fraction {ratio} of new traces kept (Platform__TraceSampleRatio)"
            : "every trace kept";

    public Uri GatewayUrl => new(Addresses["GATEWAY_URL"].TrimEnd('/') + "/");

    public Uri SimulatorUrl => new(Addresses["JPKI_SIMULATOR_URL"].TrimEnd('/') + "/");

    /// <summary>
    /// Starts <c>run.sh</c> and waits until it reports the platform healthy. <paramref name="settings"/>
    /// are environment variables for the AppHost, such as <c>Platform__Gateway__RateLimits__Window</c>.
    /// </summary>
    public static async Task<PlatformRun> StartAsync(
        string repository, string workFolder, bool build, IReadOnlyDictionary<string, string> settings, TextWriter output)
    {
        var dataDirectory = Path.Combine(workFolder, "data");
        var start = new ProcessStartInfo(Path.Combine(repository, "run.sh")) { WorkingDirectory = repository };
        if (!build)
        {
            start.ArgumentList.Add("--no-build");
        }

        start.Environment["MYNA_DATA_DIR"] = dataDirectory;
        foreach (var variable in new[] { "MYNA_GATEWAY_PORT", "MYNA_SIMULATOR_PORT", "MYNA_DASHBOARD_PORT", "MYNA_OTLP_PORT", "MYNA_RESOURCE_PORT" })
        {
            start.Environment[variable] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var logPath = Path.Combine(workFolder, "run.log");
        await output.WriteLineAsync($"starting ./run.sh{(build ? "" : " --no-build")} (data folder {dataDirectory}, log {logPath})");
        var clock = Stopwatch.StartNew();
        var run = new PlatformRun(ChildProcess.Start(start, logPath), dataDirectory);
        try
        {
            await run.WaitUntilRunningAsync(logPath, clock);
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }

        return run;
    }

    private async Task WaitUntilRunningAsync(string logPath, Stopwatch clock)
    {
        while (clock.Elapsed < StartTimeout)
        {
            var log = File.ReadAllText(logPath);
            if (HealthyPattern().Match(log) is { Success: true } healthy)
            {
                CommandTime = clock.Elapsed;
                HealthyAfterSeconds = int.Parse(healthy.Groups[1].Value, CultureInfo.InvariantCulture);
                AppHostHealthyAfter = ReadAppHostFigure();
                Addresses = ReadAddresses();
                return;
            }

            if (_script.HasExited)
            {
                throw new BenchmarkException($"./run.sh stopped before the platform was running; see {logPath}.");
            }

            await Task.Delay(200);
        }

        throw new BenchmarkException($"./run.sh did not report the platform running within {StartTimeout.TotalMinutes:0} minutes; see {logPath}.");
    }

    private TimeSpan? ReadAppHostFigure()
    {
        var log = Path.Combine(DataDirectory, "logs", "apphost.log");
        var match = File.Exists(log) ? AppHostReadyPattern().Matches(File.ReadAllText(log)).LastOrDefault() : null;
        return match is null ? null : TimeSpan.FromMilliseconds(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private Dictionary<string, string> ReadAddresses() =>
        File.ReadAllLines(Path.Combine(DataDirectory, "platform.env"))
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    /// <summary>
    /// Stops the platform through <c>run.sh</c>'s own stop path, and kills it only if it does not stop
    /// in time. It gets SIGTERM, not SIGINT, because a shell started in the background ignores SIGINT
    /// and cannot trap it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (!_script.HasExited)
        {
            using var signal = Process.Start("kill", ["-TERM", _script.Id.ToString(CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
            if (!await _script.WaitForExitAsync(StopTimeout))
            {
                Console.Error.WriteLine($"./run.sh did not stop within {StopTimeout.TotalSeconds:0} s; killing it and its children.");
            }
        }

        await _script.DisposeAsync();
    }

    /// <summary>Deletes a run's work folder; a file that the stopping platform still holds only leaves the folder behind.</summary>
    public static async Task DeleteWorkFolderAsync(DirectoryInfo workFolder, TextWriter output)
    {
        try
        {
            workFolder.Delete(recursive: true);
        }
        catch (IOException exception)
        {
            await output.WriteLineAsync($"warning: {workFolder.FullName} could not be deleted ({exception.Message}); delete it by hand.");
        }
    }

    [GeneratedRegex(@"healthy after (\d+) s\)")]
    private static partial Regex HealthyPattern();

    [GeneratedRegex(@"are healthy (\d+) ms after the AppHost started")]
    private static partial Regex AppHostReadyPattern();
}
