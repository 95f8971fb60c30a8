using MynaPlatform.Messaging.Tests.Infrastructure;
using Xunit;

namespace MynaPlatform.Messaging.Tests.Kills;

/// <summary>
/// A private broker, a publisher host and a consumer host, each with its own SQLite file, as the
/// kill tests use them. The consumer's service name stays fixed, so a restarted consumer reads the
/// same durable queue.
/// </summary>
internal sealed class KillScenario : IAsyncDisposable
{
    private readonly string directory = TestDataDirectory.Create("kill");

    private KillScenario(PrivateBroker broker) => Broker = broker;

    public PrivateBroker Broker { get; }

    public TestHostProcess? Publisher { get; private set; }

    public TestHostProcess? Consumer { get; private set; }

    public TestHostDatabase PublisherDatabase => new(Path.Combine(directory, "publisher.db"));

    public TestHostDatabase ConsumerDatabase => new(Path.Combine(directory, "consumer.db"));

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<KillScenario> StartAsync() => new(await PrivateBroker.StartAsync(Token));

    public async Task StartConsumerAsync(int consumeDelayMilliseconds = 0)
    {
        Consumer = await TestHostProcess.StartAsync("the consumer", Settings("consumer", ConsumerDatabase.Path, new()
        {
            ["TestHost:ConsumeDelayMilliseconds"] = consumeDelayMilliseconds.ToString(),
        }), Token);
    }

    public async Task StartPublisherAsync(int emit, bool holdDispatch = false)
    {
        Publisher = await TestHostProcess.StartAsync("the publisher", Settings("publisher", PublisherDatabase.Path, new()
        {
            ["TestHost:Emit"] = emit.ToString(),
            ["Messaging:HoldDispatch"] = holdDispatch.ToString(),
        }), Token);
        await Publisher.WaitForLineAsync("EMITTED", TimeSpan.FromSeconds(120), Token);
    }

    /// <summary>Fails the test when the broker or a host that was not killed on purpose has exited.</summary>
    public void EnsureHostsRunning()
    {
        Broker.EnsureRunning();
        Publisher?.EnsureRunning();
        Consumer?.EnsureRunning();
    }

    public Task<long> AppliedEventsAsync() =>
        ConsumerDatabase.CountAsync("SELECT COUNT(DISTINCT event_id) FROM applied_events;", Token);

    public Task<long> WaitForAppliedAsync(long expected, TimeSpan timeout) =>
        ConsumerDatabase.WaitForCountAsync("SELECT COUNT(DISTINCT event_id) FROM applied_events;", expected, timeout, EnsureHostsRunning, Token);

    /// <summary>Asserts that every emitted event was applied exactly once, with the message id of its outbox row.</summary>
    public async Task AssertEachEmittedEventAppliedOnceAsync(int emitted)
    {
        var sent = await PublisherDatabase.QueryAsync("SELECT event_id, message_id FROM emitted_events;", Token);
        var applied = await ConsumerDatabase.QueryAsync("SELECT event_id, message_id FROM applied_events;", Token);
        var appliedByEvent = applied.GroupBy(row => row[0]).ToDictionary(group => group.Key, group => group.Select(row => row[1]).ToList());

        Assert.Equal(emitted, sent.Count);
        Assert.Equal(emitted, applied.Count);
        Assert.DoesNotContain(sent, row => !appliedByEvent.ContainsKey(row[0]));
        Assert.DoesNotContain(appliedByEvent, group => group.Value.Count > 1);
        Assert.All(sent, row => Assert.Equal(row[1], appliedByEvent[row[0]].Single()));
        Assert.Equal(0, await PublisherDatabase.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL;", Token));

        var duplicates = await ConsumerDatabase.CountAsync("SELECT COUNT(*) FROM skipped_duplicates;", Token);
        var failedAttempts = await PublisherDatabase.CountAsync("SELECT COALESCE(SUM(attempts), 0) FROM outbox_messages;", Token);
        Console.WriteLine(
            $"{emitted} events applied once each; the inbox skipped {duplicates} duplicate deliveries; " +
            $"the outbox counted {failedAttempts} failed publish attempts.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Publisher is not null)
        {
            await Publisher.DisposeAsync();
        }

        if (Consumer is not null)
        {
            await Consumer.DisposeAsync();
        }

        await Broker.DisposeAsync();
        TestDataDirectory.TryDelete(directory);
    }

    private Dictionary<string, string> Settings(string role, string databasePath, Dictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["TestHost:Role"] = role,
            ["TestHost:ServiceName"] = $"kill-{role}",
            ["Storage:SqlitePath"] = databasePath,
            ["ConnectionStrings:messaging"] = Broker.ConnectionString,
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Messaging:MaxBackoff"] = "00:00:02",
            ["Messaging:PublishTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
