using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Benchmarks.Footprint;
using MynaPlatform.Benchmarks.Http;

namespace MynaPlatform.Benchmarks.Scenarios;

/// <summary>
/// The same small endpoint measured directly (the baseline), through the gateway as a plain proxy,
/// through the gateway with token validation, and through nginx as a plain proxy, with wrk. Each
/// target gets one uncounted warm-up run, then runs alternate between the targets in every round,
/// and the medians over the rounds are reported. Beside throughput, each run records the CPU time
/// per request of the server that wrk calls, which varies less than throughput on a shared machine.
/// </summary>
public static class GatewayScenario
{
    public const string Name = "gateway";

    private const int Connections = 32;
    private const string KeyId = "benchmark";
    private const string Audience = "bench";
    private const string OpenPath = SmallEndpointServer.RoutePrefix + "/open/ping";
    private const string SecurePath = SmallEndpointServer.RoutePrefix + "/secure/ping";

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkSettings settings, TextWriter output)
    {
        var repository = RepositoryRoot.Find();
        var workFolder = Directory.CreateTempSubdirectory("myna-bench-gateway-");
        using var rsa = RSA.Create(2048);

        await using var backend = await SmallEndpointServer.StartAsync(rsa.ExportParameters(false), KeyId);
        var gatewayPort = FreePort.Next();
        var issuer = $"http://127.0.0.1:{gatewayPort}/";
        var token = new JsonWebTokenHandler().CreateToken(BenchmarkTokens.Describe(
            new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256), issuer, Audience));
        var authorization = $"Bearer {token}";

        await using var gateway = StartGateway(repository, workFolder.FullName, gatewayPort, backend.Address);
        var gatewayAddress = new Uri(issuer);
        await gateway.WaitUntilServingAsync(new Uri(gatewayAddress, SecurePath), authorization, TimeSpan.FromSeconds(60));

        var nginxPort = FreePort.Next();
        await using var nginx = StartNginx(repository, workFolder.FullName, nginxPort, backend.Address);
        var nginxAddress = new Uri($"http://127.0.0.1:{nginxPort}/");
        await nginx.WaitUntilServingAsync(new Uri(nginxAddress, OpenPath), null, TimeSpan.FromSeconds(20));

        // The CPU time of the server wrk calls: the benchmark's own process for the direct endpoint.
        var nginxProcesses = ProcessCpu.WithChildren(nginx.Id);
        var targets = new Target[]
        {
            new("direct", new Uri(backend.Address, OpenPath), null, () => Process.GetCurrentProcess().TotalProcessorTime),
            new("gateway", new Uri(gatewayAddress, OpenPath), null, () => ProcessCpu.Read([gateway.Id])),
            new("gateway+token", new Uri(gatewayAddress, SecurePath), authorization, () => ProcessCpu.Read([gateway.Id])),
            new("nginx", new Uri(nginxAddress, OpenPath), null, () => ProcessCpu.Read(nginxProcesses)),
        };

        await output.WriteLineAsync(
            $"wrk: {Connections} connections, {settings.Duration.TotalSeconds:0.#} s per run, {settings.Rounds} rounds, targets alternated; " +
            $"gateway with {(ServerGarbageCollection ? "server" : "workstation")} garbage collection; load average {ProcessTable.LoadAverage()} at the start");

        // The first requests to a fresh gateway pay for JIT compilation, which nginx does not have.
        foreach (var target in targets)
        {
            var warmUp = await WrkRun.RunAsync(target.Name, target.Url, settings.Duration, Connections, target.Authorization, CancellationToken.None);
            await output.WriteLineAsync($"  warm-up {target.Name,-14} {warmUp.RequestsPerSecond,10:0} req/s (not counted)");
        }

        var runs = new List<TargetRun>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Rotating the order spreads the machine's drift over every target.
            foreach (var target in targets.Skip(round % targets.Length).Concat(targets.Take(round % targets.Length)))
            {
                var run = await MeasureAsync(target, settings.Duration);
                runs.Add(run);
                await output.WriteLineAsync(
                    $"  round {round + 1} {target.Name,-14} {run.Wrk.RequestsPerSecond,10:0} req/s  p50 {run.Wrk.P50Microseconds,8:0} µs" +
                    $"  p99 {run.Wrk.P99Microseconds,8:0} µs  cpu {run.CpuMicrosecondsPerRequest,6:0.0} µs/req");
            }
        }

        var medians = targets.Select(target => Median(target.Name, runs.Where(run => run.Wrk.Target == target.Name).ToList())).ToList();
        await Report(medians, output);
        await output.WriteLineAsync($"load average {ProcessTable.LoadAverage()} at the end");
        workFolder.Delete(recursive: true);

        return [.. runs.Select(run => new Measurement(run.Wrk.Target, (long)run.Wrk.RequestsPerSecond, TimeSpan.FromSeconds(1)))];
    }

    /// <summary>
    /// True when <c>Platform__ServerGarbageCollection=true</c> is set, as for the AppHost: then the
    /// gateway runs with server garbage collection, otherwise with workstation garbage collection
    /// as the platform launches it.
    /// </summary>
    private static bool ServerGarbageCollection =>
        string.Equals(Environment.GetEnvironmentVariable("Platform__ServerGarbageCollection"), "true", StringComparison.OrdinalIgnoreCase);

    private static async Task<TargetRun> MeasureAsync(Target target, TimeSpan duration)
    {
        var cpuBefore = target.ReadCpu();
        var wrk = await WrkRun.RunAsync(target.Name, target.Url, duration, Connections, target.Authorization, CancellationToken.None);
        var cpu = target.ReadCpu() - cpuBefore;

        var requests = wrk.Requests > 0 ? wrk.Requests : wrk.RequestsPerSecond * duration.TotalSeconds;
        return new TargetRun(wrk, cpu.TotalMicroseconds / Math.Max(1, requests));
    }

    private static async Task Report(IReadOnlyList<TargetRun> medians, TextWriter output)
    {
        var direct = medians.Single(result => result.Wrk.Target == "direct").Wrk;
        var nginx = medians.Single(result => result.Wrk.Target == "nginx");
        var plain = medians.Single(result => result.Wrk.Target == "gateway");
        var secure = medians.Single(result => result.Wrk.Target == "gateway+token");

        await output.WriteLineAsync("target          req/s (median)  vs direct  vs nginx  p50 µs  p50 +µs vs direct  p99 µs  cpu µs/req  cpu vs nginx");
        foreach (var (result, cpu) in medians)
        {
            await output.WriteLineAsync(
                $"{result.Target,-14}  {result.RequestsPerSecond,14:0}  {result.RequestsPerSecond / direct.RequestsPerSecond,9:0.00}" +
                $"  {result.RequestsPerSecond / nginx.Wrk.RequestsPerSecond,8:0.00}  {result.P50Microseconds,6:0}" +
                $"  {result.P50Microseconds - direct.P50Microseconds,17:0}  {result.P99Microseconds,6:0}" +
                $"  {cpu,10:0.0}  {cpu / nginx.CpuMicrosecondsPerRequest,12:0.00}");
        }

        // With the cores saturated, the extra time per request approximates the CPU cost of validating the token.
        // The gateway's CPU time per request measures it more directly, but it also counts the thread pool's
        // spin-waiting, which grows when fewer requests arrive, so it overstates the cost at lower throughput.
        var validationMicroseconds = (1_000_000 / secure.Wrk.RequestsPerSecond) - (1_000_000 / plain.Wrk.RequestsPerSecond);
        await output.WriteLineAsync(
            $"token validation: {secure.CpuMicrosecondsPerRequest - plain.CpuMicrosecondsPerRequest:0.0} µs of gateway CPU per request, " +
            $"{validationMicroseconds:0.0} µs per request from the throughput at saturation, " +
            $"{secure.Wrk.P50Microseconds - plain.Wrk.P50Microseconds:0} µs more at the median");
    }

    private static TargetRun Median(string target, IReadOnlyList<TargetRun> runs)
    {
        static double Middle(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var wrk = new WrkResult(
            target,
            Middle(runs.Select(run => run.Wrk.RequestsPerSecond)),
            Middle(runs.Select(run => run.Wrk.P50Microseconds)),
            Middle(runs.Select(run => run.Wrk.P99Microseconds)));
        return new TargetRun(wrk, Middle(runs.Select(run => run.CpuMicrosecondsPerRequest)));
    }

    /// <summary>A target of the benchmark and how to read the CPU time of the server that wrk calls there.</summary>
    private sealed record Target(string Name, Uri Url, string? Authorization, Func<TimeSpan> ReadCpu);

    /// <summary>One wrk run and the CPU time per request that the target's server used during it.</summary>
    private sealed record TargetRun(WrkResult Wrk, double CpuMicrosecondsPerRequest);

    private static ChildProcess StartGateway(string repository, string workFolder, int port, Uri backend)
    {
        var dll = Path.Combine(repository, "gateway", "bin", RepositoryRoot.Configuration, "net10.0", "MynaPlatform.Gateway.dll");
        if (!File.Exists(dll))
        {
            throw new BenchmarkException($"{dll} is missing: build the gateway first with 'dotnet build gateway -c {RepositoryRoot.Configuration}'.");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{port}",
            ["Gateway__Services__bench__MaxRequestBodySize"] = "1048576",
            ["services__bench__http__0"] = backend.AbsoluteUri.TrimEnd('/'),
            ["Gateway__Authentication__AnonymousPaths__0"] = OpenPath,
            ["Gateway__RateLimits__PersonPermitLimit"] = "1000000",
            ["Gateway__RateLimits__ClientPermitLimit"] = "1000000",
            ["Gateway__RateLimits__AnonymousPermitLimit"] = "1000000",
            ["Gateway__RateLimits__Window"] = "00:00:01",
            ["Authentication__Issuer"] = $"http://127.0.0.1:{port}/",
            ["Authentication__JwksUrl"] = new Uri(backend, "/jwks").AbsoluteUri,

            // No broker runs here: the gateway's SessionRevoked consumer keeps reconnecting in the background.
            ["ConnectionStrings__messaging"] = $"amqp://guest:guest@127.0.0.1:{FreePort.Next()}/",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = ServerGarbageCollection ? "1" : "0",
            ["Platform__DataDirectory"] = workFolder,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return ChildProcess.Start(start, Path.Combine(workFolder, "gateway.log"));
    }

    private static ChildProcess StartNginx(string repository, string workFolder, int port, Uri backend)
    {
        var prefix = Path.Combine(workFolder, "nginx");
        Directory.CreateDirectory(prefix);
        var template = File.ReadAllText(Path.Combine(repository, "benchmarks", "nginx", "proxy.conf"));
        var configuration = template
            .Replace("{WORKERS}", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{PREFIX}", prefix, StringComparison.Ordinal)
            .Replace("{UPSTREAM}", backend.Authority, StringComparison.Ordinal)
            .Replace("{LISTEN}", $"127.0.0.1:{port}", StringComparison.Ordinal);
        var configurationPath = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(configurationPath, configuration);

        var executable = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var start = new ProcessStartInfo(executable);
        foreach (var argument in new[] { "-p", prefix, "-c", configurationPath, "-e", "stderr", "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        return ChildProcess.Start(start, Path.Combine(workFolder, "nginx.log"));
    }
}
