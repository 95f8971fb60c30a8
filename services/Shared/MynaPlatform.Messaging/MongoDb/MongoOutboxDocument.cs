using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace MynaPlatform.Messaging.MongoDb;

/// <summary>
/// An outbox row in MongoDB. MongoDB has no autoincrement, so <see cref="Sequence"/> comes from a
/// counter document incremented in the same transaction as the row.
/// </summary>
internal sealed class MongoOutboxDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid MessageId { get; set; }

    public long Sequence { get; set; }

    public string AggregateId { get; set; } = "";

    public string MessageType { get; set; } = "";

    public string Body { get; set; } = "";

    public string? TraceParent { get; set; }

    public string? TraceState { get; set; }

    public string? CorrelationId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

internal sealed class MongoInboxDocument
{
    /// <summary>The consumer name and message id joined, so the unique _id index enforces once per consumer.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    public DateTime ProcessedAt { get; set; }
}

internal sealed class MongoCounterDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    public long Value { get; set; }
}
