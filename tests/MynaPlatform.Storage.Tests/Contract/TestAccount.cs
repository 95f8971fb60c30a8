using MynaPlatform.Contracts.Operations;

namespace MynaPlatform.Storage.Tests.Contract;

/// <summary>
/// A record with every kind of stored value (text, an exact amount, an instant, a version), used
/// to hold both adapters to one contract.
/// </summary>
public sealed record TestAccount(Guid Id, string Name, decimal Balance, DateTimeOffset UpdatedAt, long Version);

/// <summary>The event written with a balance change. It reuses an existing contract type, so tests add no contract.</summary>
public static class TestAccountEvents
{
    public static SelfCheckProbeRecorded Changed(TestAccount account) =>
        new(account.Id, $"balance-{account.Balance}", account.UpdatedAt);
}

public interface ITestAccountRepository
{
    Task InsertAsync(TestAccount account, CancellationToken cancellationToken);

    Task<TestAccount?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the balance if the account is still at <paramref name="expectedVersion"/> and writes a
    /// change event to the outbox in the same transaction, and returns the new version.
    /// The outbox row is written first, so a conflict must also roll it back.
    /// </summary>
    Task<long> ChangeBalanceAsync(Guid id, long expectedVersion, decimal balance, DateTimeOffset updatedAt, CancellationToken cancellationToken);
}
