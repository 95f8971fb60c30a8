using Xunit;

namespace MynaPlatform.Identity.Tests.Storage;

/// <summary>The identity repository contract against new SQLite files per test.</summary>
public sealed class SqliteIdentityRepositoryContractTests : IdentityRepositoryContractTests
{
    private protected override Task<IdentityContractStorage> CreateStorageAsync() =>
        IdentityContractStorage.StartSqliteAsync(TestContext.Current.CancellationToken);
}
