using MongoDB.Driver;
using MynaPlatform.Messaging.Inbox;

namespace MynaPlatform.Messaging.MongoDb;

/// <summary>Records processed message ids in the consumer's own MongoDB transaction.</summary>
public sealed class MongoInbox(IMongoDatabase database, TimeProvider clock) : IInboxStore
{
    /// <summary>
    /// Returns false when <paramref name="messageId"/> was processed before by <paramref name="consumer"/>.
    /// The id is looked up before it is inserted, because a duplicate key error inside a transaction
    /// makes the server abort it, and the caller could then not commit or skip cleanly. Two
    /// deliveries racing each other end in a write conflict, which the transaction retries.
    /// </summary>
    public async Task<bool> TryRecordAsync(IClientSessionHandle session, Guid messageId, string consumer, CancellationToken cancellationToken)
    {
        var key = InboxKey(consumer, messageId);
        if (await database.GetInbox().Find(session, ById(key)).AnyAsync(cancellationToken))
        {
            return false;
        }

        await database.GetInbox().InsertOneAsync(session, new MongoInboxDocument
        {
            Id = key,
            ProcessedAt = clock.GetUtcNow().UtcDateTime,
        }, cancellationToken: cancellationToken);
        return true;
    }

    public async Task<int> PruneAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken)
    {
        var result = await database.GetInbox().DeleteManyAsync(ProcessedBefore(processedBefore), cancellationToken);
        return (int)result.DeletedCount;
    }

    internal static string InboxKey(string consumer, Guid messageId) => $"{consumer}/{messageId:D}";

    internal static FilterDefinition<MongoInboxDocument> ById(string key) =>
        Builders<MongoInboxDocument>.Filter.Eq(row => row.Id, key);

    internal static FilterDefinition<MongoInboxDocument> ProcessedBefore(DateTimeOffset processedBefore) =>
        Builders<MongoInboxDocument>.Filter.Lt(row => row.ProcessedAt, processedBefore.UtcDateTime);
}
