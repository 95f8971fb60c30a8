using MynaPlatform.Storage.Tests.Contract;
using Xunit;

namespace MynaPlatform.SelfInfo.Tests.Storage;

/// <summary>
/// The self-info store contract against a new database per test on a single-node MongoDB replica
/// set in a container. Without a Docker daemon every case is reported as skipped, with the reason.
/// </summary>
public sealed class MongoSelfInfoStoreTests(MongoReplicaSetFixture mongo) : SelfInfoStoreContractTests, IClassFixture<MongoReplicaSetFixture>
{
    private protected override Task<SelfInfoStorage> CreateStorageAsync()
    {
        var connectionString = mongo.ConnectionString;
        Assert.SkipWhen(connectionString is null, mongo.SkipReason);

        return SelfInfoStorage.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "MongoDb",
            ["ConnectionStrings:mongodb"] = connectionString,
            ["Storage:MongoDatabase"] = $"self_info_{Guid.NewGuid():N}",
        }, null, TestContext.Current.CancellationToken);
    }
}
