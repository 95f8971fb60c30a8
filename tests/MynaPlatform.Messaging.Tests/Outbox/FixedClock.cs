namespace MynaPlatform.Messaging.Tests.Outbox;

/// <summary>A clock that always returns one instant, for rows that must look old.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
