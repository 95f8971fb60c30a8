using Xunit;

namespace MynaPlatform.SelfInfo.Tests.Storage;

/// <summary>The self-info store contract against a new SQLite file per test.</summary>
public sealed class SqliteSelfInfoStoreTests : SelfInfoStoreContractTests
{
    private protected override Task<SelfInfoStorage> CreateStorageAsync()
    {
        var root = Environment.GetEnvironmentVariable("MYNA_TEST_DATA_DIR") ?? Path.GetTempPath();
        var directory = Path.Combine(root, "self-info-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return SelfInfoStorage.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(directory, "self-info.db"),
        }, directory, TestContext.Current.CancellationToken);
    }
}
