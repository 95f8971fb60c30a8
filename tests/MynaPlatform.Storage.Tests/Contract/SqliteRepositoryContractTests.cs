using Xunit;

namespace MynaPlatform.Storage.Tests.Contract;

/// <summary>The repository contract against a new SQLite file per test.</summary>
public sealed class SqliteRepositoryContractTests : RepositoryContractTests
{
    private protected override Task<ContractStorage> CreateStorageAsync()
    {
        var directory = TestDataDirectory.Create("contract");
        return ContractStorage.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(directory, "contract.db"),
        }, directory, TestContext.Current.CancellationToken);
    }
}
