using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.Hosting;
using Xunit;
using static MynaPlatform.Platform.Tests.Notices.NoticeTestKit;

namespace MynaPlatform.Platform.Tests.Notices;

/// <summary>Tests that stop the notices service, so they run alone after every other test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NoticeKillCollection
{
    public const string Name = "notices-kill";
}

[Collection(NoticeKillCollection.Name)]
public sealed class NoticeKillTests(PlatformFixture platform)
{
    private const int Items = 10_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Sends SIGKILL to the notices process while it stores a batch, restarts it and retries with the
    /// same key. Every notice is then stored once and in an inbox once. Each has exactly one
    /// NoticePublished row in the outbox, which the dispatcher sends under that row's message id.
    /// </summary>
    [Fact]
    public async Task KillDuringBatch_RetryStoresEachNoticeOnce()
    {
        var agency = await platform.RegisterAgencyAsync("大阪市");
        TestPerson[] people = [await platform.RegisterPersonAsync(agency), await platform.RegisterPersonAsync(agency)];
        var items = Enumerable.Range(0, Items).Select(index => Notice(people[index % 2].Recipient, title: $"一斉送信 {index}")).ToList();
        var key = NewKey();

        var firstAttempt = platform.PushBatchAsync(agency, items, key);
        await Polling.UntilAsync(async () => await StoredCountAsync(agency) > 0 || firstAttempt.IsCompleted, Timeout, "the batch stored its first chunk");
        var pid = await KillNoticesAsync();
        var storedAtKill = await StoredCountAsync(agency);
        TestContext.Current.SendDiagnosticMessage($"Killed notices (pid {pid}) after {storedAtKill} of {Items} notices were stored.");
        Assert.InRange(storedAtKill, 1, Items - 1);
        await AssertFailedAsync(firstAttempt);

        await RestartNoticesAsync();
        var watch = Stopwatch.StartNew();
        using var retry = await platform.PushBatchAsync(agency, items, key);
        var body = await retry.Content.ReadAsStringAsync(Token);
        TestContext.Current.SendDiagnosticMessage($"The retry answered {(int)retry.StatusCode} after {watch.Elapsed.TotalSeconds:0.0} s.");

        Assert.True(retry.StatusCode == HttpStatusCode.OK, body);
        var result = JsonDocument.Parse(body).RootElement;
        Assert.Equal(Items, result.GetProperty("accepted").GetInt32());
        var accepted = result.GetProperty("results").EnumerateArray().Select(item => item.GetProperty("noticeId").GetGuid()).ToList();
        Assert.Equal(Items, accepted.Distinct().Count());
        Assert.Equal(Items, await StoredCountAsync(agency));

        var inboxes = new List<Guid>();
        foreach (var person in people)
        {
            inboxes.AddRange(await AllInboxIdsAsync(person));
        }

        Assert.Equal(Items, inboxes.Count);
        Assert.Equal(accepted.ToHashSet(), inboxes.ToHashSet());

        var published = await platform.QueryNoticesDatabaseAsync("""
            SELECT COUNT(*) || '/' || COUNT(DISTINCT o.aggregate_id) FROM outbox_messages o JOIN notices n ON n.notice_id = o.aggregate_id
            WHERE n.agency_client_id = $agency AND o.message_type LIKE 'MynaPlatform.Contracts.Notices.NoticePublished,%';
            """, ("$agency", agency.ClientId));
        Assert.Equal($"{Items}/{Items}", Assert.Single(published));
        await Polling.UntilAsync(async () => await PendingEventsAsync(agency) == 0, Timeout, "every NoticePublished row was sent");
    }

    private async Task<int> StoredCountAsync(TestAgency agency) =>
        int.Parse((await platform.QueryNoticesDatabaseAsync("SELECT COUNT(*) FROM notices WHERE agency_client_id = $agency;", ("$agency", agency.ClientId)))[0]!);

    private async Task<int> PendingEventsAsync(TestAgency agency) =>
        int.Parse((await platform.QueryNoticesDatabaseAsync("""
            SELECT COUNT(*) FROM outbox_messages o JOIN notices n ON n.notice_id = o.aggregate_id
            WHERE n.agency_client_id = $agency AND o.sent_at IS NULL;
            """, ("$agency", agency.ClientId)))[0]!);

    private async Task<List<Guid>> AllInboxIdsAsync(TestPerson person)
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var batch = await platform.InboxIdsAsync(person, $"?pageSize=100&page={page}");
            ids.AddRange(batch);
            if (batch.Count < 100)
            {
                return ids;
            }
        }
    }

    private static async Task AssertFailedAsync(Task<HttpResponseMessage> attempt)
    {
        try
        {
            using var response = await attempt;
            Assert.False(response.IsSuccessStatusCode, $"The killed request answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException)
        {
            // The gateway may close the connection instead of returning 502.
        }
    }

    /// <summary>
    /// Sends SIGKILL to the notices service process. Aspire may start it through <c>dotnet run</c>, whose
    /// command line names the project too, so the process killed is the one that runs the built service.
    /// </summary>
    private async Task<int> KillNoticesAsync()
    {
        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(ResourceNames.Notices, out var resource));
        var launcher = Convert.ToInt32(resource.Snapshot.Properties.Single(property => property.Name == "executable.pid").Value);
        var pid = ProcessTree.FindSelfOrDescendant(launcher, "MynaPlatform.Notices")
            ?? throw new InvalidOperationException($"No process of MynaPlatform.Notices under pid {launcher}.");

        platform.ExpectExit(ResourceNames.Notices);
        using var process = Process.GetProcessById(pid);
        Console.WriteLine($"Killing the notices service with SIGKILL (pid {pid}).");
        process.Kill();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(wait.Token);
        return pid;
    }

    private async Task RestartNoticesAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(Timeout);
        await platform.App.ResourceNotifications.WaitForResourceAsync(ResourceNames.Notices,
            update => update.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart", timeout.Token);

        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(ResourceNames.Notices, out var resource));
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();
        var started = await commands.ExecuteCommandAsync(resource.ResourceId, "resource-start", timeout.Token);
        Assert.True(started.Success, started.Message);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Notices, timeout.Token);
    }
}

/// <summary>Finds processes by parent through <c>/proc</c>, which is how Linux exposes the process tree.</summary>
internal static class ProcessTree
{
    /// <summary>
    /// Returns the first process, <paramref name="root"/> or below it, that runs the built assembly
    /// <paramref name="assemblyName"/>: its native launcher, or <c>dotnet</c> given the assembly's dll.
    /// </summary>
    public static int? FindSelfOrDescendant(int root, string assemblyName)
    {
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            var arguments = Arguments(pid);
            if (arguments.Length > 0 && (arguments[0].EndsWith("/" + assemblyName, StringComparison.Ordinal)
                || arguments.Any(argument => argument.EndsWith("/" + assemblyName + ".dll", StringComparison.Ordinal))))
            {
                return pid;
            }

            foreach (var child in ChildrenOf(pid))
            {
                pending.Enqueue(child);
            }
        }

        return null;
    }

    private static string[] Arguments(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            // The command name in brackets may contain spaces, so the fields are read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.TryParse(fields[1], out var ppid) && ppid == parent)
            {
                yield return pid;
            }
        }
    }
}
