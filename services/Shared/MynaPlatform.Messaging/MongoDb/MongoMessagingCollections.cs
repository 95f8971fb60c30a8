using MongoDB.Driver;
using MynaPlatform.Storage.MongoDb;

namespace MynaPlatform.Messaging.MongoDb;

internal static class MongoMessagingCollections
{
    public const string Outbox = "outbox_messages";
    public const string Inbox = "inbox_messages";
    public const string Counters = "counters";
    public const string OutboxSequence = "outbox_sequence";

    public static IMongoCollection<MongoOutboxDocument> GetOutbox(this IMongoDatabase database) =>
        database.GetCollection<MongoOutboxDocument>(Outbox);

    public static IMongoCollection<MongoInboxDocument> GetInbox(this IMongoDatabase database) =>
        database.GetCollection<MongoInboxDocument>(Inbox);

    public static IMongoCollection<MongoCounterDocument> GetCounters(this IMongoDatabase database) =>
        database.GetCollection<MongoCounterDocument>(Counters);
}

/// <summary>
/// Indexes of the outbox and inbox (pending rows in sequence order, and pruning by time), and the
/// outbox sequence counter. The counter is created here, outside any transaction, so the first
/// transactions that write outbox rows do not race to insert it.
/// </summary>
internal sealed class MongoMessagingIndexes : IMongoIndexes
{
    public static readonly CreateIndexModel<MongoOutboxDocument> PendingIndex = new(
        Builders<MongoOutboxDocument>.IndexKeys.Ascending(row => row.SentAt).Ascending(row => row.Sequence),
        new CreateIndexOptions { Name = "ix_outbox_pending" });

    public static readonly CreateIndexModel<MongoInboxDocument> ProcessedAtIndex = new(
        Builders<MongoInboxDocument>.IndexKeys.Ascending(row => row.ProcessedAt),
        new CreateIndexOptions { Name = "ix_inbox_processed_at" });

    /// <summary>Sets the counter to 0 only when the upsert inserts it, so a restart keeps the sequence.</summary>
    public static readonly UpdateDefinition<MongoCounterDocument> CreateSequenceCounter =
        Builders<MongoCounterDocument>.Update.SetOnInsert(document => document.Value, 0L);

    public async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await database.GetOutbox().Indexes.CreateOneAsync(PendingIndex, cancellationToken: cancellationToken);
        await database.GetInbox().Indexes.CreateOneAsync(ProcessedAtIndex, cancellationToken: cancellationToken);
        await database.GetCounters().UpdateOneAsync(
            MongoOutbox.SequenceCounter, CreateSequenceCounter, new UpdateOptions { IsUpsert = true }, cancellationToken);
    }
}
