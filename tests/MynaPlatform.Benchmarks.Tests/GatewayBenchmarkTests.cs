using MynaPlatform.Benchmarks;
using MynaPlatform.Benchmarks.Http;
using MynaPlatform.Benchmarks.Scenarios;
using Xunit;

namespace MynaPlatform.Benchmarks.Tests;

/// <summary>A smoke run of the gateway benchmark: it fails only when no figures come out, never on a target.</summary>
public sealed class GatewayBenchmarkTests
{
    [Fact]
    public async Task GatewayBenchmark_ShortRun_PrintsEveryTarget()
    {
        if (!File.Exists("/usr/bin/wrk") || !File.Exists("/usr/sbin/nginx"))
        {
            Assert.Skip("wrk or nginx is missing; scripts/prerequisites.sh --tests installs both (Debian packages).");
        }

        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BenchmarkRunner.RunAsync([GatewayScenario.Name, "--duration", "1", "--rounds", "1"], output, error);

        Assert.True(exitCode == 0, error.ToString());
        foreach (var target in new[] { "direct", "gateway", "gateway\\+token", "nginx" })
        {
            Assert.Matches($@"(?m)^{target}\s+\d+\s+\d+\.\d\d", output.ToString());
        }
    }

    [Fact]
    public void Parse_WrkSummary_ReadsRateAndPercentiles()
    {
        const string summary = """
            Running 1s test @ http://127.0.0.1:5000/api/bench/open/ping
              2 threads and 32 connections
              Latency Distribution
                 50%  391.00us
                 75%  600.00us
                 90%    1.20ms
                 99%    2.50ms
              24000 requests in 1.00s, 3.00MB read
            Requests/sec:  24012.50
            Transfer/sec:      3.00MB
            """;

        var result = WrkRun.Parse("direct", summary);

        Assert.Equal(24012.50, result.RequestsPerSecond);
        Assert.Equal(391, result.P50Microseconds);
        Assert.Equal(2500, result.P99Microseconds);
    }

    [Fact]
    public void Parse_NonSuccessResponses_IsAnError()
    {
        const string summary = """
                 50%  391.00us
                 99%    2.50ms
              24000 requests in 1.00s, 3.00MB read
              Non-2xx or 3xx responses: 120
            Requests/sec:  24012.50
            """;

        var failure = Assert.Throws<BenchmarkException>(() => WrkRun.Parse("gateway", summary));

        Assert.Contains("120", failure.Message);
    }
}
