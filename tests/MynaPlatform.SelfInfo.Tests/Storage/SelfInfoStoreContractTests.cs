using System.Text.Json;
using MynaPlatform.Contracts.Access;
using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Domain.Records;
using MynaPlatform.SelfInfo.Records;
using MynaPlatform.Text;
using Xunit;

namespace MynaPlatform.SelfInfo.Tests.Storage;

/// <summary>The behaviour both self-info adapters must show. A derived class supplies a fresh store per test.</summary>
public abstract class SelfInfoStoreContractTests
{
    private const string AgencyA = "agency-a";
    private const string AgencyB = "agency-b";
    private const string PersonA = "person-a";
    private const string PersonB = "person-b";
    private const string AccessEventType = "MynaPlatform.Contracts.Access.PersonDataAccessed, MynaPlatform.Contracts";

    private static readonly DateTimeOffset Noon = new(2026, 4, 1, 3, 0, 0, 123, TimeSpan.Zero);
    private static readonly SelfInfoCategory Vaccination = new("健康・医療", "予防接種");
    private static readonly SelfInfoCategory Pension = new("年金", "年金");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private protected abstract Task<SelfInfoStorage> CreateStorageAsync();

    [Fact]
    public async Task Publish_ThreeTimes_CreatesVersionsOnlyOnChange()
    {
        await using var storage = await CreateStorageAsync();

        var created = await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "BCG"), Token);
        var changed = await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "麻しん"), Token);
        var repeated = await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "麻しん"), Token);
        var history = await storage.Store.ReadHistoryForAgencyAsync(AgencyA, "key-1", AgencyRead(AgencyA), Token);

        Assert.Equal((1, PublishResult.Created), (created.Version, created.Result));
        Assert.Equal((2, PublishResult.NewVersion), (changed.Version, changed.Result));
        Assert.Equal((2, PublishResult.Unchanged), (repeated.Version, repeated.Result));
        Assert.Equal(created.RecordId, repeated.RecordId);
        Assert.Equal([2, 1], history!.Versions.Select(version => version.Version));
        Assert.Equal("BCG", history.Versions[1].Items[0].Value);
        Assert.Equal(Noon, history.Versions[1].PublishedAt);
        Assert.Equal(new DateOnly(2026, 4, 1), history.Versions[1].AsOf);
        Assert.Equal(new RecordItem("回数", "1", "回"), history.Versions[0].Items[1]);
    }

    [Fact]
    public async Task ReadBack_WritesOneEventPerRead()
    {
        await using var storage = await CreateStorageAsync();
        await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "BCG"), Token);
        await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-2", "年金額", Pension), Token);

        var first = await storage.Store.ReadForAgencyAsync(AgencyA, PersonA, AgencyRead(AgencyA), Token);
        var second = await storage.Store.ReadForAgencyAsync(AgencyA, PersonA, AgencyRead(AgencyA), Token);
        var nothing = await storage.Store.ReadForAgencyAsync(AgencyB, PersonA, AgencyRead(AgencyB), Token);

        Assert.Equal(2, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(nothing);
        var events = await AccessEventsAsync(storage, PersonA);
        Assert.Equal(2, events.Count);
        var body = JsonDocument.Parse(events[0].Body).RootElement;
        Assert.Equal("予防接種、年金", body.GetProperty("dataCategory").GetString());
        Assert.Equal(AgencyA, body.GetProperty("accessor").GetProperty("id").GetString());
        Assert.Equal(PersonA, body.GetProperty("personId").GetString());
        Assert.DoesNotContain("BCG", events[0].Body);
    }

    [Fact]
    public async Task Flag_HidesRecordFromReadBackAndSearch()
    {
        await using var storage = await CreateStorageAsync();
        var flagged = await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "BCG"), Token);
        await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-2", "麻しん"), Token);

        var flag = await storage.Store.FlagAsync(PersonA, flagged.RecordId, Noon, Token);
        var again = await storage.Store.FlagAsync(PersonA, flagged.RecordId, Noon.AddMinutes(1), Token);
        var readBack = await storage.Store.ReadForAgencyAsync(AgencyA, PersonA, AgencyRead(AgencyA), Token);
        var history = await storage.Store.ReadHistoryForAgencyAsync(AgencyA, "key-1", AgencyRead(AgencyA), Token);
        var search = await storage.Store.SearchForPersonAsync(PersonA, SearchText.Normalize("bcg"), Token);
        var own = await storage.Store.FindForPersonAsync(PersonA, flagged.RecordId, Token);

        Assert.True(flag!.Created);
        Assert.False(again!.Created);
        Assert.Equal(flag.FlagId, again.FlagId);
        Assert.Equal("key-2", Assert.Single(readBack).RecordKey);
        Assert.True(history!.Record.IsUnderReview);
        Assert.Empty(history.Versions);
        Assert.Empty(search);
        Assert.Equal(flag.FlagId, own!.Flag!.FlagId);

        // One event for the read-back that showed key-2; none for the refused history read.
        Assert.Single(await AccessEventsAsync(storage, PersonA));
    }

    [Fact]
    public async Task Correction_ClosesFlagAndShowsNewVersion()
    {
        await using var storage = await CreateStorageAsync();
        var record = await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "BCG"), Token);
        var flag = await storage.Store.FlagAsync(PersonA, record.RecordId, Noon, Token);

        var listed = await storage.Store.ListOpenFlagsAsync(AgencyA, Token);
        var otherAgency = await storage.Store.ListOpenFlagsAsync(AgencyB, Token);
        var correction = await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "BCG"), Token);
        var afterwards = await storage.Store.ListOpenFlagsAsync(null, Token);
        var own = await storage.Store.FindForPersonAsync(PersonA, record.RecordId, Token);

        var open = Assert.Single(listed);
        Assert.Equal((flag!.FlagId, "key-1", 1), (open.FlagId, open.RecordKey, open.Version));
        Assert.Equal("pid-person-a", open.AgencyPersonId);
        Assert.Empty(otherAgency);
        Assert.Equal((2, PublishResult.NewVersion, flag.FlagId), (correction.Version, correction.Result, correction.CorrectedFlagId));
        Assert.Empty(afterwards);
        Assert.False(own!.IsUnderReview);
        Assert.Equal(2, own.Current.Version);
    }

    [Fact]
    public async Task Correction_ToAnotherPerson_MovesRecord()
    {
        await using var storage = await CreateStorageAsync();
        var record = await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "BCG"), Token);
        await storage.Store.FlagAsync(PersonA, record.RecordId, Noon, Token);

        await storage.Store.PublishAsync(Publication(AgencyA, PersonB, "key-1", "BCG"), Token);
        var history = await storage.Store.ReadHistoryForAgencyAsync(AgencyA, "key-1", AgencyRead(AgencyA), Token);

        Assert.Null(await storage.Store.FindForPersonAsync(PersonA, record.RecordId, Token));
        Assert.Empty(await storage.Store.ListForPersonAsync(PersonA, null, Token));
        Assert.Equal(2, (await storage.Store.FindForPersonAsync(PersonB, record.RecordId, Token))!.Current.Version);
        Assert.Equal([2], history!.Versions.Select(version => version.Version));
        Assert.Empty(await AccessEventsAsync(storage, PersonA));
        Assert.Single(await AccessEventsAsync(storage, PersonB));
    }

    [Fact]
    public async Task ClearFlag_ShowsRecordAgainOnce()
    {
        await using var storage = await CreateStorageAsync();
        var record = await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "BCG"), Token);
        var flag = await storage.Store.FlagAsync(PersonA, record.RecordId, Noon, Token);

        Assert.True(await storage.Store.ClearFlagAsync(flag!.FlagId, "operator-console", "本人の記録と確認", Noon, Token));
        Assert.False(await storage.Store.ClearFlagAsync(flag.FlagId, "operator-console", "二度目", Noon, Token));
        Assert.False(await storage.Store.ClearFlagAsync(Guid.NewGuid(), "operator-console", "不明", Noon, Token));

        var own = await storage.Store.FindForPersonAsync(PersonA, record.RecordId, Token);
        Assert.False(own!.IsUnderReview);
        Assert.Equal(1, own.Current.Version);
        Assert.Single(await storage.Store.ReadForAgencyAsync(AgencyA, PersonA, AgencyRead(AgencyA), Token));
    }

    [Fact]
    public async Task PersonQueries_NeverReturnOtherPersons()
    {
        await using var storage = await CreateStorageAsync();
        var recordA = await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-a", "BCG"), Token);
        await storage.Store.PublishAsync(Publication(AgencyA, PersonB, "key-b", "BCG"), Token);

        Assert.Null(await storage.Store.FindForPersonAsync(PersonB, recordA.RecordId, Token));
        Assert.Null(await storage.Store.FlagAsync(PersonB, recordA.RecordId, Noon, Token));
        Assert.Equal("key-b", Assert.Single(await storage.Store.ListForPersonAsync(PersonB, null, Token)).RecordKey);
        Assert.Equal("key-b", Assert.Single(await storage.Store.SearchForPersonAsync(PersonB, SearchText.Normalize("bcg"), Token)).RecordKey);
        Assert.Empty(await storage.Store.ListOpenFlagsAsync(null, Token));
    }

    [Fact]
    public async Task Search_TwoCharactersAndLiteralPattern()
    {
        await using var storage = await CreateStorageAsync();
        await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "老齢基礎年金", Pension), Token);
        await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-2", "100%_(a.b)*", Vaccination), Token);

        Assert.Single(await storage.Store.SearchForPersonAsync(PersonA, SearchText.Normalize("基礎"), Token));
        Assert.Equal("key-2", Assert.Single(await storage.Store.SearchForPersonAsync(PersonA, SearchText.Normalize("%_(a.b)*"), Token)).RecordKey);
        Assert.Empty(await storage.Store.SearchForPersonAsync(PersonA, SearchText.Normalize("a_b"), Token));
        Assert.Empty(await storage.Store.SearchForPersonAsync(PersonA, SearchText.Normalize("年金.*"), Token));
    }

    [Fact]
    public async Task ListByCategory_ReturnsOnlyThatCategory()
    {
        await using var storage = await CreateStorageAsync();
        await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "BCG"), Token);
        await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-2", "年金額", Pension), Token);

        var pensions = await storage.Store.ListForPersonAsync(PersonA, Pension, Token);

        Assert.Equal("key-2", Assert.Single(pensions).RecordKey);
        Assert.Equal(Pension, pensions[0].Current.Category);
    }

    [Fact]
    public async Task OperatorRead_EventOnlyForVisibleRecords()
    {
        await using var storage = await CreateStorageAsync();
        var record = await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-1", "BCG"), Token);
        await storage.Store.FlagAsync(PersonA, record.RecordId, Noon, Token);
        var access = new AccessContext(new Accessor(AccessorKind.Operator, "operator-console"), "問い合わせ対応", Noon);

        var flaggedOnly = await storage.Store.ReadForOperatorAsync(PersonA, access, Token);
        await storage.Store.PublishAsync(Publication(AgencyA, PersonA, "key-2", "年金額", Pension), Token);
        var both = await storage.Store.ReadForOperatorAsync(PersonA, access, Token);

        Assert.True(Assert.Single(flaggedOnly).IsUnderReview);
        Assert.Equal(2, both.Count);
        var accessed = Assert.Single(await AccessEventsAsync(storage, PersonA));
        var body = JsonDocument.Parse(accessed.Body).RootElement;
        Assert.Equal("問い合わせ対応", body.GetProperty("purpose").GetString());
        Assert.Equal("年金", body.GetProperty("dataCategory").GetString());
        Assert.Equal((int)AccessorKind.Operator, body.GetProperty("accessor").GetProperty("kind").GetInt32());
    }

    private static Publication Publication(string agency, string person, string recordKey, string value, SelfInfoCategory? category = null)
    {
        var record = new ValidRecord(recordKey, $"pid-{person}", category ?? Vaccination, new DateOnly(2026, 4, 1),
            [new RecordItem("内容", value, null), new RecordItem("回数", "1", "回")]);
        var searchText = RecordSearchDocument.Create(record.Category, "テスト機関", record.Items);
        return new Publication(record, agency, "テスト機関", person, searchText, Noon);
    }

    private static AccessContext AgencyRead(string agency) =>
        new(new Accessor(AccessorKind.Agency, agency), "提供した自己情報の確認", Noon);

    private static async Task<IReadOnlyList<Messaging.Outbox.OutboxMessage>> AccessEventsAsync(SelfInfoStorage storage, string personId) =>
        [.. (await storage.Outbox.GetPendingAsync(1_000, Token)).Where(row => row.AggregateId == personId && row.MessageType == AccessEventType)];
}
