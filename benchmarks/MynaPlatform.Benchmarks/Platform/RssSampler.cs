using System.Diagnostics;
using System.Globalization;
using MynaPlatform.Benchmarks.Footprint;

namespace MynaPlatform.Benchmarks.Platform;

/// <summary>One reading of a process's resident set size, with the time since sampling started.</summary>
public sealed record RssSample(TimeSpan Elapsed, long Kilobytes);

/// <summary>
/// Reads one platform service's resident set size (<c>VmRSS</c> in <c>/proc/PID/status</c>) at a
/// fixed interval in the background, until it is disposed.
/// </summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly int _processId;
    private readonly List<RssSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private RssSampler(int processId, TimeSpan interval)
    {
        _processId = processId;
        Sample();
        _loop = PeriodicSampling.Start(interval, () => Sample(), _stop.Token);
    }

    public int ProcessId => _processId;

    /// <summary>Finds the service by its short name (such as "Notices") among the run's processes and starts sampling it.</summary>
    public static RssSampler Start(PlatformRun platform, string serviceName, TimeSpan interval)
    {
        var service = PlatformProcesses.Find(ProcessTable.Read(), platform.ScriptProcessId, platform.DataDirectory)
            .FirstOrDefault(process => process.Group == ProcessGroup.Services && process.Name == serviceName)
            ?? throw new BenchmarkException($"No {serviceName} process was found among the platform's processes.");
        return new RssSampler(service.Process.Id, interval);
    }

    /// <summary>Returns a copy of the samples taken so far, oldest first.</summary>
    public IReadOnlyList<RssSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Takes one sample now, beside the periodic ones, so that a phase boundary has its own reading.</summary>
    public RssSample Sample()
    {
        var sample = new RssSample(_clock.Elapsed, ReadRssKilobytes(_processId));
        lock (_samples)
        {
            _samples.Add(sample);
        }

        return sample;
    }

    private static long ReadRssKilobytes(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(text => text.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // The process has ended; its size counts as 0 so that the report shows the gap.
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
    }
}
