using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Verification;
using MynaPlatform.AccessLog.Signing;
using MynaPlatform.Contracts.Access;
using MynaPlatform.Storage.Tests.Contract;
using Xunit;

namespace MynaPlatform.Storage.Tests.AccessLog;

/// <summary>The behaviour every access-log storage adapter must show. A derived class supplies a fresh store per test.</summary>
public abstract class AccessLogContractTests
{
    private const int RacingWriters = 8;

    private static readonly DateTimeOffset Start = new(2025, 4, 1, 0, 30, 0, TimeSpan.Zero);

    private readonly ChainSigningKey key = ChainSigningKey.Generate("contract-key");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private protected abstract Task<AccessLogStorage> CreateStorageAsync();

    [Fact]
    public async Task Append_ThenRead_ChainVerifies()
    {
        await using var storage = await CreateStorageAsync();

        for (var index = 0; index < 3; index++)
        {
            await AppendAsync(storage, "person-a", Exchange($"r{index}"), Start.AddMinutes(index));
        }

        var chain = await storage.Chains.GetOrCreateChainAsync("person-a", Token);
        var entries = await storage.Chains.ReadEntriesAsync(chain.ChainId, 0, chain.Tip.Sequence, 100, Token);
        var head = new SignedHead(chain.ChainId, chain.Tip.Sequence, chain.Tip.Hash, chain.HeadSignature!);
        var result = ChainVerifier.Verify(new ChainEvidence(head, entries), Keys());

        Assert.Equal(3, chain.Tip.Sequence);
        Assert.True(result.IsValid, result.Failure?.Detail);
        Assert.Equal([1L, 2L, 3L], entries.Select(entry => entry.Sequence));
        Assert.Equal(Start.AddMinutes(2), entries[2].RecordedAt);
    }

    [Fact]
    public async Task Append_SameSourceKey_ReturnsOriginal()
    {
        await using var storage = await CreateStorageAsync();

        var first = await AppendAsync(storage, "person-a", Exchange("same"), Start);
        var second = await AppendAsync(storage, "person-a", Exchange("same"), Start.AddMinutes(1));

        Assert.Equal(AppendStatus.Appended, first.Status);
        Assert.Equal(AppendStatus.DuplicateSource, second.Status);
        Assert.Equal(first.Entry!.EntryHash, second.Entry!.EntryHash);
        Assert.Equal(1, (await storage.Chains.GetOrCreateChainAsync("person-a", Token)).Tip.Sequence);
    }

    [Fact]
    public async Task Append_SameSourceOtherPerson_AppendsNothing()
    {
        await using var storage = await CreateStorageAsync();

        var first = await AppendAsync(storage, "person-a", Exchange("same"), Start);
        var second = await AppendAsync(storage, "person-b", Exchange("same"), Start.AddMinutes(1));

        Assert.Equal(AppendStatus.Appended, first.Status);
        Assert.Equal(AppendStatus.DuplicateSourceOfOtherPerson, second.Status);
        Assert.Null(second.Entry);
        Assert.Equal(0, (await storage.Chains.GetOrCreateChainAsync("person-b", Token)).Tip.Sequence);
    }

    [Fact]
    public async Task Append_SameInboxMessage_AppendsOnce()
    {
        await using var storage = await CreateStorageAsync();
        var receipt = new InboxReceipt(Guid.NewGuid(), "contract-consumer");

        var first = await AppendAsync(storage, "person-a", Exchange("one"), Start, receipt);
        var second = await AppendAsync(storage, "person-a", Exchange("two"), Start, receipt);

        Assert.Equal(AppendStatus.Appended, first.Status);
        Assert.Equal(AppendStatus.DuplicateMessage, second.Status);
        Assert.Equal(1, (await storage.Chains.GetOrCreateChainAsync("person-a", Token)).Tip.Sequence);
    }

