using System.Globalization;
using MynaPlatform.Benchmarks.Scenarios;

namespace MynaPlatform.Benchmarks;

/// <summary>
/// The one entry point of the repository's benchmarks: <c>&lt;scenario&gt; [--duration SECONDS] [--rounds N] [--SIZE N]...</c>.
/// Each scenario measures its baseline in the same run and prints ratios against it. The size options
/// (<see cref="SizeOptions"/>) set how much data the data scenarios make, so that a smoke run stays tiny.
/// </summary>
public static class BenchmarkRunner
{
    private const string Usage = "Usage: <scenario> [--duration SECONDS] [--rounds N] [--SIZE N]";

    /// <summary>Size options of the data scenarios, each a positive whole number; a scenario ignores the ones it does not use.</summary>
    public static readonly IReadOnlyDictionary<string, string> SizeOptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["notices"] = "bulk-notices: notices to push in all",
        ["batch-size"] = "bulk-notices: notices per batch request and per raw transaction",
        ["persons"] = "bulk-notices: enrolled persons who receive the notices in turn",
        ["records"] = "access-log: records to load in all",
        ["person-records"] = "access-log: records of the person whose pages are read",
        ["chain-records"] = "access-log: records of each other person",
        ["requests"] = "access-log: requests per page query and per target",
        ["warm-up"] = "access-log: unmeasured requests per page query and per target before the measured ones",
        ["events"] = "access-log: events per ingestion run",
        ["open-loop-seconds"] = "login: seconds of the open-loop phase, --duration when not given",
    };

    public static readonly IReadOnlyDictionary<string, Func<BenchmarkSettings, TextWriter, Task<IReadOnlyList<Measurement>>>> Scenarios =
        new Dictionary<string, Func<BenchmarkSettings, TextWriter, Task<IReadOnlyList<Measurement>>>>(StringComparer.Ordinal)
        {
            [TokenSigningScenario.Name] = TokenSigningScenario.RunAsync,
            [GatewayScenario.Name] = GatewayScenario.RunAsync,
            [FootprintScenario.Name] = FootprintScenario.RunAsync,
            [LoginScenario.Name] = LoginScenario.RunAsync,
            [BulkNoticesScenario.Name] = BulkNoticesScenario.RunAsync,
            [AccessLogScenario.Name] = AccessLogScenario.RunAsync,
        };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || !Scenarios.TryGetValue(args[0], out var scenario))
        {
            await error.WriteLineAsync($"{Usage}. Scenarios: {string.Join(", ", Scenarios.Keys)}. " +
                $"Sizes: {string.Join("; ", SizeOptions.Select(option => $"--{option.Key} ({option.Value})"))}.");
            return 2;
        }

        var settings = new BenchmarkSettings(TimeSpan.FromSeconds(2), Rounds: 3);
        for (var index = 1; index < args.Length; index += 2)
        {
            var value = index + 1 < args.Length ? args[index + 1] : null;
            switch (args[index])
            {
                case "--duration" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    settings = settings with { Duration = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--duration":
                    await error.WriteLineAsync($"--duration is '{value}'; give the seconds per measurement as a positive number, such as 2 or 0.05.");
                    return 2;
                case "--rounds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) && rounds > 0:
                    settings = settings with { Rounds = rounds };
                    break;
                case "--rounds":
                    await error.WriteLineAsync($"--rounds is '{value}'; give the number of rounds as a positive whole number, such as 3.");
                    return 2;
                case var option when option.StartsWith("--", StringComparison.Ordinal) && SizeOptions.ContainsKey(option[2..]):
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size <= 0)
                    {
                        await error.WriteLineAsync($"{option} is '{value}'; give a positive whole number, such as 100.");
                        return 2;
                    }

                    settings = settings with { Sizes = new Dictionary<string, long>(settings.Sizes, StringComparer.Ordinal) { [option[2..]] = size } };
                    break;
                default:
                    await error.WriteLineAsync($"Unknown option '{args[index]}'. {Usage}");
                    return 2;
            }
        }

        await output.WriteLineAsync(
            $"scenario {args[0]}, {settings.Duration.TotalSeconds:0.###} s per measurement, {settings.Rounds} rounds, " +
            $"{Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
        try
        {
            var measurements = await scenario(settings, output);
            return measurements.Count > 0 ? 0 : 1;
        }
        catch (BenchmarkException exception)
        {
            await error.WriteLineAsync($"The {args[0]} benchmark failed: {exception.Message}");
            return 1;
        }
    }
}

/// <param name="Duration">How long each operation is repeated for one measurement, after a short warm-up.</param>
/// <param name="Rounds">How many times a scenario that alternates between targets measures each one.</param>
public sealed record BenchmarkSettings(TimeSpan Duration, int Rounds)
{
    /// <summary>The size options given on the command line, by name without the leading dashes.</summary>
    public IReadOnlyDictionary<string, long> Sizes { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Returns the size option <paramref name="name"/>, or <paramref name="fallback"/> when it was not given.</summary>
    public long Size(string name, long fallback) => Sizes.TryGetValue(name, out var value) ? value : fallback;
}

/// <summary>One measured operation: how many times it ran and for how long.</summary>
public sealed record Measurement(string Operation, long Count, TimeSpan Elapsed)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public double MicrosecondsEach => Elapsed.TotalMicroseconds / Count;
}
