using System.Diagnostics;
using System.Globalization;

namespace MynaPlatform.Benchmarks.Platform;

/// <summary>
/// One reading of the machine's CPU counters: the jiffies of every CPU from the first line of
/// <c>/proc/stat</c> and the microseconds in which some task waited for a CPU
/// (<c>/proc/pressure/cpu</c>, absent on kernels without pressure stall information).
/// </summary>
public sealed record CpuReading(TimeSpan Elapsed, long Busy, long Idle, long Steal, long? PressureMicroseconds)
{
    /// <summary>Parses the aggregate <c>cpu</c> line of /proc/stat and the <c>some</c> line of /proc/pressure/cpu.</summary>
    public static CpuReading Parse(TimeSpan elapsed, string statLine, string? pressure)
    {
        // cpu user nice system idle iowait irq softirq steal guest guest_nice
        var fields = statLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            throw new BenchmarkException($"The first line of /proc/stat is not the aggregate cpu line: {statLine}");
        }

        long Field(int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);
        var idle = Field(4) + Field(5);
        return new CpuReading(elapsed, busy, idle, Field(8), PressureTotal(pressure));
    }

    private static long? PressureTotal(string? pressure)
    {
        var some = pressure?.Split('\n').FirstOrDefault(line => line.StartsWith("some ", StringComparison.Ordinal));
        var total = some?.Split(' ').FirstOrDefault(field => field.StartsWith("total=", StringComparison.Ordinal));
        return total is null ? null : long.Parse(total["total=".Length..], CultureInfo.InvariantCulture);
    }
}

/// <summary>What the machine's CPUs did between two readings.</summary>
/// <param name="BusyShare">Share of the CPUs' time spent running anything (user, system, interrupts).</param>
/// <param name="StealShare">Share taken by the hypervisor for other guests.</param>
/// <param name="PressureMillisecondsPerSecond">Milliseconds per second in which some task waited for a CPU; null without pressure information.</param>
public sealed record CpuWindow(double BusyShare, double StealShare, double? PressureMillisecondsPerSecond)
{
    public static CpuWindow Between(CpuReading first, CpuReading last)
    {
        var busy = last.Busy - first.Busy;
        var steal = last.Steal - first.Steal;
        var all = busy + (last.Idle - first.Idle) + steal;
        var seconds = (last.Elapsed - first.Elapsed).TotalSeconds;
        double? pressure = first.PressureMicroseconds is { } from && last.PressureMicroseconds is { } to && seconds > 0
            ? (to - from) / 1000.0 / seconds
            : null;
        return all <= 0 ? new CpuWindow(0, 0, pressure) : new CpuWindow((double)busy / all, (double)steal / all, pressure);
    }

    public override string ToString() =>
        $"CPUs {BusyShare:P0} busy, {StealShare:P0} stolen" +
        (PressureMillisecondsPerSecond is { } pressure ? $", tasks waiting for a CPU {pressure:0} ms/s" : "");
}

/// <summary>
/// Reads the machine's CPU counters at a fixed interval in the background, so that a slow stretch
/// of a load phase can be set beside what the CPUs did meanwhile.
/// </summary>
public sealed class MachineCpuSampler : IAsyncDisposable
{
    private const string PressurePath = "/proc/pressure/cpu";

    private readonly List<CpuReading> _readings = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    public MachineCpuSampler(TimeSpan interval)
    {
        Sample();
        _loop = PeriodicSampling.Start(interval, Sample, _stop.Token);
    }

    /// <summary>
    /// Waits until the CPUs were at most <paramref name="maximumBusyShare"/> busy over one second, or
    /// until <paramref name="limit"/> has passed, and returns the last second's figures and the time waited.
    /// </summary>
    public static async Task<(CpuWindow LastSecond, TimeSpan Waited)> WaitForQuietAsync(double maximumBusyShare, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var first = Read(clock.Elapsed);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var window = CpuWindow.Between(first, Read(clock.Elapsed));
            if (window.BusyShare <= maximumBusyShare || clock.Elapsed >= limit)
            {
                return (window, clock.Elapsed);
            }
        }
    }

    /// <summary>Returns what the CPUs did from <paramref name="from"/> to <paramref name="to"/> after sampling started, between the nearest readings.</summary>
    public CpuWindow Window(TimeSpan from, TimeSpan to)
    {
        lock (_readings)
        {
            var first = _readings.LastOrDefault(reading => reading.Elapsed <= from) ?? _readings[0];
            var last = _readings.FirstOrDefault(reading => reading.Elapsed >= to) ?? _readings[^1];
            return CpuWindow.Between(first, last);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Sample();
        _stop.Dispose();
    }

    private static CpuReading Read(TimeSpan elapsed)
    {
        var statLine = File.ReadLines("/proc/stat").First();
        var pressure = File.Exists(PressurePath) ? File.ReadAllText(PressurePath) : null;
        return CpuReading.Parse(elapsed, statLine, pressure);
    }

    private void Sample()
    {
        var reading = Read(_clock.Elapsed);
        lock (_readings)
        {
            _readings.Add(reading);
        }
    }
}
