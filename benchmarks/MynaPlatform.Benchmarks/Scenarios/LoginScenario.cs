using MynaPlatform.Benchmarks.Footprint;
using MynaPlatform.Benchmarks.Login;
using MynaPlatform.Benchmarks.Platform;
using MynaPlatform.Jpki.Revocation;
using MynaPlatform.MynaCard.Platform;
using MynaPlatform.MynaCard.Simulator;

namespace MynaPlatform.Benchmarks.Scenarios;

/// <summary>
/// Full card logins through the gateway of a platform started with <c>./run.sh --no-build</c>
/// against the same login's cryptography alone, alternated in every round; then logins at an
/// open-loop rate of 60% of the maximum, and the delay from a lost-card report to the first
/// rejected request. The gateway's rate limits are raised for the run through the AppHost.
/// </summary>
public static class LoginScenario
{
    public const string Name = "login";

    /// <summary>Concurrent callers of the closed loop; more than the cores, so that some compute while others wait on I/O.</summary>
    private const int Concurrency = 16;

    private const int LoadCards = 8;
    private const double OpenLoopShare = 0.6;
    private const int TargetP99Milliseconds = 50;

    /// <summary>The open loop starts once the CPUs were at most this busy over one second, or after one round's duration.</summary>
    private const double QuietBusyShare = 0.25;
    private const string OpenLoopSecondsOption = "open-loop-seconds";

