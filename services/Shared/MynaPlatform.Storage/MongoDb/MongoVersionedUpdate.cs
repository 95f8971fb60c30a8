using System.Linq.Expressions;
using MongoDB.Driver;

namespace MynaPlatform.Storage.MongoDb;

/// <summary>
/// Optimistic concurrency for MongoDB documents that carry a version number: the update filter
/// names the version that was read, and the update increments it.
/// </summary>
public static class MongoVersionedUpdate
{
    /// <summary>Combines the id filter with <c>version == expectedVersion</c>.</summary>
    public static FilterDefinition<TDocument> Filter<TDocument>(
        FilterDefinition<TDocument> byId, Expression<Func<TDocument, long>> version, long expectedVersion) =>
        Builders<TDocument>.Filter.And(byId, Builders<TDocument>.Filter.Eq(version, expectedVersion));

    /// <summary>Adds <c>$inc</c> of the version to <paramref name="changes"/>.</summary>
    public static UpdateDefinition<TDocument> Update<TDocument>(
        UpdateDefinition<TDocument> changes, Expression<Func<TDocument, long>> version) =>
        Builders<TDocument>.Update.Combine(changes, Builders<TDocument>.Update.Inc(version, 1));

    /// <summary>
    /// Applies <paramref name="changes"/> to the document matched by <paramref name="byId"/> only
    /// if it is still at <paramref name="expectedVersion"/>, and returns the new version. Pass the
    /// session of a <see cref="MongoTransaction"/> to take part in it, or null.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The document is at another version or no longer exists.</exception>
    public static async Task<long> UpdateVersionedAsync<TDocument>(
        this IMongoCollection<TDocument> collection,
        IClientSessionHandle? session,
        string entity,
        string id,
        FilterDefinition<TDocument> byId,
        Expression<Func<TDocument, long>> version,
        long expectedVersion,
        UpdateDefinition<TDocument> changes,
        CancellationToken cancellationToken)
    {
        var filter = Filter(byId, version, expectedVersion);
        var update = Update(changes, version);
        var result = session is null
            ? await collection.UpdateOneAsync(filter, update, cancellationToken: cancellationToken)
            : await collection.UpdateOneAsync(session, filter, update, cancellationToken: cancellationToken);
        if (result.MatchedCount == 1)
        {
            return expectedVersion + 1;
        }

        var current = session is null
            ? await collection.Find(byId).FirstOrDefaultAsync(cancellationToken)
            : await collection.Find(session, byId).FirstOrDefaultAsync(cancellationToken);
        long? actual = current is null ? null : version.Compile()(current);
        throw new ConcurrencyConflictException(entity, id, expectedVersion, actual);
    }
}
