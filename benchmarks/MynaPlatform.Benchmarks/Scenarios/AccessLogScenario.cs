using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Verification;
using MynaPlatform.Benchmarks.AccessLog;
using MynaPlatform.Benchmarks.Footprint;
using MynaPlatform.Benchmarks.Platform;

namespace MynaPlatform.Benchmarks.Scenarios;

/// <summary>
/// A person's access-log pages through the gateway against the service's own query run straight on
/// its SQLite file, on a log bulk-loaded with valid chains. Then access events go through the broker
/// into the access log, against the broker's raw publish-and-consume rate.
/// </summary>
public static class AccessLogScenario
{
    public const string Name = "access-log";

    private const int PageSize = 50;
    private const int LoadBatchSize = 10_000;
    private const int IngestionPersons = 20;
    private const double TargetP99Milliseconds = 20;

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkSettings settings, TextWriter output)
    {
        var total = settings.Size("records", 10_000_000);
        var personRecords = Math.Min(settings.Size("person-records", 10_000), total);
        var chainRecords = settings.Size("chain-records", 1_000);
        var requests = (int)settings.Size("requests", 500);

        // Enough requests for the services' tiered JIT to replace their first, unoptimized code before the measured ones.
        var warmUp = (int)settings.Size("warm-up", 300);
        var events = (int)settings.Size("events", 20_000);

        var repository = RepositoryRoot.Find();
        var workFolder = Directory.CreateTempSubdirectory("myna-bench-access-log-");
        await using var platform = await PlatformRun.StartAsync(repository, workFolder.FullName, build: false, LoginScenario.RateLimitSettings, output);
        await output.WriteLineAsync($"load average (1 minute) at start: {ProcessTable.LoadAverage()} on {Environment.ProcessorCount} logical CPUs");
        await output.WriteLineAsync(
            $"settings: {total:N0} records, {personRecords:N0} of them the test person's, {chainRecords:N0} per other person; " +
            $"{warmUp} warm-up and {requests} measured requests per page query and target; {events:N0} events per ingestion run; rate limits raised " +
            $"(Platform__Gateway__RateLimits__*=1000000 per 1 s); {PlatformRun.RunDescription}; Development environment; local mode (SQLite)");

        using var client = new PlatformClient(platform);
        var agencies = new List<string>();
        for (var index = 1; index <= 4; index++)
        {
            agencies.Add((await client.RegisterAgencyAsync($"ベンチマーク機関{index}", ["notices:write"])).ClientId);
        }

        var person = await client.IssueAndLogInAsync();
        var personId = new JsonWebToken(person.Token).Subject;
        var databasePath = Path.Combine(platform.DataDirectory, "access-log.db");
        var workload = new AccessWorkload(agencies, DateTimeOffset.UtcNow);

        BulkLoadResult loaded;
        using (var load = AccessLogBulkLoad.Open(databasePath, workload))
        {
            loaded = await load.LoadAsync(personId, total, personRecords, chainRecords, LoadBatchSize, (written, elapsed) =>
                output.WriteLineAsync($"  loaded {written:N0} records in {elapsed.TotalSeconds:0} s ({written / elapsed.TotalSeconds:N0}/s)"));
            await output.WriteLineAsync(
                $"bulk load: {loaded.Records:N0} records in {loaded.Chains:N0} chains in {loaded.Elapsed.TotalSeconds:0.0} s, " +
                $"{loaded.PerSecond:N0} records/s (signed with the service's key {load.KeyId}); database {new FileInfo(databasePath).Length / 1048576.0:N0} MB");
        }

        using var raw = new RawRecordQuery(databasePath);
        await VerifyChainAsync(client, raw, personId, output);

        var today = Instants.JapanDate(DateTimeOffset.UtcNow);
        var filtered = new RecordPageFilter(agencies[1], "児童手当", today.AddYears(-1), today);
        foreach (var line in raw.Explain(personId, filtered, PageSize))
        {
            await output.WriteLineAsync($"  query plan (filtered) {line}");
        }

        var token = await client.LogInAsync(person.Card);
        using var service = new HttpClient { BaseAddress = ServiceAddress(repository), Timeout = TimeSpan.FromMinutes(5) };
        var measurements = new List<Measurement> { new("bulk load", loaded.Records, loaded.Elapsed) };
        foreach (var (label, filter) in new[] { ("first page", RecordPageFilter.None), ("filtered page", filtered) })
        {
            measurements.AddRange(await MeasurePageAsync(client, service, raw, token, personId, label, filter, warmUp, requests, output));
        }

        measurements.AddRange(await MeasureIngestionAsync(platform, raw, workload, events, output));

        person.Card.Dispose();
        await platform.DisposeAsync();
        await PlatformRun.DeleteWorkFolderAsync(workFolder, output);
        return measurements;
    }

    /// <summary>Verifies the test person's whole chain with the domain's verifier against the keys the service publishes.</summary>
    private static async Task VerifyChainAsync(PlatformClient client, RawRecordQuery raw, string personId, TextWriter output)
    {
        var keys = TrustedKeys.FromJwks(JsonNode.Parse((await client.GetJsonAsync("api/access-log/keys", "")).GetRawText())!.AsObject());
        var (head, entries) = raw.ReadChain(personId);
        var clock = Stopwatch.StartNew();
        var result = ChainVerifier.Verify(new ChainEvidence(head, entries), keys);
        if (!result.IsValid)
        {
            throw new BenchmarkException($"The test person's chain does not verify: {result.Failure!.ReasonCode} at {result.Failure.Sequence}: {result.Failure.Detail}");
        }

        await output.WriteLineAsync(
            $"the test person's chain verifies: {result.Entries.Count:N0} entries up to the signed head at sequence {head.Sequence:N0} " +
            $"(ChainVerifier, keys from /api/access-log/keys, {clock.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>
    /// Returns the access-log service's own HTTP address from its <c>appsettings.json</c>, where the
    /// AppHost lets it listen without a proxy in front.
    /// </summary>
    private static Uri ServiceAddress(string repository)
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(repository, "services", "AccessLog", "appsettings.json")))!;
        var url = settings["Kestrel"]?["Endpoints"]?["http"]?["Url"]?.GetValue<string>()
            ?? throw new BenchmarkException("services/AccessLog/appsettings.json has no Kestrel:Endpoints:http:Url.");
        return new Uri(url.TrimEnd('/') + "/");
    }

    /// <summary>
    /// Requests one page through the gateway and from the service directly, and runs the raw query,
    /// in turn, and prints the three latencies.
    /// </summary>
    private static async Task<IReadOnlyList<Measurement>> MeasurePageAsync(
        PlatformClient client, HttpClient service, RawRecordQuery raw, string token, string personId, string label,
        RecordPageFilter filter, int warmUp, int requests, TextWriter output)
    {
        var path = $"api/access-log/me/records?{filter.QueryString(PageSize)}";
        var gateway = new List<double>(requests);
        var direct = new List<double>(requests);
        var store = new List<double>(requests);
        long gatewayTotal = 0, directTotal = 0, rawTotal = 0;
        for (var index = 0; index < warmUp + requests; index++)
        {
            var clock = Stopwatch.StartNew();
            var page = await client.GetJsonAsync(path, token);
            var gatewayTime = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var directPage = await PlatformClient.GetJsonAsync(service, path, token);
            var directTime = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            (_, rawTotal) = raw.Run(personId, filter, PageSize);
            var rawTime = clock.Elapsed.TotalMilliseconds;
            gatewayTotal = page.GetProperty("total").GetInt64();
            directTotal = directPage.GetProperty("total").GetInt64();
            if (index >= warmUp)
            {
                gateway.Add(gatewayTime);
                direct.Add(directTime);
                store.Add(rawTime);
            }
        }

        if (directTotal != rawTotal)
        {
            throw new BenchmarkException($"The {label} from the service counts {directTotal} records, the raw query {rawTotal}.");
        }

        if (gatewayTotal != rawTotal)
        {
            throw new BenchmarkException($"The {label} through the gateway counts {gatewayTotal} records, the raw query {rawTotal}.");
        }

        var gatewayP99 = Percentile(gateway, 0.99);
        var rawP99 = Percentile(store, 0.99);
        await output.WriteLineAsync(
            $"{label} ({filter.QueryString(PageSize)}; {rawTotal:N0} matching): gateway p50 {Percentile(gateway, 0.5):0.00} ms p99 {gatewayP99:0.00} ms, " +
            $"service directly p50 {Percentile(direct, 0.5):0.00} ms p99 {Percentile(direct, 0.99):0.00} ms, " +
            $"raw query p50 {Percentile(store, 0.5):0.00} ms p99 {rawP99:0.00} ms; p99 ratio {gatewayP99 / rawP99:0.0} " +
            $"(target: gateway p99 under {TargetP99Milliseconds:0} ms{(gatewayP99 < TargetP99Milliseconds ? ", met" : ", missed")})");
        return
        [
            new Measurement($"{label} through the gateway", requests, TimeSpan.FromMilliseconds(gateway.Sum())),
            new Measurement($"{label} from the service directly", requests, TimeSpan.FromMilliseconds(direct.Sum())),
            new Measurement($"{label} raw query", requests, TimeSpan.FromMilliseconds(store.Sum())),
        ];
    }

    private static async Task<IReadOnlyList<Measurement>> MeasureIngestionAsync(
        PlatformRun platform, RawRecordQuery raw, AccessWorkload workload, int events, TextWriter output)
    {
        var persons = Enumerable.Range(0, IngestionPersons).Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))).ToList();
        var accesses = Enumerable.Range(0, events).Select(index => workload.Event(persons[index % persons.Count], index / persons.Count, events / persons.Count)).ToList();
        var probes = Enumerable.Range(0, events).Select(index => workload.Event(persons[index % persons.Count], index, events)).ToList();

        await using var broker = await BrokerIngestion.ConnectAsync(platform.DataDirectory);
        await broker.MeasureRawAsync(probes.Take(Math.Min(500, events)).ToList());
        var brokerTime = await broker.MeasureRawAsync(probes);
        var ingestionTime = await broker.MeasureIngestionAsync(accesses, () => raw.CountEntries(persons), events);

        var brokerRate = events / brokerTime.TotalSeconds;
        var ingestionRate = events / ingestionTime.TotalSeconds;
        await output.WriteLineAsync(
            $"ingestion: {events:N0} PersonDataAccessed events to {IngestionPersons} persons recorded in {ingestionTime.TotalSeconds:0.0} s, {ingestionRate:N0} events/s; " +
            $"broker raw publish-and-consume {brokerRate:N0} messages/s ({BrokerIngestion.PublishesInFlight} publishes in flight, confirms on); ratio {ingestionRate / brokerRate:0.000}");
        return
        [
            new Measurement("broker publish and consume", events, brokerTime),
            new Measurement("access-event ingestion", events, ingestionTime),
        ];
    }

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
    }
}
