using MynaPlatform.Benchmarks;
using MynaPlatform.Benchmarks.Scenarios;
using Xunit;

namespace MynaPlatform.Benchmarks.Tests;

/// <summary>A smoke run of the token-signing benchmark: it fails only when no figures come out, never on a target.</summary>
public sealed class TokenSigningBenchmarkTests
{
    [Fact]
    public async Task TokenSigningBenchmark_ShortRun_PrintsFigures()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BenchmarkRunner.RunAsync([TokenSigningScenario.Name, "--duration", "0.02"], output, error);

        Assert.True(exitCode == 0, error.ToString());
        Assert.Matches(@"RS256\s+\d+\s+\d+", output.ToString());
        Assert.Matches(@"ES256\s+\d+\s+\d+", output.ToString());
    }
}
