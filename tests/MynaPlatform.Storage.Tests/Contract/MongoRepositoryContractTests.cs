using Xunit;

namespace MynaPlatform.Storage.Tests.Contract;

/// <summary>
/// The repository contract against a new database per test on a single-node MongoDB replica set
/// in a container. Without a Docker daemon every case is reported as skipped, with the reason.
/// </summary>
public sealed class MongoRepositoryContractTests(MongoReplicaSetFixture mongo)
    : RepositoryContractTests, IClassFixture<MongoReplicaSetFixture>
{
    private protected override Task<ContractStorage> CreateStorageAsync()
    {
        var connectionString = mongo.ConnectionString;
        Assert.SkipWhen(connectionString is null, mongo.SkipReason);

        return ContractStorage.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "MongoDb",
            ["ConnectionStrings:mongodb"] = connectionString,
            ["Storage:MongoDatabase"] = $"contract_{Guid.NewGuid():N}",
        }, null, TestContext.Current.CancellationToken);
    }
}
