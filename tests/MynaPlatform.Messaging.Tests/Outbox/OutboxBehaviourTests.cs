using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.Messaging.Outbox;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Messaging.Tests.Infrastructure;
using MynaPlatform.Messaging.TestHost;
using MynaPlatform.Storage.Sqlite;
using Xunit;

namespace MynaPlatform.Messaging.Tests.Outbox;

/// <summary>The outbox dispatcher and the inbox against a real broker and a real SQLite file.</summary>
public sealed class OutboxBehaviourTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dispatcher_Publish_UsesRowIdAndMarksSent()
    {
        await using var host = await InProcessHost.Create(fixture.Broker.ConnectionString).StartAsync(Token);

        var messageIds = new List<Guid>();
        for (var number = 1; number <= 5; number++)
        {
            messageIds.Add(await host.Emitter.EmitAsync(new TestEvent(Guid.NewGuid(), number), "aggregate-1", Token));
        }

        await WaitForAppliedAsync(host, 5);
        // The consumer handles several messages at once, so compare without order.
        var applied = await host.Database.QueryAsync("SELECT message_id FROM applied_events;", Token);
        Assert.Equal(messageIds.Select(id => id.ToString()).Order(), applied.Select(row => row[0]).Order());
        await host.Database.WaitForCountAsync("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NOT NULL;", 5, DeliveryTimeout, () => { }, Token);
    }

    [Fact]
    public async Task Dispatcher_Publish_KeepsOrderPerAggregate()
    {
        const int aggregates = 3, eventsPerAggregate = 20;
        await using var host = await InProcessHost.Create(fixture.Broker.ConnectionString).StartAsync(Token);
        var observer = new PublishOrderObserver();
        using var connection = host.Services.GetRequiredService<IBus>().ConnectPublishObserver(observer);

        // Writers of the three aggregates interleave, so their rows interleave in the outbox.
        await Task.WhenAll(Enumerable.Range(0, aggregates).Select(aggregate => Task.Run(async () =>
        {
            for (var number = 1; number <= eventsPerAggregate; number++)
            {
                await host.Emitter.EmitAsync(new TestEvent(Guid.NewGuid(), aggregate * 1_000 + number), $"aggregate-{aggregate}", Token);
            }
        }, Token)));
        await WaitForAppliedAsync(host, aggregates * eventsPerAggregate);

        var published = observer.Numbers;
        Assert.Equal(aggregates * eventsPerAggregate, published.Count);
        foreach (var group in published.GroupBy(number => number / 1_000))
        {
            Assert.Equal(Enumerable.Range(group.Key * 1_000 + 1, eventsPerAggregate), group);
        }
    }

    [Fact]
    public async Task FailingRow_BlocksOnlyItsAggregate()
    {
        await using var host = await InProcessHost.Create(fixture.Broker.ConnectionString, new()
        {
            ["Messaging:MaxBackoff"] = "00:00:10",
            ["Messaging:BatchSize"] = "3",
        }).StartAsync(Token);
        var database = host.Services.GetRequiredService<SqliteDatabase>();
        await database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO outbox_messages (message_id, aggregate_id, message_type, body, created_at)
                VALUES ($messageId, 'poisoned', 'MynaPlatform.Missing.Event, MynaPlatform.Missing', '{}', '2026-01-01T00:00:00.0000000Z');
                """);
            insert.Parameters.AddWithValue("$messageId", Guid.NewGuid().ToString());
            return await insert.ExecuteNonQueryAsync(Token);
        }, Token);
        // More rows wait behind the failing one than a batch holds, so they must not fill the batch.
        var blocked = new TestEvent(Guid.NewGuid(), 1);
        await host.Emitter.EmitAsync(blocked, "poisoned", Token);
        for (var number = 2; number <= 4; number++)
        {
            await host.Emitter.EmitAsync(new TestEvent(Guid.NewGuid(), number), "poisoned", Token);
        }

        // Each event of a healthy aggregate must go out at once, not after a backoff that the
        // failing row has grown meanwhile.
        for (var number = 1; number <= 8; number++)
        {
            await host.Emitter.EmitAsync(new TestEvent(Guid.NewGuid(), number), "healthy", Token);
            await host.Database.WaitForCountAsync("SELECT COUNT(*) FROM applied_events;", number, TimeSpan.FromSeconds(1.5), () => { }, Token);
        }

        var poisoned = Assert.Single(await host.Database.QueryAsync(
            "SELECT sent_at, attempts FROM outbox_messages WHERE message_type LIKE 'MynaPlatform.Missing%';", Token));
        Assert.Equal("", poisoned[0]);
        Assert.True(int.Parse(poisoned[1]) >= 1, $"The failing row was attempted {poisoned[1]} times.");
        Assert.Equal(0, await host.Database.CountAsync($"SELECT COUNT(*) FROM applied_events WHERE event_id = '{blocked.EventId}';", Token));
        Assert.Equal(0, await host.Database.CountAsync("""
            SELECT COUNT(*) FROM applied_events a
            JOIN emitted_events e ON e.event_id = a.event_id
            JOIN outbox_messages o ON o.message_id = e.message_id
            WHERE o.aggregate_id = 'poisoned';
            """, Token));
        Assert.Equal(5, await host.Database.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL;", Token));
    }

    [Fact]
    public async Task BrokerDown_Write_ReturnsAndDispatcherBacksOff()
    {
        var closedPort = FreeLoopbackPort();
        await using var host = await InProcessHost.Create($"amqp://guest:guest@127.0.0.1:{closedPort}/", new()
        {
            ["Messaging:PublishTimeout"] = "00:00:01",
            ["Messaging:MaxBackoff"] = "00:00:02",
        }).StartAsync(Token, waitForBus: false);

        var write = Stopwatch.StartNew();
        await host.Emitter.EmitAsync(new TestEvent(Guid.NewGuid(), 1), "aggregate-1", Token);
        write.Stop();
        await Task.Delay(TimeSpan.FromSeconds(6), Token);

        var row = Assert.Single(await host.Database.QueryAsync("SELECT sent_at, attempts, last_error FROM outbox_messages;", Token));
        Assert.True(write.Elapsed < TimeSpan.FromSeconds(1), $"The write took {write.ElapsedMilliseconds} ms while the broker was down.");
        Assert.Equal("", row[0]);
        Assert.InRange(int.Parse(row[1]), 2, 5);
        Assert.NotEqual("", row[2]);
        TestContext.Current.SendDiagnosticMessage($"{row[1]} failed attempts in 6 s; last error: {row[2]}");
    }

    [Fact]
    public async Task Trace_FromWriter_ReachesConsumer()
    {
        using var listener = ListenToAllActivities();
        await using var host = await InProcessHost.Create(fixture.Broker.ConnectionString).StartAsync(Token);

        using (var request = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await host.Emitter.EmitAsync(new TestEvent(Guid.NewGuid(), 1), "aggregate-1", Token);
            var traceId = request.TraceId.ToString();

            await WaitForAppliedAsync(host, 1);
            var applied = Assert.Single(await host.Database.QueryAsync("SELECT trace_id FROM applied_events;", Token));
            Assert.Equal(traceId, applied[0]);
        }
    }

    [Fact]
    public async Task Inbox_RepublishedMessage_HasNoSecondEffect()
    {
        await using var host = await InProcessHost.Create(fixture.Broker.ConnectionString).StartAsync(Token);
        var bus = host.Services.GetRequiredService<IBus>();
        var message = new TestEvent(Guid.NewGuid(), 1);
        var messageId = Guid.NewGuid();

        await bus.Publish(message, context => context.MessageId = messageId, Token);
        await bus.Publish(message, context => context.MessageId = messageId, Token);
        await host.Database.WaitForCountAsync("SELECT COUNT(*) FROM skipped_duplicates;", 1, DeliveryTimeout, () => { }, Token);

        Assert.Equal(1, await host.Database.CountAsync("SELECT COUNT(*) FROM applied_events;", Token));
        Assert.Equal(1, await host.Database.CountAsync("SELECT COUNT(*) FROM inbox_messages;", Token));
    }

    [Fact]
    public async Task RolledBackWrite_PublishesNothing()
    {
        await using var host = await InProcessHost.Create(fixture.Broker.ConnectionString).StartAsync(Token);
        var database = host.Services.GetRequiredService<SqliteDatabase>();
        var outbox = host.Services.GetRequiredService<SqliteOutbox>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync<bool>(async write =>
        {
            await outbox.EnqueueAsync(write, new TestEvent(Guid.NewGuid(), 1), "aggregate-1", Token);
            throw new InvalidOperationException("The state change failed after the event was written.");
        }, Token));
        var committed = new TestEvent(Guid.NewGuid(), 2);
        await host.Emitter.EmitAsync(committed, "aggregate-1", Token);
        await WaitForAppliedAsync(host, 1);

        Assert.Equal(1, await host.Database.CountAsync("SELECT COUNT(*) FROM outbox_messages;", Token));
        var applied = Assert.Single(await host.Database.QueryAsync("SELECT event_id FROM applied_events;", Token));
        Assert.Equal(committed.EventId.ToString(), applied[0]);
    }

    [Fact]
    public async Task Maintenance_Start_PrunesOnlyOldRows()
    {
        var now = DateTimeOffset.UtcNow;
        var host = InProcessHost.Create(fixture.Broker.ConnectionString, new() { ["Messaging:HoldDispatch"] = "true" });
        await using (host)
        {
            var database = host.Services.GetRequiredService<SqliteDatabase>();
            await database.InitializeAsync([SqliteMessagingSchema.Script], Token);
            var outbox = host.Services.GetRequiredService<SqliteOutbox>();
            var store = host.Services.GetRequiredService<IOutboxStore>();
            var oldSent = await EnqueueAsync(database, outbox);
            var recentSent = await EnqueueAsync(database, outbox);
            var pending = await EnqueueAsync(database, outbox);
            await store.MarkSentAsync(oldSent, now.AddDays(-2), Token);
            await store.MarkSentAsync(recentSent, now.AddMinutes(-1), Token);
            await RecordInboxAsync(database, new SqliteInbox(database, new FixedClock(now.AddDays(-8))), "old");
            await RecordInboxAsync(database, new SqliteInbox(database, TimeProvider.System), "recent");

            await host.StartAsync(Token);
            await host.Database.WaitForCountAsync(
                "SELECT CASE WHEN COUNT(*) = 0 THEN 1 ELSE 0 END FROM inbox_messages WHERE consumer = 'old';", 1, DeliveryTimeout, () => { }, Token);

            var outboxRows = await host.Database.QueryAsync("SELECT message_id FROM outbox_messages ORDER BY sequence;", Token);
            Assert.Equal([recentSent.ToString(), pending.ToString()], outboxRows.Select(row => row[0]));
            Assert.Equal(1, await host.Database.CountAsync("SELECT COUNT(*) FROM inbox_messages WHERE consumer = 'recent';", Token));
        }
    }

    private static Task<Guid> EnqueueAsync(SqliteDatabase database, SqliteOutbox outbox) =>
        database.WriteAsync(write => outbox.EnqueueAsync(write, new TestEvent(Guid.NewGuid(), 1), "aggregate-1", Token), Token);

    private static Task<bool> RecordInboxAsync(SqliteDatabase database, SqliteInbox inbox, string consumer) =>
        database.WriteAsync(write => inbox.TryRecordAsync(write, Guid.NewGuid(), consumer, Token), Token);

    private static Task<long> WaitForAppliedAsync(InProcessHost host, int expected) =>
        host.Database.WaitForCountAsync("SELECT COUNT(*) FROM applied_events;", expected, DeliveryTimeout, () => { }, Token);

    /// <summary>Samples every activity, as the platform's OpenTelemetry set-up does for the MassTransit source.</summary>
    private static ActivityListener ListenToAllActivities()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static int FreeLoopbackPort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Records the numbers of published test events in the order the broker confirmed them.</summary>
    private sealed class PublishOrderObserver : IPublishObserver
    {
        private readonly List<int> numbers = [];

        public IReadOnlyList<int> Numbers
        {
            get
            {
                lock (numbers)
                {
                    return [.. numbers];
                }
            }
        }

        public Task PrePublish<T>(PublishContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context)
            where T : class
        {
            if (context.Message is TestEvent published)
            {
                lock (numbers)
                {
                    numbers.Add(published.Number);
                }
            }

            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
