using MynaPlatform.AccessLog.Operations;
using MynaPlatform.Notices.Operations;
using Xunit;

namespace MynaPlatform.Storage.Tests.Contract;

/// <summary>
/// The behaviour every repository adapter must show, whatever the provider. A derived class
/// supplies a fresh store per test.
/// </summary>
public abstract class RepositoryContractTests
{
    private const int RacingWriters = 8;

    private static readonly DateTimeOffset Noon = new(2026, 4, 1, 3, 0, 0, 123, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private protected abstract Task<ContractStorage> CreateStorageAsync();

    [Fact]
    public async Task Account_InsertThenFind_KeepsEveryValue()
    {
        await using var storage = await CreateStorageAsync();
        var account = new TestAccount(Guid.NewGuid(), "年金 受取口座", 12_345_678.0001m, new DateTimeOffset(2026, 4, 1, 12, 0, 0, 456, TimeSpan.FromHours(9)), 1);

        await storage.Accounts.InsertAsync(account, Token);
        var found = await storage.Accounts.FindAsync(account.Id, Token);

        Assert.NotNull(found);
        Assert.Equal(account.Name, found.Name);
        Assert.Equal(account.Balance, found.Balance);
        Assert.Equal("12345678.0001", found.Balance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(account.UpdatedAt, found.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, found.UpdatedAt.Offset);
        Assert.Equal(1, found.Version);
    }

    [Fact]
    public async Task Account_FindMissing_ReturnsNull()
    {
        await using var storage = await CreateStorageAsync();

        Assert.Null(await storage.Accounts.FindAsync(Guid.NewGuid(), Token));
    }

    [Fact]
    public async Task VersionedUpdate_CurrentVersion_IncrementsVersion()
    {
        await using var storage = await CreateStorageAsync();
        var account = await InsertAccountAsync(storage);

        var version = await storage.Accounts.ChangeBalanceAsync(account.Id, 1, 500m, Noon, Token);
        var found = await storage.Accounts.FindAsync(account.Id, Token);

        Assert.Equal(2, version);
        Assert.Equal(2, found!.Version);
        Assert.Equal(500m, found.Balance);
        Assert.Equal(Noon, found.UpdatedAt);
    }

    [Fact]
    public async Task VersionedUpdate_StaleVersion_ThrowsConflict()
    {
        await using var storage = await CreateStorageAsync();
        var account = await InsertAccountAsync(storage);
        await storage.Accounts.ChangeBalanceAsync(account.Id, 1, 500m, Noon, Token);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => storage.Accounts.ChangeBalanceAsync(account.Id, 1, 900m, Noon, Token));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(account.Id.ToString(), conflict.Id);
        Assert.Equal(500m, (await storage.Accounts.FindAsync(account.Id, Token))!.Balance);
    }

    [Fact]
    public async Task VersionedUpdate_MissingRecord_ThrowsConflict()
    {
        await using var storage = await CreateStorageAsync();

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => storage.Accounts.ChangeBalanceAsync(Guid.NewGuid(), 1, 900m, Noon, Token));

        Assert.Null(conflict.ActualVersion);
    }

    [Fact]
    public async Task RacingUpdates_ExactlyOneWins()
    {
        await using var storage = await CreateStorageAsync();
        var account = await InsertAccountAsync(storage);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racers = Enumerable.Range(1, RacingWriters).Select(async writer =>
        {
            await start.Task;
            try
            {
                await storage.Accounts.ChangeBalanceAsync(account.Id, 1, writer, Noon, Token);
                return (Writer: writer, Error: (Exception?)null);
            }
            catch (Exception exception)
            {
                return (Writer: writer, Error: exception);
            }
        }).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(racers);

        var winners = outcomes.Where(outcome => outcome.Error is null).ToList();
        var losers = outcomes.Where(outcome => outcome.Error is not null).ToList();
        Assert.Single(winners);
        Assert.Equal(RacingWriters - 1, losers.Count);
        Assert.All(losers, loser => Assert.IsType<ConcurrencyConflictException>(loser.Error));

        var stored = await storage.Accounts.FindAsync(account.Id, Token);
        Assert.Equal(2, stored!.Version);
        Assert.Equal(winners[0].Writer, stored.Balance);
        var events = await storage.Outbox.GetPendingAsync(100, Token);
        Assert.Single(events, row => row.AggregateId == account.Id.ToString());
    }