    [Fact]
    public async Task RacingAppends_NeverForkChain()
    {
        await using var storage = await CreateStorageAsync();
        var writer = new ChainWriter(storage.Chains, await KeyRingAsync(storage), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ChainWriter>.Instance);

        await Task.WhenAll(Enumerable.Range(0, RacingWriters).Select(index =>
            writer.AppendAsync("person-a", Exchange($"race-{index}"), null, Token)));

        var chain = await storage.Chains.GetOrCreateChainAsync("person-a", Token);
        var entries = await storage.Chains.ReadEntriesAsync(chain.ChainId, 0, chain.Tip.Sequence, 100, Token);
        var head = new SignedHead(chain.ChainId, chain.Tip.Sequence, chain.Tip.Hash, chain.HeadSignature!);

        Assert.Equal(RacingWriters, chain.Tip.Sequence);
        Assert.True(ChainVerifier.Verify(new ChainEvidence(head, entries), new TrustedKeys(writerKeys)).IsValid);
    }

    [Fact]
    public async Task Search_Filters_MatchBothAdapters()
    {
        await using var storage = await CreateStorageAsync();
        await AppendAsync(storage, "person-a", Exchange("a", task: "児童手当の支給に関する事務", provider: "agency-x"), Start);
        await AppendAsync(storage, "person-a", Exchange("b", task: "地方税の賦課徴収に関する事務", providedAt: Start.AddDays(2)), Start.AddMinutes(1));
        await AppendAsync(storage, "person-a", Exchange("c", withheldUntil: new DateOnly(2025, 5, 1)), Start.AddMinutes(2));
        await AppendAsync(storage, "person-b", Exchange("d"), Start.AddMinutes(3));
        var today = new DateOnly(2025, 4, 10);

        var all = await SearchAsync(storage, new RecordQuery(null, null, null, null, null, today, 0, 10));
        var byAgency = await SearchAsync(storage, new RecordQuery("agency-x", null, null, null, null, today, 0, 10));
        var byTask = await SearchAsync(storage, new RecordQuery(null, MynaPlatform.Text.LikePattern.Contains("児童"), MynaPlatform.Text.SearchText.Normalize("児童"), null, null, today, 0, 10));
        var byPeriod = await SearchAsync(storage, new RecordQuery(null, null, null, Start.AddDays(1), Start.AddDays(3), today, 0, 10));
        var afterReveal = await SearchAsync(storage, new RecordQuery(null, null, null, null, null, new DateOnly(2025, 5, 1), 0, 10));
        var secondPage = await SearchAsync(storage, new RecordQuery(null, null, null, null, null, today, 1, 1));

        Assert.Equal([2L, 1L], all.Entries.Select(entry => entry.Sequence));
        Assert.Equal(2, all.Total);
        Assert.Equal([1L], byAgency.Entries.Select(entry => entry.Sequence));
        Assert.Equal([1L], byTask.Entries.Select(entry => entry.Sequence));
        Assert.Equal([2L], byPeriod.Entries.Select(entry => entry.Sequence));
        Assert.Equal([3L, 2L, 1L], afterReveal.Entries.Select(entry => entry.Sequence));
        Assert.Equal([1L], secondPage.Entries.Select(entry => entry.Sequence));
        Assert.Equal(2, secondPage.Total);
    }

    [Fact]
    public async Task Prune_LeavesCheckpoint_RestVerifies()
    {
        await using var storage = await CreateStorageAsync();
        for (var index = 0; index < 4; index++)
        {
            await AppendAsync(storage, "person-a", Exchange($"p{index}"), Start.AddDays(index));
        }

        var candidates = await storage.Chains.FindPrunableAsync(Start.AddDays(2), 10, Token);
        var candidate = Assert.Single(candidates);
        var checkpoint = new ChainSigner(key).SignCheckpoint(candidate.ChainId, candidate.LastRemoved, Start.AddDays(5));
        var removed = await storage.Chains.PruneAsync(checkpoint, Token);

        var chain = await storage.Chains.GetOrCreateChainAsync("person-a", Token);
        var entries = await storage.Chains.ReadEntriesAsync(chain.ChainId, 0, chain.Tip.Sequence, 100, Token);
        var head = new SignedHead(chain.ChainId, chain.Tip.Sequence, chain.Tip.Hash, chain.HeadSignature!);
        var counts = await storage.Chains.CountAsync(new DateOnly(2025, 4, 10), Token);

        Assert.Equal(2, candidate.LastRemoved.Sequence);
        Assert.Equal(2, removed);
        Assert.Equal(checkpoint, chain.Checkpoint);
        Assert.Equal([3L, 4L], entries.Select(entry => entry.Sequence));
        Assert.True(ChainVerifier.Verify(new ChainEvidence(head, entries, chain.Checkpoint), Keys()).IsValid);
        Assert.Equal(new AccessLogCounts(1, 2, 2, 0, 0, 1), counts);
    }

