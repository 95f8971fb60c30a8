using System.Globalization;
using MynaPlatform.Benchmarks.Scenarios;

namespace MynaPlatform.Benchmarks;

/// <summary>
/// The one entry point of the repository's benchmarks: <c>&lt;scenario&gt; [--duration SECONDS]</c>.
/// Each scenario measures its baseline in the same run and prints ratios against it.
/// </summary>
public static class BenchmarkRunner
{
    public static readonly IReadOnlyDictionary<string, Func<BenchmarkSettings, TextWriter, Task<IReadOnlyList<Measurement>>>> Scenarios =
        new Dictionary<string, Func<BenchmarkSettings, TextWriter, Task<IReadOnlyList<Measurement>>>>(StringComparer.Ordinal)
        {
            [TokenSigningScenario.Name] = TokenSigningScenario.RunAsync,
        };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || !Scenarios.TryGetValue(args[0], out var scenario))
        {
            await error.WriteLineAsync($"Usage: <scenario> [--duration SECONDS]. Scenarios: {string.Join(", ", Scenarios.Keys)}.");
            return 2;
        }

        var duration = TimeSpan.FromSeconds(2);
        if (args.Length == 3 && args[1] == "--duration")
        {
            if (!double.TryParse(args[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            {
                await error.WriteLineAsync($"--duration is '{args[2]}'; give the seconds per measurement as a positive number, such as 2 or 0.05.");
                return 2;
            }

            duration = TimeSpan.FromSeconds(seconds);
        }
        else if (args.Length != 1)
        {
            await error.WriteLineAsync("Usage: <scenario> [--duration SECONDS]");
            return 2;
        }

        await output.WriteLineAsync($"scenario {args[0]}, {duration.TotalSeconds:0.###} s per measurement, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
        var measurements = await scenario(new BenchmarkSettings(duration), output);
        return measurements.Count > 0 ? 0 : 1;
    }
}

/// <param name="Duration">How long each operation is repeated for one measurement, after a short warm-up.</param>
public sealed record BenchmarkSettings(TimeSpan Duration);

/// <summary>One measured operation: how many times it ran and for how long.</summary>
public sealed record Measurement(string Operation, long Count, TimeSpan Elapsed)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public double MicrosecondsEach => Elapsed.TotalMicroseconds / Count;
}