    [Fact]
    public async Task ConcurrentWriters_RetryConflictsUntilAllApplied()
    {
        const int writers = 8, incrementsPerWriter = 25;
        await using var storage = await CreateStorageAsync();
        var account = await InsertAccountAsync(storage);
        var conflicts = 0;

        // Each writer reads, adds one and writes back. A conflict means another writer went first,
        // so it reads again. Any other exception (SQLITE_BUSY among them) fails the test.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var applied = 0; applied < incrementsPerWriter;)
            {
                var current = (await storage.Accounts.FindAsync(account.Id, Token))!;
                try
                {
                    await storage.Accounts.ChangeBalanceAsync(account.Id, current.Version, current.Balance + 1, Noon, Token);
                    applied++;
                }
                catch (ConcurrencyConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }, Token)));

        var stored = await storage.Accounts.FindAsync(account.Id, Token);
        Assert.Equal(writers * incrementsPerWriter, stored!.Balance);
        Assert.Equal(1 + writers * incrementsPerWriter, stored.Version);
        TestContext.Current.SendDiagnosticMessage($"{conflicts} conflicts were retried");
    }

    [Fact]
    public async Task FailedUpdate_RollsBackItsOutboxRow()
    {
        await using var storage = await CreateStorageAsync();
        var account = await InsertAccountAsync(storage);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => storage.Accounts.ChangeBalanceAsync(account.Id, 7, 900m, Noon, Token));

        Assert.Empty(await storage.Outbox.GetPendingAsync(100, Token));
        Assert.Equal(0m, (await storage.Accounts.FindAsync(account.Id, Token))!.Balance);
    }

    [Fact]
    public async Task Outbox_PendingRows_FollowWriteOrder()
    {
        await using var storage = await CreateStorageAsync();
        var account = await InsertAccountAsync(storage);
        for (var version = 1; version <= 3; version++)
        {
            await storage.Accounts.ChangeBalanceAsync(account.Id, version, version * 10, Noon, Token);
        }

        var pending = await storage.Outbox.GetPendingAsync(100, Token);

        Assert.Equal(3, pending.Count);
        Assert.Equal(pending.OrderBy(row => row.Sequence).Select(row => row.MessageId), pending.Select(row => row.MessageId));
        Assert.Equal(3, pending.Select(row => row.MessageId).Distinct().Count());
        Assert.All(pending, row => Assert.Equal(0, row.Attempts));
    }

    [Fact]
    public async Task Outbox_PendingWithExclusions_SkipsAggregates()
    {
        await using var storage = await CreateStorageAsync();
        var first = await InsertAccountAsync(storage);
        var second = await InsertAccountAsync(storage);
        await storage.Accounts.ChangeBalanceAsync(first.Id, 1, 10m, Noon, Token);
        await storage.Accounts.ChangeBalanceAsync(second.Id, 1, 20m, Noon, Token);
        await storage.Accounts.ChangeBalanceAsync(first.Id, 2, 30m, Noon, Token);

        var pending = await storage.Outbox.GetPendingAsync(100, [first.Id.ToString(), "unknown"], Token);

        var row = Assert.Single(pending);
        Assert.Equal(second.Id.ToString(), row.AggregateId);
        Assert.Equal(3, (await storage.Outbox.GetPendingAsync(100, [], Token)).Count);
        Assert.Single(await storage.Outbox.GetPendingAsync(1, [second.Id.ToString()], Token), pendingRow => pendingRow.AggregateId == first.Id.ToString());
    }

    [Fact]
    public async Task Outbox_MarkSentAndFailure_UpdateRows()
    {
        await using var storage = await CreateStorageAsync();
        var account = await InsertAccountAsync(storage);
        await storage.Accounts.ChangeBalanceAsync(account.Id, 1, 10m, Noon, Token);
        await storage.Accounts.ChangeBalanceAsync(account.Id, 2, 20m, Noon, Token);
        var pending = await storage.Outbox.GetPendingAsync(100, Token);

        await storage.Outbox.RecordFailureAsync(pending[1].MessageId, new string('x', 2_000), Token);
        await storage.Outbox.MarkSentAsync(pending[0].MessageId, DateTimeOffset.UtcNow.AddHours(-2), Token);
        var remaining = await storage.Outbox.GetPendingAsync(100, Token);

        var row = Assert.Single(remaining);
        Assert.Equal(pending[1].MessageId, row.MessageId);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(0, await storage.Outbox.PruneSentAsync(DateTimeOffset.UtcNow.AddHours(-3), Token));
        Assert.Equal(1, await storage.Outbox.PruneSentAsync(DateTimeOffset.UtcNow.AddHours(-1), Token));
        Assert.Single(await storage.Outbox.GetPendingAsync(100, Token));
    }

    [Fact]
    public async Task Probe_Record_StoresProbeAndEvent()
    {
        await using var storage = await CreateStorageAsync();
        var probe = new SelfCheckProbe(Guid.NewGuid(), "corr-1", Noon);

        Assert.True(await storage.Probes.RecordAsync(probe, Token));

        var row = Assert.Single(await storage.Outbox.GetPendingAsync(100, Token));
        Assert.Equal(probe.ProbeId.ToString(), row.AggregateId);
        Assert.Contains(probe.ProbeId.ToString(), row.Body);
    }

    [Fact]
    public async Task Probe_RecordTwice_WritesNothingSecond()
    {
        await using var storage = await CreateStorageAsync();
        var probe = new SelfCheckProbe(Guid.NewGuid(), "corr-1", Noon);
        await storage.Probes.RecordAsync(probe, Token);

        Assert.False(await storage.Probes.RecordAsync(probe with { CorrelationId = "corr-2" }, Token));
        Assert.Single(await storage.Outbox.GetPendingAsync(100, Token));
    }

    [Fact]
    public async Task Receipt_SameMessageTwice_StoredOnce()
    {
        await using var storage = await CreateStorageAsync();
        var receipt = new SelfCheckReceipt(Guid.NewGuid(), Guid.NewGuid(), "corr-1", "0af7651916cd43dd8448eb211c80319c", Noon);

        Assert.True(await storage.Receipts.RecordAsync(receipt, "consumer-a", Token));
        Assert.False(await storage.Receipts.RecordAsync(receipt, "consumer-a", Token));
        var found = await storage.Receipts.FindAsync(receipt.ProbeId, Token);

        Assert.Equal(receipt, found);
    }

    [Fact]
    public async Task Inbox_Prune_RemovesOnlyOldIds()
    {
        await using var storage = await CreateStorageAsync();
        var receipt = new SelfCheckReceipt(Guid.NewGuid(), Guid.NewGuid(), "corr-1", "trace", Noon);
        await storage.Receipts.RecordAsync(receipt, "consumer-a", Token);

        Assert.Equal(0, await storage.Inbox.PruneAsync(DateTimeOffset.UtcNow.AddMinutes(-5), Token));
        Assert.Equal(1, await storage.Inbox.PruneAsync(DateTimeOffset.UtcNow.AddMinutes(5), Token));
        Assert.True(await storage.Receipts.RecordAsync(receipt with { ProbeId = Guid.NewGuid() }, "consumer-a", Token));
    }

    private static async Task<TestAccount> InsertAccountAsync(ContractStorage storage)
    {
        var account = new TestAccount(Guid.NewGuid(), "口座", 0m, Noon, 1);
        await storage.Accounts.InsertAsync(account, Token);
        return account;
    }
}
