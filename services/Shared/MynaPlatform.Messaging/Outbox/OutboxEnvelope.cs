using System.Diagnostics;
using System.Text.Json;
using MynaPlatform.Hosting;

namespace MynaPlatform.Messaging.Outbox;

/// <summary>Builds the row for an event from the work in progress: its trace and correlation id.</summary>
public static class OutboxEnvelope
{
    public static OutboxMessage Create<TMessage>(TMessage message, string aggregateId)
        where TMessage : class
    {
        var type = message.GetType();
        var activity = Activity.Current;

        return new OutboxMessage(
            Sequence: 0,
            MessageId: NewId.NextGuid(),
            AggregateId: aggregateId,
            MessageType: $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body: JsonSerializer.Serialize(message, type, MessageJson.Options),
            TraceParent: activity?.Id,
            TraceState: activity?.TraceStateString,
            CorrelationId: CorrelationId.Current,
            Attempts: 0);
    }
}

internal static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>Sequential GUIDs for message ids, so ids sort roughly by creation time.</summary>
internal static class NewId
{
    public static Guid NextGuid() => Guid.CreateVersion7();
}
