using MynaPlatform.Storage.Tests.Contract;
using Xunit;

namespace MynaPlatform.Identity.Tests.Storage;

/// <summary>
/// The identity repository contract against a new database per test on a single-node MongoDB
/// replica set in a container. Without a Docker daemon every case is reported as skipped, with the reason.
/// </summary>
public sealed class MongoIdentityRepositoryContractTests(MongoReplicaSetFixture mongo)
    : IdentityRepositoryContractTests, IClassFixture<MongoReplicaSetFixture>
{
    private protected override Task<IdentityContractStorage> CreateStorageAsync()
    {
        var connectionString = mongo.ConnectionString;
        Assert.SkipWhen(connectionString is null, mongo.SkipReason);
        return IdentityContractStorage.StartMongoAsync(connectionString!, TestContext.Current.CancellationToken);
    }
}
