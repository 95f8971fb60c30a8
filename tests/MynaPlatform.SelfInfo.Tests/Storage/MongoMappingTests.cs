using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Domain.Records;
using MynaPlatform.SelfInfo.Records;
using MynaPlatform.SelfInfo.Storage;
using MynaPlatform.Storage.MongoDb;
using Xunit;

namespace MynaPlatform.SelfInfo.Tests.Storage;

/// <summary>
/// The MongoDB adapter checked without a server: the BSON its documents become and the queries,
/// updates and indexes the driver would send.
/// </summary>
public sealed class MongoMappingTests
{
    private static readonly Guid RecordId = Guid.Parse("0193d1a2-7b3c-7def-8a01-23456789abcd");
    private static readonly Guid FlagId = Guid.Parse("6f1c2b0e-3d4a-4b5c-9d8e-7f6a5b4c3d2e");
    private static readonly DateTimeOffset PublishedAt = new(2026, 4, 1, 12, 4, 5, 678, TimeSpan.FromHours(9));

    static MongoMappingTests() => MongoSerialization.EnsureRegistered();

    [Fact]
    public void RecordDocument_RoundTrip_KeepsRecord()
    {
        var document = new MongoRecordDocument
        {
            RecordId = RecordId,
            AgencyClientId = "agency-a",
            RecordKey = "key-1",
            PersonId = "person-a",
            Current = MongoVersionDocument.From(RecordId, 2, Publication()),
        };

        var bson = document.ToBsonDocument();
        var back = BsonSerializer.Deserialize<MongoRecordDocument>(bson).ToRecord();

        Assert.Equal(BsonBinarySubType.UuidStandard, bson["_id"].AsBsonBinaryData.SubType);
        Assert.False(bson.Contains("OpenFlag"));
        var current = bson["Current"].AsBsonDocument;
        Assert.Equal($"{RecordId:D}/2", current["_id"].AsString);
        Assert.Equal("2026-03-31", current["AsOf"].AsString);
        Assert.Equal(BsonType.DateTime, current["PublishedAt"].BsonType);
        Assert.Equal(
            BsonDocument.Parse("""{ "Label": "年金額", "Value": "780000", "Unit": "円" }"""),
            current["Items"].AsBsonArray[0].AsBsonDocument);
        Assert.False(current["Items"].AsBsonArray[1].AsBsonDocument.Contains("Unit"));

        Assert.Equal(RecordId, back.RecordId);
        Assert.Equal(2, back.Current.Version);
        Assert.Equal(PublishedAt, back.Current.PublishedAt);
        Assert.Equal(new SelfInfoCategory("年金", "年金"), back.Current.Category);
        Assert.Equal(Publication().Record.Items, back.Current.Items);
        Assert.Null(back.Flag);
    }

    [Fact]
    public void OpenFlag_RoundTrip_MarksUnderReview()
    {
        var document = new MongoRecordDocument
        {
            RecordId = RecordId,
            Current = MongoVersionDocument.From(RecordId, 1, Publication()),
            OpenFlag = new MongoOpenFlag { FlagId = FlagId, Version = 1, FlaggedAt = PublishedAt.UtcDateTime },
        };

        var back = BsonSerializer.Deserialize<MongoRecordDocument>(document.ToBsonDocument()).ToRecord();

        Assert.True(back.IsUnderReview);
        Assert.Equal(new OpenFlag(FlagId, 1, PublishedAt), back.Flag);
    }

    [Fact]
    public void Search_RendersLiteralRegexForPerson()
    {
        var filter = Render(MongoSelfInfoStore.Search("person-a", "100%_(a.b)*"));

        Assert.Equal("person-a", filter["PersonId"].AsString);
        Assert.Equal(BsonDocument.Parse("""{ "$exists": false }"""), filter["OpenFlag"].AsBsonDocument);
        var pattern = filter["Current.SearchText"].AsBsonRegularExpression.Pattern;
        Assert.Equal(@"100%_\(a\.b\)\*", pattern);
        Assert.Matches(pattern, "x 100%_(a.b)* y");
        Assert.DoesNotMatch(pattern, "100%_(aXb)");
    }

