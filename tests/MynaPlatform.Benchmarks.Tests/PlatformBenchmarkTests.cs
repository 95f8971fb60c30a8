using MynaPlatform.Benchmarks;
using MynaPlatform.Benchmarks.Scenarios;
using Xunit;

namespace MynaPlatform.Benchmarks.Tests;

/// <summary>
/// Smoke runs of the benchmarks that start the whole platform with <c>./run.sh</c>; each fails only
/// when no figures come out, never on a target. Run this project under the shared platform lock.
/// </summary>
public sealed class PlatformBenchmarkTests
{
    [Fact]
    public async Task FootprintBenchmark_ShortRun_PrintsMemoryAndStartTime()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BenchmarkRunner.RunAsync([FootprintScenario.Name, "--duration", "1"], output, error);

        Assert.True(exitCode == 0, $"{error}\n{output}");
        var text = output.ToString();
        Assert.Matches(@"(?m)^Services\s+Identity\s+\d+\s+\d+\.\d\s+\d+\.\d", text);
        Assert.Matches(@"(?m)^Services\s+Gateway\s+\d+\s+\d+\.\d", text);
        Assert.Matches(@"(?m)^Broker\s+beam\.smp\s+\d+\s+\d+\.\d", text);
        Assert.Matches(@"(?m)^Aspire\s+AppHost\s+\d+\s+\d+\.\d", text);
        Assert.Matches(@"(?m)^platform \(services \+ broker\)\s+\d+\s+\d+\.\d", text);
        Assert.Matches(@"healthy after \d+ s'; AppHost start to all healthy \d+\.\d s; whole command .* \d+\.\d s", text);
    }

    [Fact]
    public async Task LoginBenchmark_ShortRun_PrintsRatesLatenciesAndLostCardDelay()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BenchmarkRunner.RunAsync([LoginScenario.Name, "--duration", "2", "--rounds", "1"], output, error);

        Assert.True(exitCode == 0, $"{error}\n{output}");
        var text = output.ToString();
        Assert.Matches(@"maximum: full login \d+\.\d/s \(median\), crypto-only \d+/s", text);
        Assert.Matches(@"waited \d+\.\d s for the machine to settle before the open loop: CPUs \d+ ?% busy", text);
        Assert.Matches(@"open loop at 60 ?% of the maximum .*: \d+ logins, p50 \d+\.\d ms, p99 \d+\.\d ms", text);
        Assert.Matches(@"over 50 ms: \d+ logins, started in \d+ of the \d+ seconds", text);
        Assert.Matches(@"CPU per login: .*total \d+\.\d ms", text);
        Assert.Matches(@"machine over the open loop: CPUs \d+ ?% busy, \d+ ?% stolen", text);
        Assert.Matches(@"lost-card report to the gateway's first 401: \d+ ms", text);
    }

    [Fact]
    public async Task BulkNoticesBenchmark_TinyRun_PrintsRatioDeliveryAndMemory()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BenchmarkRunner.RunAsync([BulkNoticesScenario.Name, "--notices", "200", "--batch-size", "100", "--persons", "2"], output, error);

        Assert.True(exitCode == 0, $"{error}\n{output}");
        var text = output.ToString();
        Assert.Matches(@"raw insert: 200 rows in \d+\.\d s", text);
        Assert.Matches(@"gateway: 200 notices in \d+\.\d s, [\d,]+ notices/s .*ratio to raw insert \d+\.\d{3}", text);
        Assert.Matches(@"every notice in an inbox \d+\.\d s after the first push", text);
        Assert.Matches(@"notices RSS: start \d+ MB, peak \d+ MB", text);
    }

    [Fact]
    public async Task AccessLogBenchmark_TinyRun_PrintsLatenciesAndIngestionRate()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BenchmarkRunner.RunAsync(
            [AccessLogScenario.Name, "--records", "3000", "--person-records", "500", "--chain-records", "700", "--requests", "5", "--warm-up", "5", "--events", "50"], output, error);

        Assert.True(exitCode == 0, $"{error}\n{output}");
        var text = output.ToString();
        Assert.Matches(@"bulk load: 3,000 records in 5 chains", text);
        Assert.Matches(@"the test person's chain verifies: \d+ entries", text);
        Assert.Matches(@"first page .*gateway p50 \d+\.\d\d ms p99 \d+\.\d\d ms, service directly p50 \d+\.\d\d ms p99 \d+\.\d\d ms, raw query p50 \d+\.\d\d ms", text);
        Assert.Matches(@"filtered page .*gateway p50 \d+\.\d\d ms", text);
        Assert.Matches(@"ingestion: 50 PersonDataAccessed events .* [\d,]+ events/s; broker raw publish-and-consume [\d,]+ messages/s", text);
    }
}
