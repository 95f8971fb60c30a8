namespace MynaPlatform.Messaging.Outbox;

/// <summary>A stored event waiting to be published, in the order it was written.</summary>
/// <param name="Sequence">Position in the outbox; publishing follows it per aggregate.</param>
/// <param name="MessageId">Sent as MassTransit's MessageId, so a republish carries the same id.</param>
/// <param name="AggregateId">The record the event is about; its events are published in order.</param>
/// <param name="MessageType">Assembly-qualified name of the event type.</param>
/// <param name="Body">The event as JSON.</param>
/// <param name="TraceParent">W3C traceparent of the request that wrote the row.</param>
/// <param name="TraceState">W3C tracestate of that request.</param>
/// <param name="CorrelationId">Correlation id of that request.</param>
/// <param name="Attempts">Failed publish attempts so far.</param>
public sealed record OutboxMessage(
    long Sequence,
    Guid MessageId,
    string AggregateId,
    string MessageType,
    string Body,
    string? TraceParent,
    string? TraceState,
    string? CorrelationId,
    int Attempts);
