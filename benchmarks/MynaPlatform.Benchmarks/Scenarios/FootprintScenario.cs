using System.Diagnostics;
using System.Globalization;
using MynaPlatform.Benchmarks.Footprint;
using MynaPlatform.Benchmarks.Http;
using MynaPlatform.Benchmarks.Platform;

namespace MynaPlatform.Benchmarks.Scenarios;

/// <summary>
/// Starts the whole platform with <c>./run.sh</c> (build step included, as a user runs it), records
/// how long it took to be healthy, lets it idle for the measurement duration and then reads the
/// memory of every process of the run: the platform's own processes apart from the AppHost, DCP,
/// the dashboard and the <c>dotnet run</c> wrappers. The baseline is a minimal Kestrel process
/// (one endpoint, no telemetry) that the benchmark starts beside it.
/// </summary>
public static class FootprintScenario
{
    public const string Name = "footprint";

    private const double Megabyte = 1024;

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkSettings settings, TextWriter output)
    {
        var repository = RepositoryRoot.Find();
        var workFolder = Directory.CreateTempSubdirectory("myna-bench-footprint-");
        await using var baseline = await StartBaselineAsync(workFolder.FullName);

        IReadOnlyList<PlatformProcess> processes;
        TimeSpan commandTime, appHostHealthyAfter;
        int healthyAfterSeconds;
        await using (var platform = await PlatformRun.StartAsync(repository, workFolder.FullName, build: true, new Dictionary<string, string>(), output))
        {
            commandTime = platform.CommandTime;
            healthyAfterSeconds = platform.HealthyAfterSeconds;
            appHostHealthyAfter = platform.AppHostHealthyAfter ?? TimeSpan.Zero;
            await output.WriteLineAsync($"healthy; idling {settings.Duration.TotalSeconds:0.#} s before reading memory");
            await Task.Delay(settings.Duration);

            await output.WriteLineAsync($"load average (1 minute) before reading memory: {ProcessTable.LoadAverage()} on {Environment.ProcessorCount} logical CPUs");
            var table = ProcessTable.Read();
            processes = PlatformProcesses.Find(table, platform.ScriptProcessId, platform.DataDirectory);
            var baselineProcess = table.Single(process => process.Id == baseline.Id);
            await Report(processes, baselineProcess, File.ReadAllText(baseline.LogPath).Trim(), output);
        }

        await output.WriteLineAsync(
            $"start: ./run.sh printed 'healthy after {healthyAfterSeconds} s'; AppHost start to all healthy {appHostHealthyAfter.TotalSeconds:0.0} s; " +
            $"whole command (prerequisites check, build, start) {commandTime.TotalSeconds:0.0} s (target: all healthy within 60 s)");
        await ReportLeftovers(processes, output);
        await PlatformRun.DeleteWorkFolderAsync(workFolder, output);

        return
        [
            new Measurement("AppHost start to all healthy", 1, appHostHealthyAfter),
            new Measurement("./run.sh to all healthy", 1, commandTime),
        ];
    }

    private static async Task<ChildProcess> StartBaselineAsync(string workFolder)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(typeof(FootprintScenario).Assembly.Location);
        start.ArgumentList.Add(SmallEndpointServer.ProcessArgument);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var baseline = ChildProcess.Start(start, Path.Combine(workFolder, "baseline.log"));
        await baseline.WaitUntilServingAsync(new Uri($"http://127.0.0.1:{port}{SmallEndpointServer.RoutePrefix}/ping"), null, TimeSpan.FromSeconds(60));
        using var client = new HttpClient();
        for (var request = 0; request < 100; request++)
        {
            // A few requests load the request path, as the services have served their health checks.
            await client.GetStringAsync($"http://127.0.0.1:{port}{SmallEndpointServer.RoutePrefix}/ping");
        }

        return baseline;
    }

    private static async Task Report(IReadOnlyList<PlatformProcess> processes, ProcessInfo baseline, string baselineDescription, TextWriter output)
    {
        await output.WriteLineAsync($"baseline: minimal Kestrel process, {baselineDescription}: PSS {baseline.PssKilobytes / Megabyte:0.0} MB, RSS {baseline.RssKilobytes / Megabyte:0.0} MB");
        await output.WriteLineAsync("group     process                                   pid     PSS MB   RSS MB  PSS/baseline  RSS/baseline");
        foreach (var entry in processes.OrderBy(entry => entry.Group).ThenBy(entry => entry.Name, StringComparer.Ordinal))
        {
            var process = entry.Process;
            await output.WriteLineAsync(
                $"{entry.Group,-8}  {entry.Name,-40}  {process.Id,6}  {process.PssKilobytes / Megabyte,7:0.0}  {process.RssKilobytes / Megabyte,7:0.0}" +
                $"  {(double)process.PssKilobytes / baseline.PssKilobytes,12:0.00}  {(double)process.RssKilobytes / baseline.RssKilobytes,12:0.00}");
        }

        await output.WriteLineAsync("group     processes   PSS MB   RSS MB  PSS/baseline");
        foreach (var group in processes.GroupBy(entry => entry.Group).OrderBy(group => group.Key))
        {
            await WriteSum(group.Key.ToString(), [.. group], baseline, output);
        }

        var platformOwn = processes.Where(entry => entry.Group is ProcessGroup.Services or ProcessGroup.Broker).ToList();
        await WriteSum("platform (services + broker)", platformOwn, baseline, output);
        await WriteSum("everything", processes, baseline, output);

        var largest = processes.Where(entry => entry.Group == ProcessGroup.Services).MaxBy(entry => entry.Process.PssKilobytes);
        if (largest is not null)
        {
            await output.WriteLineAsync(
                $"targets: platform {platformOwn.Sum(entry => entry.Process.PssKilobytes) / Megabyte:0} MB PSS of at most 1536 MB; " +
                $"largest service {largest.Name} {largest.Process.PssKilobytes / Megabyte:0} MB PSS ({largest.Process.RssKilobytes / Megabyte:0} MB RSS) of at most 150 MB");
        }
    }

    private static async Task WriteSum(string label, IReadOnlyList<PlatformProcess> entries, ProcessInfo baseline, TextWriter output)
    {
        var pss = entries.Sum(entry => entry.Process.PssKilobytes);
        var rss = entries.Sum(entry => entry.Process.RssKilobytes);
        await output.WriteLineAsync($"{label,-28}  {entries.Count,3}  {pss / Megabyte,7:0.0}  {rss / Megabyte,7:0.0}  {(double)pss / baseline.PssKilobytes,12:0.00}");
    }

    /// <summary>
    /// Waits for the processes of the run to end after <c>run.sh</c> stopped (DCP's controllers end a
    /// few seconds after it), then reports and stops any that still run; the benchmark started them.
    /// </summary>
    private static async Task ReportLeftovers(IReadOnlyList<PlatformProcess> processes, TextWriter output)
    {
        var watched = processes.Where(entry => entry.Group != ProcessGroup.Other).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<PlatformProcess> leftovers;
        do
        {
            await Task.Delay(500);
            var running = ProcessTable.Read().ToDictionary(process => process.Id);

            // A process id counts as the same process only while its command line is unchanged.
            leftovers = [.. watched.Where(entry => running.TryGetValue(entry.Process.Id, out var now) && now.CommandText == entry.Process.CommandText)];
        }
        while (leftovers.Count > 0 && DateTime.UtcNow < deadline);

        foreach (var leftover in leftovers)
        {
            await output.WriteLineAsync($"warning: {leftover.Name} (pid {leftover.Process.Id}) still ran after ./run.sh stopped; stopping it");
            try
            {
                using var process = Process.GetProcessById(leftover.Process.Id);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // It stopped in the meantime.
            }
        }
    }
}
