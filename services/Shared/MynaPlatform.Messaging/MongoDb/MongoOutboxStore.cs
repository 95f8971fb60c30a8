using MongoDB.Driver;
using MynaPlatform.Messaging.Outbox;

namespace MynaPlatform.Messaging.MongoDb;

internal sealed class MongoOutboxStore(IMongoDatabase database) : IOutboxStore
{
    internal static readonly FilterDefinition<MongoOutboxDocument> PendingFilter =
        Builders<MongoOutboxDocument>.Filter.Eq(row => row.SentAt, null);

    internal static readonly SortDefinition<MongoOutboxDocument> SequenceOrder =
        Builders<MongoOutboxDocument>.Sort.Ascending(row => row.Sequence);

    public async Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await database.GetOutbox().Find(PendingFilter).Sort(SequenceOrder).Limit(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(row => new OutboxMessage(
            row.Sequence, row.MessageId, row.AggregateId, row.MessageType, row.Body,
            row.TraceParent, row.TraceState, row.CorrelationId, row.Attempts));
    }

    public Task MarkSentAsync(Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        database.GetOutbox().UpdateOneAsync(
            ById(messageId),
            Builders<MongoOutboxDocument>.Update.Set(row => row.SentAt, sentAt.UtcDateTime),
            cancellationToken: cancellationToken);

    public Task RecordFailureAsync(Guid messageId, string error, CancellationToken cancellationToken) =>
        database.GetOutbox().UpdateOneAsync(
            ById(messageId),
            Builders<MongoOutboxDocument>.Update.Inc(row => row.Attempts, 1).Set(row => row.LastError, error),
            cancellationToken: cancellationToken);

    public async Task<int> PruneSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken)
    {
        var result = await database.GetOutbox().DeleteManyAsync(SentBefore(sentBefore), cancellationToken);
        return (int)result.DeletedCount;
    }

    internal static FilterDefinition<MongoOutboxDocument> SentBefore(DateTimeOffset sentBefore) =>
        Builders<MongoOutboxDocument>.Filter.Lt(row => row.SentAt, sentBefore.UtcDateTime);

    private static FilterDefinition<MongoOutboxDocument> ById(Guid messageId) =>
        Builders<MongoOutboxDocument>.Filter.Eq(row => row.MessageId, messageId);
}
