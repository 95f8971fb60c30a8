using MongoDB.Driver;
using MynaPlatform.Messaging.Inbox;

namespace MynaPlatform.Messaging.MongoDb;

/// <summary>Records processed message ids in the consumer's own MongoDB transaction.</summary>
public sealed class MongoInbox(IMongoDatabase database, TimeProvider clock) : IInboxStore
{
    /// <summary>Returns false when <paramref name="messageId"/> was processed before by <paramref name="consumer"/>.</summary>
    public async Task<bool> TryRecordAsync(IClientSessionHandle session, Guid messageId, string consumer, CancellationToken cancellationToken)
    {
        try
        {
            await database.GetInbox().InsertOneAsync(session, new MongoInboxDocument
            {
                Id = InboxKey(consumer, messageId),
                ProcessedAt = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<int> PruneAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken)
    {
        var result = await database.GetInbox().DeleteManyAsync(
            Builders<MongoInboxDocument>.Filter.Lt(row => row.ProcessedAt, processedBefore.UtcDateTime), cancellationToken);
        return (int)result.DeletedCount;
    }

    internal static string InboxKey(string consumer, Guid messageId) => $"{consumer}/{messageId:D}";
}
