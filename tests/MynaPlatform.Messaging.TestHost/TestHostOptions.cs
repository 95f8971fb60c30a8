namespace MynaPlatform.Messaging.TestHost;

/// <summary>Settings of one test host process, bound from <c>TestHost</c>.</summary>
public sealed class TestHostOptions
{
    public const string SectionName = "TestHost";

    /// <summary><c>publisher</c>, <c>consumer</c> or <c>both</c>.</summary>
    public string Role { get; set; } = "both";

    /// <summary>Events the publisher writes at start, each in its own transaction with its outbox row.</summary>
    public int Emit { get; set; }

    /// <summary>Aggregates the emitted events are spread over. Each aggregate's events keep their order.</summary>
    public int Aggregates { get; set; } = 10;

    /// <summary>Time the consumer spends on each message before its transaction, in milliseconds.</summary>
    public int ConsumeDelayMilliseconds { get; set; }

    public bool Publishes => Role is "publisher" or "both";

    public bool Consumes => Role is "consumer" or "both";
}