    [Fact]
    public void AgencyReadBack_RendersAgencyPersonAndNoOpenFlag()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "AgencyClientId": "agency-a", "PersonId": "person-a", "OpenFlag": { "$exists": false } }"""),
            Render(MongoSelfInfoStore.VisibleToAgency("agency-a", "person-a")));
    }

    [Fact]
    public void PersonLookups_RenderPersonScope()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "_id": UUID("0193d1a2-7b3c-7def-8a01-23456789abcd"), "PersonId": "person-a" }"""),
            Render(MongoSelfInfoStore.ByRecordAndPerson(RecordId, "person-a")));
        Assert.Equal(
            BsonDocument.Parse("""{ "PersonId": "person-a", "Current.CategoryGroup": "年金", "Current.CategoryName": "年金" }"""),
            Render(MongoSelfInfoStore.ByPerson("person-a", new SelfInfoCategory("年金", "年金"))));
        Assert.Equal(
            BsonDocument.Parse("""{ "AgencyClientId": "agency-a", "RecordKey": "key-1" }"""),
            Render(MongoSelfInfoStore.ByKey("agency-a", "key-1")));
    }

    [Fact]
    public void OpenFlags_RenderPerAgencyOrAll()
    {
        Assert.Equal(BsonDocument.Parse("""{ "IsOpen": true }"""), RenderFlag(MongoSelfInfoStore.OpenFlags(null)));
        Assert.Equal(BsonDocument.Parse("""{ "AgencyClientId": "agency-a", "IsOpen": true }"""), RenderFlag(MongoSelfInfoStore.OpenFlags("agency-a")));
    }

    [Fact]
    public void NextVersion_ReplacesCurrentAndDropsFlag()
    {
        var update = MongoSelfInfoStore.NextVersion(MongoVersionDocument.From(RecordId, 3, Publication()))
            .Render(new RenderArgs<MongoRecordDocument>(BsonSerializer.LookupSerializer<MongoRecordDocument>(), BsonSerializer.SerializerRegistry))
            .AsBsonDocument;

        Assert.Equal(3, update["$set"]["Current"]["Version"].AsInt32);
        Assert.Equal("person-a", update["$set"]["PersonId"].AsString);
        Assert.Equal(BsonDocument.Parse("""{ "OpenFlag": 1 }"""), update["$unset"].AsBsonDocument);
    }

    [Fact]
    public void Indexes_EnforceKeyAndOneOpenFlag()
    {
        var recordKeys = MongoSelfInfoIndexes.RecordKeyIndex.Keys
            .Render(new RenderArgs<MongoRecordDocument>(BsonSerializer.LookupSerializer<MongoRecordDocument>(), BsonSerializer.SerializerRegistry));
        var openFlag = MongoSelfInfoIndexes.OpenFlagIndex;
        var partial = ((CreateIndexOptions<MongoFlagDocument>)openFlag.Options).PartialFilterExpression;

        Assert.Equal(BsonDocument.Parse("""{ "AgencyClientId": 1, "RecordKey": 1 }"""), recordKeys);
        Assert.True(MongoSelfInfoIndexes.RecordKeyIndex.Options.Unique);
        Assert.True(openFlag.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "IsOpen": true }"""), RenderFlag(partial));
    }

    private static Publication Publication()
    {
        var record = new ValidRecord("key-1", "pid-a", new SelfInfoCategory("年金", "年金"), new DateOnly(2026, 3, 31),
            [new RecordItem("年金額", "780000", "円"), new RecordItem("種別", "老齢基礎年金", null)]);
        return new Publication(record, "agency-a", "日本年金機構", "person-a", "年金", PublishedAt);
    }

    private static BsonDocument Render(FilterDefinition<MongoRecordDocument> filter) =>
        filter.Render(new RenderArgs<MongoRecordDocument>(BsonSerializer.LookupSerializer<MongoRecordDocument>(), BsonSerializer.SerializerRegistry));

    private static BsonDocument RenderFlag(FilterDefinition<MongoFlagDocument> filter) =>
        filter.Render(new RenderArgs<MongoFlagDocument>(BsonSerializer.LookupSerializer<MongoFlagDocument>(), BsonSerializer.SerializerRegistry));
}
