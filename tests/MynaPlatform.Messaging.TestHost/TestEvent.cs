namespace MynaPlatform.Messaging.TestHost;

/// <summary>The event the test host publishes and consumes. <paramref name="Number"/> counts from 1 per run.</summary>
public sealed record TestEvent(Guid EventId, int Number);