    /// <summary>AppHost settings of the run: limits high enough never to reject the load generator's address.</summary>
    public static readonly IReadOnlyDictionary<string, string> RateLimitSettings = new Dictionary<string, string>
    {
        ["Platform__Gateway__RateLimits__AnonymousPermitLimit"] = "1000000",
        ["Platform__Gateway__RateLimits__PersonPermitLimit"] = "1000000",
        ["Platform__Gateway__RateLimits__ClientPermitLimit"] = "1000000",
        ["Platform__Gateway__RateLimits__Window"] = "00:00:01",
    };

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkSettings settings, TextWriter output)
    {
        var repository = RepositoryRoot.Find();
        var workFolder = Directory.CreateTempSubdirectory("myna-bench-login-");
        await using var platform = await PlatformRun.StartAsync(repository, workFolder.FullName, build: false, RateLimitSettings, output);
        await output.WriteLineAsync($"load average (1 minute) at start: {ProcessTable.LoadAverage()} on {Environment.ProcessorCount} logical CPUs");
        await output.WriteLineAsync(
            $"settings: {string.Join(", ", RateLimitSettings.Select(setting => $"{setting.Key}={setting.Value}"))}; " +
            $"{PlatformRun.RunDescription}; Development environment; local mode (SQLite)");

        using var simulator = new SimulatorClient(platform.SimulatorUrl);
        using var client = new LoginClient(platform.GatewayUrl);
        var cards = new List<BenchmarkCard>();
        for (var index = 0; index < LoadCards + settings.Rounds; index++)
        {
            cards.Add(await BenchmarkCard.IssueAsync(simulator, CancellationToken.None));
        }

        var loadCards = cards.Take(LoadCards).ToList();
        var logins = new LoginLoad(client, loadCards);
        var revocationUrl = DistributionPoints.Read(loadCards[0].Certificate).FirstOrDefault()
            ?? throw new BenchmarkException("The simulator's login certificate names no CRL distribution point.");
        var revocationList = RevocationList.Parse(await simulator.GetRevocationListAsync(revocationUrl, CancellationToken.None));
        using var cryptoOnly = new CryptoOnlyLogin(loadCards[0], revocationList, platform.GatewayUrl.AbsoluteUri);

        // Warm-up for as long as one round: JIT, connection pools, the identity service's trust anchors and
        // CRL cache. With 3 seconds, the first measured round still ran slower than the later ones.
        await logins.RunClosedLoopAsync(Concurrency, settings.Duration);

        var measurements = new List<Measurement>();
        var ratios = new List<(Measurement Crypto, Measurement Full)>();
        var cpu = new CpuAccount(platform.ScriptProcessId, platform.DataDirectory);
        for (var round = 0; round < settings.Rounds; round++)
        {
            var crypto = cryptoOnly.Measure(settings.Duration);
            var before = cpu.Read();
            var (full, failures) = await logins.RunClosedLoopAsync(Concurrency, settings.Duration);
            cpu.Add(before, cpu.Read());
            await ThrowOnFailures("closed loop", failures, full.Count);
            ratios.Add((crypto, full));
            measurements.AddRange([crypto, full]);
            await output.WriteLineAsync(
                $"  round {round + 1}: crypto-only {crypto.PerSecond,8:0}/s ({crypto.PerSecond / Environment.ProcessorCount:0}/s per core)  " +
                $"full login {full.PerSecond,7:0.0}/s with {Concurrency} callers  ratio {full.PerSecond / crypto.PerSecond:0.000}");
        }

        var cryptoRate = Median(ratios.Select(pair => pair.Crypto.PerSecond));
        var maximum = Median(ratios.Select(pair => pair.Full.PerSecond));
        if (maximum <= 0)
        {
            throw new BenchmarkException("No login completed in the closed loop; give a longer --duration or see the platform's logs.");
        }

        await output.WriteLineAsync(
            $"maximum: full login {maximum:0.0}/s (median), crypto-only {cryptoRate:0}/s (median); ratio {maximum / cryptoRate:0.000} (target: at least 0.30)");
        await output.WriteLineAsync($"CPU per login in the closed loop: {cpu.PerOperation(ratios.Sum(pair => pair.Full.Count))}");

        // A p99 of a few hundred logins is one of the slowest few, so a longer open loop gives a steadier figure.
        var openRate = maximum * OpenLoopShare;
        var openDuration = settings.Sizes.TryGetValue(OpenLoopSecondsOption, out var openSeconds) ? TimeSpan.FromSeconds(openSeconds) : settings.Duration;

        // The closed loop leaves work behind (the dashboard still ingests its telemetry), which would
        // otherwise count against the open loop's logins.
        var (settled, waited) = await MachineCpuSampler.WaitForQuietAsync(QuietBusyShare, settings.Duration);
        await output.WriteLineAsync($"waited {waited.TotalSeconds:0.0} s for the machine to settle before the open loop: {settled}");

        var openLoopCpu = new CpuAccount(platform.ScriptProcessId, platform.DataDirectory);
        OpenLoopResult open;
        SlowLogins slow;
        CpuWindow openCpu, worstSecondCpu;
        await using (var machine = new MachineCpuSampler(TimeSpan.FromMilliseconds(250)))
        {
            var beforeOpenLoop = openLoopCpu.Read();
            open = await logins.RunOpenLoopAsync(openRate, openDuration);
            openLoopCpu.Add(beforeOpenLoop, openLoopCpu.Read());

            slow = open.Over(TargetP99Milliseconds);
            var worstSecond = TimeSpan.FromSeconds(slow.WorstSecond);
            openCpu = machine.Window(TimeSpan.Zero, open.Elapsed);
            worstSecondCpu = machine.Window(worstSecond, worstSecond + TimeSpan.FromSeconds(1));
        }

        await ThrowOnFailures("open loop", open.Failures, open.Logins.Count);
        await output.WriteLineAsync(
            $"open loop at {OpenLoopShare:P0} of the maximum ({openRate:0.0}/s) for {openDuration.TotalSeconds:0.#} s: {open.Logins.Count} logins, " +
            $"p50 {open.Percentile(0.50):0.0} ms, p99 {open.Percentile(0.99):0.0} ms, max {open.LatencyMilliseconds.DefaultIfEmpty(double.NaN).Max():0.0} ms (target: p99 under {TargetP99Milliseconds} ms)");
        await output.WriteLineAsync(
            $"  over {TargetP99Milliseconds} ms: {slow.Count} logins, started in {slow.Seconds} of the {slow.TotalSeconds} seconds; " +
            $"most in the second from {slow.WorstSecond} s ({slow.WorstSecondCount})");
        await output.WriteLineAsync($"  CPU per login: {openLoopCpu.PerOperation(open.Logins.Count)}");
        await output.WriteLineAsync($"  machine over the open loop: {openCpu}; in the second from {slow.WorstSecond} s: {worstSecondCpu}");
        measurements.Add(new Measurement("full login (open loop)", open.Logins.Count, open.Elapsed));

        var delays = new List<TimeSpan>();
        foreach (var card in cards.Skip(LoadCards))
        {
            delays.Add(await LostCardDelay.MeasureAsync(logins, client, platform.GatewayUrl, card));
        }

        await output.WriteLineAsync(
            $"lost-card report to the gateway's first 401: {string.Join(", ", delays.Select(delay => $"{delay.TotalMilliseconds:0} ms"))} " +
            $"(median {Median(delays.Select(delay => delay.TotalMilliseconds)):0} ms)");
        measurements.AddRange(delays.Select(delay => new Measurement("lost-card report to rejection", 1, delay)));

        cards.ForEach(card => card.Dispose());
        await platform.DisposeAsync();
        await PlatformRun.DeleteWorkFolderAsync(workFolder, output);
        return measurements;
    }

    private static async Task ThrowOnFailures(string phase, LoadFailures failures, long succeeded)
    {
        if (failures.Count == 0)
        {
            return;
        }

        // A few failures still give a figure; more mean the platform was not serving logins.
        var message = $"{phase}: {failures.Count} logins failed beside {succeeded} that succeeded; first: {failures.First}";
        if (failures.Count * 100 > succeeded)
        {
            throw new BenchmarkException(message);
        }

        await Console.Error.WriteLineAsync("warning: " + message);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
