using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MynaPlatform.Benchmarks.Http;

/// <summary>Result of one wrk run: throughput, the median and 99th percentile latencies, and the requests completed (0 when wrk did not print the count).</summary>
public sealed record WrkResult(string Target, double RequestsPerSecond, double P50Microseconds, double P99Microseconds, long Requests = 0);

/// <summary>Runs wrk (the Debian package) against one URL and reads its summary.</summary>
public static partial class WrkRun
{
    public static async Task<WrkResult> RunAsync(
        string target, Uri url, TimeSpan duration, int connections, string? authorization, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add($"-t{Math.Min(Environment.ProcessorCount, connections)}");
        start.ArgumentList.Add($"-c{connections}");
        start.ArgumentList.Add($"-d{Math.Max(1, (int)Math.Round(duration.TotalSeconds))}s");
        start.ArgumentList.Add("--latency");
        if (authorization is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Authorization: {authorization}");
        }

        start.ArgumentList.Add(url.AbsoluteUri);

        using var process = Process.Start(start) ?? throw new BenchmarkException("wrk could not be started.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BenchmarkException($"wrk failed for {target} with exit code {process.ExitCode}: {error.Trim()}");
        }

        return Parse(target, output);
    }

    /// <summary>Reads wrk's summary; a run with failed connections or non-2xx responses is an error, not a figure.</summary>
    public static WrkResult Parse(string target, string output)
    {
        if (NonSuccessPattern().Match(output) is { Success: true } nonSuccess)
        {
            throw new BenchmarkException($"{target}: {nonSuccess.Groups[1].Value} responses were not 2xx or 3xx, so the figures are not comparable.");
        }

        var requests = RequestCountPattern().Match(output);
        if (SocketErrorPattern().Match(output) is { Success: true } socketErrors && requests.Success)
        {
            // A few read errors when wrk closes its connections at the end are normal; more mean a broken target.
            var errorCount = socketErrors.Groups[1].Value.Split(',').Sum(part => int.Parse(part.Trim().Split(' ')[^1], CultureInfo.InvariantCulture));
            if (errorCount > long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture) / 1000)
            {
                throw new BenchmarkException($"{target}: wrk reported socket errors ({socketErrors.Groups[1].Value.Trim()}).");
            }
        }

        var rate = RatePattern().Match(output);
        if (!rate.Success)
        {
            throw new BenchmarkException($"{target}: wrk's output has no Requests/sec line:\n{output}");
        }

        return new WrkResult(
            target,
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%", target),
            Percentile(output, "99%", target),
            requests.Success ? long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    private static double Percentile(string output, string percentile, string target)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new BenchmarkException($"{target}: wrk's output has no {percentile} latency line.");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value,
            "ms" => value * 1_000,
            _ => value * 1_000_000,
        };
    }

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessPattern();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestCountPattern();

    [GeneratedRegex(@"Socket errors:([^\n]+)")]
    private static partial Regex SocketErrorPattern();
}
