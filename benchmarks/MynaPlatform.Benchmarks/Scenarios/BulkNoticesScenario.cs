using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using MynaPlatform.Benchmarks.Footprint;
using MynaPlatform.Benchmarks.Notices;
using MynaPlatform.Benchmarks.Platform;

namespace MynaPlatform.Benchmarks.Scenarios;

/// <summary>
/// Notices pushed in batches through the gateway's partner API (an agency token and an
/// Idempotency-Key per batch) against a raw insert of the same rows into a SQLite file with the
/// notices store's schema, in the same run. Recipients are a modest number of persons, each logged
/// in once with a card and enrolled at the agency, who receive many notices each. The notices
/// process's RSS is sampled over the whole run.
/// </summary>
public static class BulkNoticesScenario
{
    public const string Name = "bulk-notices";

    private const string AgencyName = "ベンチマーク市";
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(30);

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkSettings settings, TextWriter output)
    {
        var total = settings.Size("notices", 1_000_000);
        var batchSize = (int)Math.Min(settings.Size("batch-size", 10_000), 10_000);
        var personCount = (int)Math.Min(settings.Size("persons", 100), total);

        var repository = RepositoryRoot.Find();
        var workFolder = Directory.CreateTempSubdirectory("myna-bench-notices-");
        await using var platform = await PlatformRun.StartAsync(repository, workFolder.FullName, build: false, LoginScenario.RateLimitSettings, output);
        await output.WriteLineAsync($"load average (1 minute) at start: {ProcessTable.LoadAverage()} on {Environment.ProcessorCount} logical CPUs");
        await output.WriteLineAsync(
            $"settings: {total:N0} notices in batches of {batchSize:N0} to {personCount:N0} persons; rate limits raised " +
            $"(Platform__Gateway__RateLimits__*=1000000 per 1 s); {PlatformRun.RunDescription}; Development environment; local mode (SQLite)");

        using var client = new PlatformClient(platform);
        var agency = await client.RegisterAgencyAsync(AgencyName, ["notices:write"]);

        // Each person logs in once (the first login creates the account) and is then enrolled.
        var enrollClock = Stopwatch.StartNew();
        var persons = new List<(LoggedInPerson Person, string Recipient, string PersonId)>();
        for (var index = 0; index < personCount; index++)
        {
            var person = await client.IssueAndLogInAsync();
            var recipient = await client.EnrollAsync(agency, person.IndividualNumber);
            persons.Add((person, recipient, new JsonWebToken(person.Token).Subject));
        }

        await output.WriteLineAsync($"enrolled {personCount:N0} persons (card issued, first login, enrollment) in {enrollClock.Elapsed.TotalSeconds:0.0} s");
        var workload = new NoticeWorkload([.. persons.Select(person => person.Recipient)], total, batchSize);
        var personIds = persons.ToDictionary(person => person.Recipient, person => person.PersonId, StringComparer.Ordinal);

        var raw = MeasureRawInsert(workload, agency.ClientId, personIds, Path.Combine(workFolder.FullName, "raw-notices.db"),
            Path.Combine(platform.DataDirectory, "notices.db"));
        await output.WriteLineAsync($"raw insert: {raw.Count:N0} rows in {raw.Elapsed.TotalSeconds:0.0} s, {raw.PerSecond:N0} rows/s");

        await using var memory = RssSampler.Start(platform, "Notices", SampleInterval);
        var memoryAtStart = memory.Sample();
        var pushClock = Stopwatch.StartNew();
        var batchSeconds = new List<double>();
        for (var batch = 0; batch < workload.BatchCount; batch++)
        {
            var batchClock = Stopwatch.StartNew();
            await PushBatchAsync(client, agency, workload.Batch(batch));
            batchSeconds.Add(batchClock.Elapsed.TotalSeconds);
            if ((batch + 1) % Math.Max(1, workload.BatchCount / 10) == 0)
            {
                await output.WriteLineAsync(
                    $"  pushed {(long)(batch + 1) * batchSize:N0} notices in {pushClock.Elapsed.TotalSeconds:0.0} s; notices RSS {memory.Sample().Kilobytes / 1024.0:0} MB");
            }
        }

        var pushed = new Measurement("notices through the gateway", total, pushClock.Elapsed);
        var memoryAfterPush = memory.Sample();
        var delivered = await WaitUntilInInboxesAsync(client, persons, total, pushClock);
        var drained = await WaitUntilOutboxDrainedAsync(Path.Combine(platform.DataDirectory, "notices.db"), pushClock);
        var memoryAtEnd = memory.Sample();
        await memory.DisposeAsync();

        var sortedBatches = batchSeconds.Order().ToArray();
        await output.WriteLineAsync(
            $"gateway: {total:N0} notices in {pushed.Elapsed.TotalSeconds:0.0} s, {pushed.PerSecond:N0} notices/s " +
            $"(batch p50 {sortedBatches[sortedBatches.Length / 2]:0.00} s, max {sortedBatches[^1]:0.00} s); ratio to raw insert {pushed.PerSecond / raw.PerSecond:0.000}");
        await output.WriteLineAsync(
            $"every notice in an inbox {delivered.TotalSeconds:0.0} s after the first push (sum of the persons' unread counts through the gateway); " +
            $"every NoticePublished event sent {drained.TotalSeconds:0.0} s after the first push");
        await ReportMemoryAsync(output, memory.Samples, memoryAtStart, memoryAfterPush, memoryAtEnd);

        foreach (var (person, _, _) in persons)
        {
            person.Card.Dispose();
        }

        await platform.DisposeAsync();
        await PlatformRun.DeleteWorkFolderAsync(workFolder, output);
        return [raw, pushed, new Measurement("push start to all in inboxes", total, delivered)];
    }

    private static Measurement MeasureRawInsert(
        NoticeWorkload workload, string agencyClientId, IReadOnlyDictionary<string, string> personIds, string path, string serviceDatabasePath)
    {
        using var store = RawNoticeStore.Create(path, serviceDatabasePath);
        var clock = Stopwatch.StartNew();
        for (var batch = 0; batch < workload.BatchCount; batch++)
        {
            store.InsertBatch(workload.Batch(batch), agencyClientId, AgencyName, personIds);
        }

        return new Measurement("raw insert", workload.Total, clock.Elapsed);
    }

    private static async Task PushBatchAsync(PlatformClient client, RegisteredAgency agency, IReadOnlyList<WorkloadNotice> notices)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/notices/partner/notices/batch")
        {
            Content = JsonContent.Create(new
            {
                items = notices.Select(notice => new { recipient = notice.Recipient, title = notice.Title, body = notice.Body, category = notice.Category }),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await client.GetClientTokenAsync(agency));
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var result = await PlatformClient.ReadJsonAsync(await client.Http.SendAsync(request), "a batch push");
        var accepted = result.GetProperty("accepted").GetInt32();
        if (accepted != notices.Count)
        {
            throw new BenchmarkException($"A batch of {notices.Count} notices had {accepted} accepted; the first results: {result.GetProperty("items")}");
        }
    }

    /// <summary>Polls every person's unread count through the gateway until they add up to <paramref name="total"/>.</summary>
    private static async Task<TimeSpan> WaitUntilInInboxesAsync(
        PlatformClient client, List<(LoggedInPerson Person, string Recipient, string PersonId)> persons, long total, Stopwatch sinceFirstPush)
    {
        // Fresh tokens: the first ones may have expired during a long push.
        var tokens = new List<string>();
        foreach (var (person, _, _) in persons)
        {
            tokens.Add(await client.LogInAsync(person.Card));
        }

        while (sinceFirstPush.Elapsed < DeliveryTimeout)
        {
            long unread = 0;
            foreach (var token in tokens)
            {
                unread += (await client.GetJsonAsync("api/notices/inbox/unread-count", token)).GetProperty("unreadCount").GetInt64();
            }

            if (unread >= total)
            {
                return sinceFirstPush.Elapsed;
            }

            await Task.Delay(200);
        }

        throw new BenchmarkException($"Not every notice reached an inbox within {DeliveryTimeout.TotalMinutes:0} minutes of the first push.");
    }

    /// <summary>Polls the notices service's outbox until every event is marked sent.</summary>
    private static async Task<TimeSpan> WaitUntilOutboxDrainedAsync(string databasePath, Stopwatch sinceFirstPush)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL;";
        while (sinceFirstPush.Elapsed < DeliveryTimeout)
        {
            if ((long)(await query.ExecuteScalarAsync())! == 0)
            {
                return sinceFirstPush.Elapsed;
            }

            await Task.Delay(500);
        }

        throw new BenchmarkException($"The notices outbox still had unsent events {DeliveryTimeout.TotalMinutes:0} minutes after the first push.");
    }

    /// <summary>
    /// Prints the notices process's RSS at the start, its peak and at the end, and whether it stayed
    /// flat: the peak of the push's second half at most 10% above the peak of its first half.
    /// </summary>
    private static async Task ReportMemoryAsync(
        TextWriter output, IReadOnlyList<RssSample> samples, RssSample start, RssSample afterPush, RssSample end)
    {
        var during = samples.Where(sample => sample.Elapsed >= start.Elapsed && sample.Elapsed <= afterPush.Elapsed).ToList();
        var middle = start.Elapsed + ((afterPush.Elapsed - start.Elapsed) / 2);
        var firstHalfPeak = during.Where(sample => sample.Elapsed <= middle).Max(sample => sample.Kilobytes);
        var secondHalfPeak = during.Where(sample => sample.Elapsed >= middle).DefaultIfEmpty(afterPush).Max(sample => sample.Kilobytes);
        var peak = samples.Max(sample => sample.Kilobytes);
        var flat = secondHalfPeak <= firstHalfPeak * 1.10;
        await output.WriteLineAsync(
            $"notices RSS: start {Megabytes(start)} MB, peak {peak / 1024.0:0} MB, after the last push {Megabytes(afterPush)} MB, end {Megabytes(end)} MB; " +
            $"peak of the push's first half {firstHalfPeak / 1024.0:0} MB, second half {secondHalfPeak / 1024.0:0} MB: {(flat ? "flat" : "growing")} " +
            $"({samples.Count} samples every {SampleInterval.TotalSeconds:0} s)");
    }

    private static string Megabytes(RssSample sample) => (sample.Kilobytes / 1024.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
