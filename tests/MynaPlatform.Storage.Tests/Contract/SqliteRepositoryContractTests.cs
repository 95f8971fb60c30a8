using Xunit;

namespace MynaPlatform.Storage.Tests.Contract;

/// <summary>The repository contract against a new SQLite file per test.</summary>
public sealed class SqliteRepositoryContractTests : RepositoryContractTests
{
    private protected override Task<ContractStorage> CreateStorageAsync() =>
        ContractStorage.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(TestDataDirectory.Create("contract"), "contract.db"),
        }, TestContext.Current.CancellationToken);
}
