using MongoDB.Bson;
using MongoDB.Driver;
using MynaPlatform.Messaging.MongoDb;
using Xunit;
using static MynaPlatform.Storage.Tests.MongoDb.MongoRendering;

namespace MynaPlatform.Storage.Tests.MongoDb;

public sealed class MessagingMappingTests
{
    private static readonly Guid MessageId = Guid.Parse("0193d1a2-7b3c-7def-8a01-23456789abcd");

    private static readonly DateTime Created = new(2026, 4, 1, 3, 4, 5, 678, DateTimeKind.Utc);

    [Fact]
    public void OutboxDocument_RoundTrip_KeepsValuesAndTypes()
    {
        var row = new MongoOutboxDocument
        {
            MessageId = MessageId,
            Sequence = 42,
            AggregateId = "aggregate-1",
            MessageType = "Contracts.Event, Contracts",
            Body = """{"id":1}""",
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            CreatedAt = Created,
            Attempts = 2,
        };

        var bson = Serialize(row);
        var back = Deserialize<MongoOutboxDocument>(bson);

        Assert.Equal(new BsonBinaryData(MessageId, GuidRepresentation.Standard), bson["_id"]);
        Assert.Equal(BsonBinarySubType.UuidStandard, bson["_id"].AsBsonBinaryData.SubType);
        Assert.Equal(BsonType.Int64, bson["Sequence"].BsonType);
        Assert.Equal(new BsonDateTime(Created), bson["CreatedAt"]);
        Assert.Equal(BsonNull.Value, bson["SentAt"]);
        Assert.Equal(MessageId, back.MessageId);
        Assert.Equal(Created, back.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, back.CreatedAt.Kind);
        Assert.Null(back.SentAt);
        Assert.Equal(row.TraceParent, back.TraceParent);
    }

    [Fact]
    public void InboxDocument_RoundTrip_KeepsKeyAndInstant()
    {
        var row = new MongoInboxDocument { Id = MongoInbox.InboxKey("consumer-a", MessageId), ProcessedAt = Created };

        var bson = Serialize(row);
        var back = Deserialize<MongoInboxDocument>(bson);

        Assert.Equal(BsonDocument.Parse("""{ "_id": "consumer-a/0193d1a2-7b3c-7def-8a01-23456789abcd", "ProcessedAt": ISODate("2026-04-01T03:04:05.678Z") }"""), bson);
        Assert.Equal(Created, back.ProcessedAt);
        Assert.Equal(DateTimeKind.Utc, back.ProcessedAt.Kind);
    }

    [Fact]
    public void CounterDocument_RoundTrip_KeepsValue()
    {
        var bson = Serialize(new MongoCounterDocument { Id = MongoMessagingCollections.OutboxSequence, Value = 7 });

        Assert.Equal(BsonDocument.Parse("""{ "_id": "outbox_sequence", "Value": NumberLong(7) }"""), bson);
        Assert.Equal(7, Deserialize<MongoCounterDocument>(bson).Value);
    }

    [Fact]
    public void OutboxPendingQuery_RendersFilterAndSort()
    {
        Assert.Equal(BsonDocument.Parse("""{ "SentAt": null }"""), Render(MongoOutboxStore.PendingFilter));
        Assert.Equal(BsonDocument.Parse("""{ "Sequence": 1 }"""), Render(MongoOutboxStore.SequenceOrder));
    }

    [Fact]
    public void OutboxPendingQuery_LeavesOutExcludedAggregates()
    {
        Assert.Equal(BsonDocument.Parse("""{ "SentAt": null }"""), Render(MongoOutboxStore.Pending([])));
        Assert.Equal(
            BsonDocument.Parse("""{ "SentAt": null, "AggregateId": { "$nin": ["a-1", "a-2"] } }"""),
            Render(MongoOutboxStore.Pending(["a-1", "a-2"])));
    }

    [Fact]
    public void OutboxRowUpdates_RenderById()
    {
        var sentAt = new DateTimeOffset(Created);

        Assert.Equal(BsonDocument.Parse("""{ "_id": UUID("0193d1a2-7b3c-7def-8a01-23456789abcd") }"""), Render(MongoOutboxStore.ById(MessageId)));
        Assert.Equal(BsonDocument.Parse("""{ "$set": { "SentAt": ISODate("2026-04-01T03:04:05.678Z") } }"""), Render(MongoOutboxStore.MarkSent(sentAt)));
        Assert.Equal(
            BsonDocument.Parse("""{ "$inc": { "Attempts": 1 }, "$set": { "LastError": "TimeoutException: broker" } }"""),
            Render(MongoOutboxStore.RecordFailure("TimeoutException: broker")));
    }

    [Fact]
    public void OutboxRecordFailure_TruncatesLongErrors()
    {
        var update = Render(MongoOutboxStore.RecordFailure(new string('x', 2_000))).AsBsonDocument;

        Assert.Equal(500, update["$set"]["LastError"].AsString.Length);
    }

    [Fact]
    public void OutboxPrune_RendersSentBefore()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "SentAt": { "$lt": ISODate("2026-04-01T03:04:05.678Z") } }"""),
            Render(MongoOutboxStore.SentBefore(new DateTimeOffset(Created).ToOffset(TimeSpan.FromHours(9)))));
    }

    [Fact]
    public void OutboxSequenceCounter_RendersUpsertIncrement()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id": "outbox_sequence" }"""), Render(MongoOutbox.SequenceCounter));
        Assert.Equal(BsonDocument.Parse("""{ "$inc": { "Value": NumberLong(1) } }"""), Render(MongoOutbox.NextSequence));
        Assert.True(MongoOutbox.NextSequenceOptions.IsUpsert);
        Assert.Equal(ReturnDocument.After, MongoOutbox.NextSequenceOptions.ReturnDocument);
        Assert.Equal(BsonDocument.Parse("""{ "$setOnInsert": { "Value": NumberLong(0) } }"""), Render(MongoMessagingIndexes.CreateSequenceCounter));
    }

    [Fact]
    public void InboxQueries_RenderKeyAndPrune()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "_id": "consumer-a/0193d1a2-7b3c-7def-8a01-23456789abcd" }"""),
            Render(MongoInbox.ById(MongoInbox.InboxKey("consumer-a", MessageId))));
        Assert.Equal(
            BsonDocument.Parse("""{ "ProcessedAt": { "$lt": ISODate("2026-04-01T03:04:05.678Z") } }"""),
            Render(MongoInbox.ProcessedBefore(new DateTimeOffset(Created))));
    }

    [Fact]
    public void MessagingIndexes_RenderKeysAndNames()
    {
        Assert.Equal(BsonDocument.Parse("""{ "SentAt": 1, "Sequence": 1 }"""), Render(MongoMessagingIndexes.PendingIndex.Keys));
        Assert.Equal("ix_outbox_pending", MongoMessagingIndexes.PendingIndex.Options.Name);
        Assert.Equal(BsonDocument.Parse("""{ "ProcessedAt": 1 }"""), Render(MongoMessagingIndexes.ProcessedAtIndex.Keys));
        Assert.Equal("ix_inbox_processed_at", MongoMessagingIndexes.ProcessedAtIndex.Options.Name);
    }
}
