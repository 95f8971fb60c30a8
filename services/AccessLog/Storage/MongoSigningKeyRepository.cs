using MongoDB.Driver;
using MynaPlatform.AccessLog.Signing;

namespace MynaPlatform.AccessLog.Storage;

internal sealed class MongoSigningKeyRepository(IMongoDatabase database) : ISigningKeyRepository
{
    internal static readonly SortDefinition<MongoSigningKeyDocument> OldestFirst =
        Builders<MongoSigningKeyDocument>.Sort.Ascending(key => key.CreatedAt).Ascending(key => key.KeyId);

    private IMongoCollection<MongoSigningKeyDocument> Keys => database.GetCollection<MongoSigningKeyDocument>(AccessLogSchema.MongoSigningKeys);

    public async Task<IReadOnlyList<StoredSigningKey>> ListAsync(CancellationToken cancellationToken)
    {
        var documents = await Keys.Find(FilterDefinition<MongoSigningKeyDocument>.Empty).Sort(OldestFirst).ToListAsync(cancellationToken);
        return [.. documents.Select(document => new StoredSigningKey(document.KeyId, document.PrivateKeyPem, document.CreatedAt))];
    }

    public Task AddAsync(StoredSigningKey key, CancellationToken cancellationToken) =>
        Keys.InsertOneAsync(
            new MongoSigningKeyDocument { KeyId = key.KeyId, PrivateKeyPem = key.PrivateKeyPem, CreatedAt = key.CreatedAt },
            cancellationToken: cancellationToken);
}
