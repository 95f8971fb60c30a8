using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace MynaPlatform.Storage.MongoDb;

/// <summary>Creates the indexes of one repository; creating an existing index is a no-op in MongoDB.</summary>
public interface IMongoIndexes
{
    Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken);
}

internal sealed class MongoIndexInitializer(IMongoDatabase database, IEnumerable<IMongoIndexes> indexes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var index in indexes)
        {
            await index.CreateAsync(database, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
