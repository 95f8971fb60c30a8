using Xunit;

namespace MynaPlatform.Messaging.Tests.Kills;

/// <summary>
/// Crashes of the broker, the publishing service and a consumer, each by SIGKILL of a process the
/// test started and found itself. After a restart every event must be applied exactly once.
/// </summary>
public sealed class KillTests
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task BrokerKill_During10000Events_LosesNone()
    {
        const int events = 10_000;
        await using var scenario = await KillScenario.StartAsync();
        await scenario.StartConsumerAsync();
        await scenario.StartPublisherAsync(events);

        await scenario.WaitForAppliedAsync(events / 5, DrainTimeout);
        var pid = scenario.Broker.Kill();
        var appliedAtKill = await scenario.AppliedEventsAsync();
        TestContext.Current.SendDiagnosticMessage($"Killed the broker (pid {pid}) after {appliedAtKill} of {events} events were applied.");
        Assert.InRange(appliedAtKill, 1, events - 1);

        await Task.Delay(TimeSpan.FromSeconds(2), KillScenario.Token);
        await scenario.Broker.RestartAsync(KillScenario.Token);
        await scenario.WaitForAppliedAsync(events, DrainTimeout);
        await WaitForOutboxDrainedAsync(scenario);

        await scenario.AssertEachEmittedEventAppliedOnceAsync(events);
    }

    [Fact]
    public async Task PublisherKill_BeforePublish_RepublishesOriginalId()
    {
        await using var scenario = await KillScenario.StartAsync();
        await scenario.StartConsumerAsync();
        await scenario.StartPublisherAsync(emit: 1, holdDispatch: true);

        var committed = Assert.Single(await scenario.PublisherDatabase.QueryAsync(
            "SELECT e.event_id, o.message_id, o.sent_at FROM emitted_events e JOIN outbox_messages o ON o.message_id = e.message_id;",
            KillScenario.Token));
        Assert.Equal("", committed[2]);
        await scenario.Publisher!.KillAsync();
        Assert.Equal(0, await scenario.AppliedEventsAsync());

        await scenario.StartPublisherAsync(emit: 0);
        await scenario.WaitForAppliedAsync(1, DrainTimeout);
        await WaitForOutboxDrainedAsync(scenario);

        var applied = Assert.Single(await scenario.ConsumerDatabase.QueryAsync(
            "SELECT event_id, message_id FROM applied_events;", KillScenario.Token));
        Assert.Equal(committed[0], applied[0]);
        Assert.Equal(committed[1], applied[1]);
        await scenario.AssertEachEmittedEventAppliedOnceAsync(1);
    }

    [Fact]
    public async Task ConsumerKill_MidBatch_AppliesEachOnce()
    {
        const int events = 3_000;
        await using var scenario = await KillScenario.StartAsync();
        await scenario.StartConsumerAsync(consumeDelayMilliseconds: 2);
        await scenario.StartPublisherAsync(events);

        await scenario.WaitForAppliedAsync(events / 6, DrainTimeout);
        await scenario.Consumer!.KillAsync();
        var appliedAtKill = await scenario.AppliedEventsAsync();
        TestContext.Current.SendDiagnosticMessage($"Killed the consumer after {appliedAtKill} of {events} events were applied.");
        Assert.InRange(appliedAtKill, 1, events - 1);

        await scenario.StartConsumerAsync();
        await scenario.WaitForAppliedAsync(events, DrainTimeout);
        await WaitForOutboxDrainedAsync(scenario);

        await scenario.AssertEachEmittedEventAppliedOnceAsync(events);
    }

    /// <summary>
    /// Waits until the publisher has marked every row sent, then a little longer, so that a late
    /// duplicate delivery would still be counted by the assertions that follow.
    /// </summary>
    private static async Task WaitForOutboxDrainedAsync(KillScenario scenario)
    {
        await scenario.PublisherDatabase.WaitForCountAsync(
            "SELECT CASE WHEN COUNT(*) = 0 THEN 1 ELSE 0 END FROM outbox_messages WHERE sent_at IS NULL;",
            1, DrainTimeout, scenario.EnsureHostsRunning, KillScenario.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), KillScenario.Token);
    }
}
