using MynaPlatform.Messaging.Outbox;
using MynaPlatform.Messaging.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MynaPlatform.Notices;
using MynaPlatform.Notices.Domain.Categories;
using MynaPlatform.Notices.Domain.Idempotency;
using MynaPlatform.Notices.Domain.Time;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Notices.Partner;
using MynaPlatform.Notices.Storage;
using MynaPlatform.Storage.Sqlite;
using Xunit;

namespace MynaPlatform.Storage.Tests.Sqlite;

/// <summary>The SQLite notice and idempotency-key stores on a real file, each test on its own.</summary>
public sealed class SqliteNoticeStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 0, 0, 0, JapanOffset);

    private readonly string directory = TestDataDirectory.Create("notices");
    private SqliteDatabase database = null!;
    private SqliteNoticeStore notices = null!;
    private SqlitePushKeyStore keys = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = new SqliteDatabase(Path.Combine(directory, "notices.db"));
        await database.InitializeAsync([SqliteMessagingSchema.Script, NoticeSchema.Sqlite], Token);
        notices = new SqliteNoticeStore(database, new SqliteOutbox(new OutboxSignal(), TimeProvider.System));
        keys = new SqlitePushKeyStore(database);
    }

    public ValueTask DisposeAsync()
    {
        TestDataDirectory.TryDelete(directory);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AddAgain_SamePushItems_KeepsFirstCopyAndEvent()
    {
        var pushId = Guid.CreateVersion7();
        var first = await notices.AddAsync([Notice(pushId, 0, "p-1"), Notice(pushId, 1, "p-2")], Token);

        var retried = await notices.AddAsync([Notice(pushId, 0, "p-1"), Notice(pushId, 1, "p-2"), Notice(pushId, 2, "p-1")], Token);

        Assert.Equal(first.Select(stored => stored.NoticeId), retried.Take(2).Select(stored => stored.NoticeId));
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM notices;"));
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE message_type LIKE '%NoticePublished%';"));
        var (page, total) = await notices.ListForAgencyAsync("agency", 1, 2, Token);
        Assert.Equal(3, total);
        Assert.Equal(2, page.Count);
    }

    [Fact]
    public async Task PublishDue_ScheduledNotice_PublishesOnce()
    {
        var scheduled = Notice(Guid.CreateVersion7(), 0, "p-1", visibleAt: Now.AddHours(1));
        await notices.AddAsync([scheduled], Token);

        var early = await notices.PublishDueAsync(Now.AddMinutes(59), 10, Token);
        var onTime = await notices.PublishDueAsync(Now.AddHours(1), 10, Token);
        var again = await notices.PublishDueAsync(Now.AddHours(2), 10, Token);

        Assert.Equal((0, 1, 0), (early, onTime, again));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE message_type LIKE '%NoticePublished%';"));
        Assert.Single((await notices.ListAsync("p-1", Filter(), Now.AddHours(2), Token)).Items);
    }

    /// <summary>Japan-time dates; <see cref="NoticePeriodTimeZoneTests"/> runs this test again under other TZ values.</summary>
    [Fact]
    public async Task List_JapanDatePeriod_IncludesBothEndDays()
    {
        var pushId = Guid.CreateVersion7();
        var lastOfMarch = Notice(pushId, 0, "p-1", visibleAt: new DateTimeOffset(2026, 3, 31, 23, 59, 59, JapanOffset));
        var firstOfApril = Notice(pushId, 1, "p-1", visibleAt: new DateTimeOffset(2026, 4, 1, 0, 0, 0, JapanOffset));
        var lastOfApril = Notice(pushId, 2, "p-1", visibleAt: new DateTimeOffset(2026, 4, 30, 23, 59, 59, JapanOffset));
        var firstOfMay = Notice(pushId, 3, "p-1", visibleAt: new DateTimeOffset(2026, 5, 1, 0, 0, 0, JapanOffset));
        await notices.AddAsync([lastOfMarch, firstOfApril, lastOfApril, firstOfMay], Token);
        await notices.PublishDueAsync(Now.AddMonths(2), 10, Token);
        Assert.True(JapanDatePeriod.TryParse("2026-04-01", "2026-04-30", out var april, out _));

        var page = await notices.ListAsync("p-1", Filter() with { Period = april }, Now.AddMonths(2), Token);

        Assert.Equal([lastOfApril.NoticeId, firstOfApril.NoticeId], page.Items.Select(item => item.NoticeId));
    }

    [Fact]
    public async Task List_OtherPerson_SeesNothing()
    {
        var notice = Notice(Guid.CreateVersion7(), 0, "owner");
        await notices.AddAsync([notice], Token);

        Assert.Empty((await notices.ListAsync("stranger", Filter(), Now, Token)).Items);
        Assert.Null(await notices.OpenAsync("stranger", notice.NoticeId, Now, Token));
        Assert.False(await notices.SetArchivedAsync("stranger", notice.NoticeId, true, Now, Token));
        Assert.Equal(0, await notices.CountUnreadAsync("stranger", Now, Token));
        Assert.Equal(1, await notices.CountUnreadAsync("owner", Now, Token));
    }

    [Fact]
    public async Task PushKey_Lifecycle_ClaimWaitTakeOverComplete()
    {
        var lease = TimeSpan.FromSeconds(10);
        var retention = TimeSpan.FromHours(24);

        var first = await keys.ClaimAsync("agency", "key", "fp-1", Now, lease, retention, Token);
        var whileRunning = await keys.ClaimAsync("agency", "key", "fp-1", Now.AddSeconds(5), lease, retention, Token);
        var otherContent = await keys.ClaimAsync("agency", "key", "fp-2", Now.AddSeconds(5), lease, retention, Token);
        var otherAgency = await keys.ClaimAsync("agency-2", "key", "fp-2", Now.AddSeconds(5), lease, retention, Token);
        var takeover = await keys.ClaimAsync("agency", "key", "fp-1", Now.AddSeconds(11), lease, retention, Token);
        await keys.CompleteAsync("agency", "key", takeover.PushId, new StoredResponse(201, """{"noticeId":"x"}"""), Token);
        var replay = await keys.ClaimAsync("agency", "key", "fp-1", Now.AddHours(23), lease, retention, Token);
        var afterRetention = await keys.ClaimAsync("agency", "key", "fp-2", Now.AddHours(25), lease, retention, Token);

        Assert.Equal(PushClaimStatus.Claimed, first.Status);
        Assert.Equal(PushClaimStatus.InProgress, whileRunning.Status);
        Assert.Equal(PushClaimStatus.ContentMismatch, otherContent.Status);
        Assert.Equal(PushClaimStatus.Claimed, otherAgency.Status);
        Assert.Equal((PushClaimStatus.Claimed, first.PushId), (takeover.Status, takeover.PushId));
        Assert.Equal(PushClaimStatus.Completed, replay.Status);
        Assert.Equal(new StoredResponse(201, """{"noticeId":"x"}"""), replay.Response);
        Assert.Equal(PushClaimStatus.Claimed, afterRetention.Status);
        Assert.NotEqual(first.PushId, afterRetention.PushId);
    }

    [Fact]
    public async Task PushKey_Released_CanBeClaimedWithOtherContent()
    {
        var claim = await keys.ClaimAsync("agency", "key", "fp-1", Now, TimeSpan.FromSeconds(10), TimeSpan.FromHours(24), Token);
        await keys.ReleaseAsync("agency", "key", claim.PushId, Token);

        var again = await keys.ClaimAsync("agency", "key", "fp-2", Now, TimeSpan.FromSeconds(10), TimeSpan.FromHours(24), Token);

        Assert.Equal(PushClaimStatus.Claimed, again.Status);
    }

    [Fact]
    public async Task PushGuard_FailedPush_RetryTakesOver()
    {
        // The clock is frozen, so the failed push's lease never lapses by itself.
        var guard = new PushKeyGuard(keys, new PushKeyLocks(), new FrozenClock(Now), Options.Create(new NoticesOptions()),
            NullLogger<PushKeyGuard>.Instance);
        Assert.True(IdempotencyKey.TryParse(Guid.NewGuid().ToString(), out var key, out _));
        var fingerprint = new PushFingerprint("fp-1");
        var pushIds = new List<Guid>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<InvalidOperationException>(() => guard.RunAsync("agency", key.Value, fingerprint, (lease, _) =>
        {
            pushIds.Add(lease.PushId);
            throw new InvalidOperationException("The store failed mid-way.");
        }, timeout.Token));
        var retry = await guard.RunAsync("agency", key.Value, fingerprint, (lease, _) =>
        {
            pushIds.Add(lease.PushId);
            return Task.FromResult(PushOutcome.Keep(201, "{}"));
        }, timeout.Token);

        Assert.Equal(201, Assert.IsType<KeptResponseResult>(retry).Response.StatusCode);
        Assert.Equal(2, pushIds.Count);
        Assert.Equal(pushIds[0], pushIds[1]);
    }

    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static NewNotice Notice(Guid pushId, int index, string personId, DateTimeOffset? visibleAt = null)
    {
        var content = new ValidNotice("件名", "本文", BodyFormat.Plain, NoticeCategories.Tax, visibleAt, null, null);
        return new NewNotice(Guid.CreateVersion7(), pushId, index, "agency", "市", $"r-{personId}", personId, content, visibleAt ?? Now, Now, []);
    }

    private static InboxFilter Filter() => new(1, 20, null, null, null, false, new JapanDatePeriod(null, null), null);

    private Task<long> CountAsync(string sql) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)(await command.ExecuteScalarAsync(Token))!;
        }, Token);
}
