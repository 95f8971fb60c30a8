using MongoDB.Driver;

namespace MynaPlatform.Storage.MongoDb;

/// <summary>Runs work in one MongoDB transaction (a replica set is required, even with one node).</summary>
public sealed class MongoTransaction(IMongoClient client)
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it; the driver retries the whole
    /// callback on transient transaction errors, so the work must only touch the database.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var session = await client.StartSessionAsync(cancellationToken: cancellationToken);
        return await session.WithTransactionAsync(work, cancellationToken: cancellationToken);
    }
}
