using MongoDB.Bson;
using MynaPlatform.Notices.Domain.Categories;
using MynaPlatform.Notices.Domain.Time;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Notices.Storage;
using Xunit;
using static MynaPlatform.Storage.Tests.MongoDb.MongoRendering;

namespace MynaPlatform.Storage.Tests.MongoDb;

public sealed class NoticeMappingTests
{
    private static readonly Guid NoticeId = Guid.Parse("0193d1a2-7b3c-7def-8a01-23456789abcd");

    private static readonly Guid PushId = Guid.Parse("6f1c2b0e-3d4a-4b5c-9d8e-7f6a5b4c3d2e");

    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 30, 0, TimeSpan.FromHours(9));

    [Fact]
    public void NoticeDocument_RoundTrip_KeepsFieldsAndUtcDates()
    {
        var content = new ValidNotice("ねんきん定期便", "本文", BodyFormat.Markdown, NoticeCategories.Pension, null, Now.AddDays(30), "PAY-1");
        var notice = new NewNotice(NoticeId, PushId, 3, "agency-1", "日本年金機構", "r-1", "person-1", content, Now, Now, []);

        var bson = Serialize(MongoNoticeDocument.From(notice));
        var back = Deserialize<MongoNoticeDocument>(bson);

        Assert.Equal(new BsonBinaryData(NoticeId, GuidRepresentation.Standard), bson["_id"]);
        Assert.Equal(new BsonBinaryData(PushId, GuidRepresentation.Standard), bson["PushId"]);
        Assert.Equal(new BsonDateTime(new DateTime(2026, 4, 1, 0, 30, 0, DateTimeKind.Utc)), bson["VisibleAt"]);
        Assert.Equal(new BsonDateTime(new DateTime(2026, 4, 1, 0, 30, 0, DateTimeKind.Utc)), bson["PublishedAt"]);
        Assert.Equal(BsonNull.Value, bson["ReadAt"]);
        Assert.Equal("markdown", bson["BodyFormat"].AsString);
        Assert.Equal("pension", bson["Category"].AsString);
        Assert.Equal("ねんきん定期便 本文", bson["SearchText"].AsString);
        var state = back.ToAgencyState();
        Assert.Equal(Now, state.VisibleAt);
        Assert.Equal(Now.AddDays(30), state.ExpiresAt);
        Assert.Null(state.ReadAt);
        Assert.Equal("r-1", state.Recipient);
    }

    [Fact]
    public void ScheduledNotice_HasNoPublishedAt()
    {
        var content = new ValidNotice("件名", "本文", BodyFormat.Plain, NoticeCategories.Tax, Now.AddHours(1), null, null);
        var notice = new NewNotice(NoticeId, PushId, 0, "agency-1", "市", "r-1", "person-1", content, Now.AddHours(1), Now, []);

        var bson = Serialize(MongoNoticeDocument.From(notice));

        Assert.Equal(BsonNull.Value, bson["PublishedAt"]);
        Assert.False(notice.PublishesAtOnce);
    }

    [Fact]
    public void InboxQuery_AllFilters_RenderScopedToPerson()
    {
        Assert.True(JapanDatePeriod.TryParse("2026-04-01", "2026-04-30", out var period, out _));
        var filter = new InboxFilter(2, 20, "tax", "agency-1", false, false, period, "ﾈﾝｷﾝ 2026");

        var rendered = Render(MongoNoticeStore.InboxQuery("person-1", filter, Now));

        Assert.Equal(BsonDocument.Parse("""
            {
              "PersonId": "person-1",
              "PublishedAt": { "$ne": null },
              "WithdrawnAt": null,
              "$or": [ { "ExpiresAt": null }, { "ExpiresAt": { "$gt": ISODate("2026-04-01T00:30:00Z") } } ],
              "ArchivedAt": null,
              "Category": "tax",
              "AgencyClientId": "agency-1",
              "ReadAt": null,
              "VisibleAt": { "$gte": ISODate("2026-03-31T15:00:00Z"), "$lt": ISODate("2026-04-30T15:00:00Z") },
              "SearchText": /ねんきん\ 2026/
            }
            """), rendered);
    }

    [Fact]
    public void InboxQuery_SearchWithRegexCharacters_MatchesLiterally()
    {
        var filter = new InboxFilter(1, 20, null, null, true, true, new JapanDatePeriod(null, null), "a.b*(c)");

        var rendered = Render(MongoNoticeStore.InboxQuery("person-1", filter, Now));

        Assert.Equal(new BsonRegularExpression(@"a\.b\*\(c\)"), rendered["SearchText"]);
        Assert.Equal(BsonDocument.Parse("""{ "$ne": null }"""), rendered["ReadAt"]);
        Assert.Equal(BsonDocument.Parse("""{ "$ne": null }"""), rendered["ArchivedAt"]);
    }

    [Fact]
    public void DueAndUnreadQueries_Render()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "PublishedAt": null, "WithdrawnAt": null, "VisibleAt": { "$lte": ISODate("2026-04-01T00:30:00Z") } }"""),
            Render(MongoNoticeStore.Due(Now)));
        Assert.Equal(
            BsonDocument.Parse("""
                { "PersonId": "p", "PublishedAt": { "$ne": null }, "WithdrawnAt": null,
                  "$or": [ { "ExpiresAt": null }, { "ExpiresAt": { "$gt": ISODate("2026-04-01T00:30:00Z") } } ],
                  "ReadAt": null, "ArchivedAt": null }
                """),
            Render(MongoNoticeStore.Unread("p", Now)));
        Assert.Equal(BsonDocument.Parse("""{ "VisibleAt": -1, "_id": -1 }"""), Render(MongoNoticeStore.InboxOrder));
        Assert.Equal(BsonDocument.Parse("""{ "CreatedAt": -1, "_id": -1 }"""), Render(MongoNoticeStore.AgencyOrder));
    }

    [Fact]
    public void PushKeyQueries_RenderByAgencyAndKey()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "_id": "agency-1/key-1", "CreatedAt": { "$lte": ISODate("2026-03-31T00:30:00Z") } }"""),
            Render(MongoPushKeyStore.Expired(MongoPushKeyDocument.IdOf("agency-1", "key-1"), Now.AddDays(-1))));
        Assert.Equal(
            BsonDocument.Parse("""
                { "_id": "agency-1/key-1", "PushId": UUID("6f1c2b0e-3d4a-4b5c-9d8e-7f6a5b4c3d2e"), "ResponseStatus": null,
                  "LeaseUntil": { "$lte": ISODate("2026-04-01T00:30:00Z") } }
                """),
            Render(MongoPushKeyStore.LapsedLease("agency-1/key-1", PushId, Now)));
    }

    [Fact]
    public void Indexes_RenderKeys()
    {
        Assert.Equal(BsonDocument.Parse("""{ "PushId": 1, "ItemIndex": 1 }"""), Render(MongoNoticeIndexes.PushItem));
        Assert.Equal(BsonDocument.Parse("""{ "PersonId": 1, "VisibleAt": -1, "_id": -1 }"""), Render(MongoNoticeIndexes.Inbox));
        Assert.Equal(BsonDocument.Parse("""{ "PublishedAt": 1, "VisibleAt": 1 }"""), Render(MongoNoticeIndexes.Due));
        Assert.Equal(BsonDocument.Parse("""{ "AgencyClientId": 1, "CreatedAt": -1, "_id": -1 }"""), Render(MongoNoticeIndexes.Agency));
    }
}
