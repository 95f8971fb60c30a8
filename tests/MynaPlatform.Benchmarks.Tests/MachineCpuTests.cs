using MynaPlatform.Benchmarks.Platform;
using Xunit;

namespace MynaPlatform.Benchmarks.Tests;

public sealed class MachineCpuTests
{
    private const string Pressure = "some avg10=1.00 avg60=2.00 avg300=3.00 total=5000000\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n";

    [Fact]
    public void Parse_StatAndPressure_SumsCounters()
    {
        var reading = CpuReading.Parse(TimeSpan.Zero, "cpu  100 5 20 300 7 1 2 9 0 0", Pressure);

        Assert.Equal(100 + 5 + 20 + 1 + 2, reading.Busy);
        Assert.Equal(300 + 7, reading.Idle);
        Assert.Equal(9, reading.Steal);
        Assert.Equal(5_000_000, reading.PressureMicroseconds);
    }

    [Fact]
    public void Parse_NoPressureFile_LeavesPressureOut()
    {
        var reading = CpuReading.Parse(TimeSpan.Zero, "cpu  1 0 1 10 0 0 0 0 0 0", pressure: null);

        Assert.Null(reading.PressureMicroseconds);
        Assert.DoesNotContain("waiting", CpuWindow.Between(reading, reading with { Elapsed = TimeSpan.FromSeconds(1) }).ToString());
    }

    [Fact]
    public void Parse_NotTheAggregateLine_Throws()
    {
        Assert.Throws<BenchmarkException>(() => CpuReading.Parse(TimeSpan.Zero, "cpu0 1 0 1 10 0 0 0 0", null));
    }

    [Fact]
    public void Between_TwoReadings_GivesShares()
    {
        var first = new CpuReading(TimeSpan.FromSeconds(1), Busy: 1000, Idle: 1000, Steal: 0, PressureMicroseconds: 1_000_000);
        var last = new CpuReading(TimeSpan.FromSeconds(3), Busy: 1300, Idle: 1080, Steal: 20, PressureMicroseconds: 1_400_000);

        var window = CpuWindow.Between(first, last);

        Assert.Equal(0.75, window.BusyShare, 3);
        Assert.Equal(0.05, window.StealShare, 3);
        Assert.Equal(200, window.PressureMillisecondsPerSecond!.Value, 3);
    }

    [Fact]
    public async Task WaitForQuiet_NeverQuiet_StopsAtLimit()
    {
        var limit = TimeSpan.FromSeconds(2);

        var (_, waited) = await MachineCpuSampler.WaitForQuietAsync(maximumBusyShare: -1, limit);

        Assert.True(waited >= limit, $"waited {waited}");
    }

    [Fact]
    public async Task WaitForQuiet_AnyLoad_StopsAtOnce()
    {
        var (lastSecond, waited) = await MachineCpuSampler.WaitForQuietAsync(maximumBusyShare: 1, TimeSpan.FromSeconds(30));

        Assert.True(waited < TimeSpan.FromSeconds(30), $"waited {waited}");
        Assert.InRange(lastSecond.BusyShare, 0, 1);
    }
}
