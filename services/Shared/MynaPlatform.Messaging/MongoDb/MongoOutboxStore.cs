using MongoDB.Driver;
using MynaPlatform.Messaging.Outbox;

namespace MynaPlatform.Messaging.MongoDb;

internal sealed class MongoOutboxStore(IMongoDatabase database) : IOutboxStore
{
    private const int MaxErrorLength = 500;

    internal static readonly FilterDefinition<MongoOutboxDocument> PendingFilter =
        Builders<MongoOutboxDocument>.Filter.Eq(row => row.SentAt, null);

    internal static readonly SortDefinition<MongoOutboxDocument> SequenceOrder =
        Builders<MongoOutboxDocument>.Sort.Ascending(row => row.Sequence);

    public Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, CancellationToken cancellationToken) =>
        GetPendingAsync(limit, [], cancellationToken);

    public async Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, IReadOnlyCollection<string> excludedAggregates, CancellationToken cancellationToken)
    {
        var rows = await database.GetOutbox().Find(Pending(excludedAggregates)).Sort(SequenceOrder).Limit(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(row => new OutboxMessage(
            row.Sequence, row.MessageId, row.AggregateId, row.MessageType, row.Body,
            row.TraceParent, row.TraceState, row.CorrelationId, row.Attempts));
    }

    public Task MarkSentAsync(Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        database.GetOutbox().UpdateOneAsync(ById(messageId), MarkSent(sentAt), cancellationToken: cancellationToken);

    public Task RecordFailureAsync(Guid messageId, string error, CancellationToken cancellationToken) =>
        database.GetOutbox().UpdateOneAsync(ById(messageId), RecordFailure(error), cancellationToken: cancellationToken);

    public async Task<int> PruneSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken)
    {
        var result = await database.GetOutbox().DeleteManyAsync(SentBefore(sentBefore), cancellationToken);
        return (int)result.DeletedCount;
    }

    internal static FilterDefinition<MongoOutboxDocument> Pending(IReadOnlyCollection<string> excludedAggregates) =>
        excludedAggregates.Count == 0
            ? PendingFilter
            : PendingFilter & Builders<MongoOutboxDocument>.Filter.Nin(row => row.AggregateId, excludedAggregates);

    internal static FilterDefinition<MongoOutboxDocument> SentBefore(DateTimeOffset sentBefore) =>
        Builders<MongoOutboxDocument>.Filter.Lt(row => row.SentAt, sentBefore.UtcDateTime);

    internal static FilterDefinition<MongoOutboxDocument> ById(Guid messageId) =>
        Builders<MongoOutboxDocument>.Filter.Eq(row => row.MessageId, messageId);

    internal static UpdateDefinition<MongoOutboxDocument> MarkSent(DateTimeOffset sentAt) =>
        Builders<MongoOutboxDocument>.Update.Set(row => row.SentAt, sentAt.UtcDateTime);

    /// <summary>Counts the attempt and keeps the start of the error, as the SQLite outbox does.</summary>
    internal static UpdateDefinition<MongoOutboxDocument> RecordFailure(string error) =>
        Builders<MongoOutboxDocument>.Update
            .Inc(row => row.Attempts, 1)
            .Set(row => row.LastError, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
}