    [Fact]
    public async Task SigningKeys_AddThenList_OldestFirst()
    {
        await using var storage = await CreateStorageAsync();

        await storage.Keys.AddAsync(new StoredSigningKey("key-b", key.ExportPkcs8Pem(), Start.AddDays(1)), Token);
        await storage.Keys.AddAsync(new StoredSigningKey("key-a", key.ExportPkcs8Pem(), Start), Token);
        var keys = await storage.Keys.ListAsync(Token);

        Assert.Equal(["key-a", "key-b"], keys.Select(stored => stored.KeyId));
        Assert.Equal(Start, keys[0].CreatedAt);
    }

    private readonly List<PublicJwk> writerKeys = [];

    private async Task<SigningKeyRing> KeyRingAsync(AccessLogStorage storage)
    {
        var ring = new SigningKeyRing(storage.Keys, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SigningKeyRing>.Instance);
        await ring.StartAsync(Token);
        writerKeys.AddRange(ring.PublishedKeys);
        return ring;
    }

    private TrustedKeys Keys() => new([key.PublicJwk()]);

    private Task<AppendOutcome> AppendAsync(AccessLogStorage storage, string personId, NewRecord record, DateTimeOffset now, InboxReceipt? inbox = null) =>
        storage.Chains.AppendAsync(personId, record, inbox, tip => tip.Append(record.Record, now, new ChainSigner(key)), Token);

    private static Task<RecordPage> SearchAsync(AccessLogStorage storage, RecordQuery query) =>
        storage.Chains.SearchAsync("person-a", query, Token);

    private static NewRecord Exchange(
        string recordId, string task = "児童手当法による児童手当の支給に関する事務", string provider = "agency-p",
        DateTimeOffset? providedAt = null, DateOnly? withheldUntil = null)
    {
        var provided = providedAt ?? Start;
        var record = new ExchangeRecord("agency-r", provider, provided.AddMinutes(-1), provided, task, ["住民票関係情報"], withheldUntil);
        return new NewRecord(record, $"exchange:agency-r:{recordId}",
            new EntryIndex(record.Kind, provided, [record.RequesterAgencyId, record.ProviderAgencyId], task, withheldUntil));
    }
}

/// <summary>The access-log contract against a new SQLite file per test.</summary>
public sealed class SqliteAccessLogContractTests : AccessLogContractTests
{
    private protected override Task<AccessLogStorage> CreateStorageAsync()
    {
        var directory = TestDataDirectory.Create("access-log");
        return AccessLogStorage.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(directory, "access-log.db"),
        }, directory, TestContext.Current.CancellationToken);
    }
}

/// <summary>
/// The access-log contract against a new database per test on a single-node MongoDB replica set in
/// a container. Without a Docker daemon every case is reported as skipped, with the reason.
/// </summary>
public sealed class MongoAccessLogContractTests(MongoReplicaSetFixture mongo) : AccessLogContractTests, IClassFixture<MongoReplicaSetFixture>
{
    private protected override Task<AccessLogStorage> CreateStorageAsync()
    {
        Assert.SkipWhen(mongo.ConnectionString is null, mongo.SkipReason);
        return AccessLogStorage.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "MongoDb",
            ["ConnectionStrings:mongodb"] = mongo.ConnectionString,
            ["Storage:MongoDatabase"] = $"access_log_{Guid.NewGuid():N}",
        }, null, TestContext.Current.CancellationToken);
    }
}
