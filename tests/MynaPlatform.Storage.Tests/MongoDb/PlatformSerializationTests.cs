using MongoDB.Bson;
using MongoDB.Driver;
using MynaPlatform.Storage.MongoDb;
using MynaPlatform.Storage.Tests.Contract;
using Xunit;
using static MynaPlatform.Storage.Tests.MongoDb.MongoRendering;

namespace MynaPlatform.Storage.Tests.MongoDb;

public sealed class PlatformSerializationTests
{
    private static readonly Guid AccountId = Guid.Parse("6f1c2b0e-3d4a-4b5c-9d8e-7f6a5b4c3d2e");

    [Fact]
    public void AccountDocument_RoundTrip_UsesPlatformTypes()
    {
        var account = new TestAccount(AccountId, "年金", 0.1m + 0.2m, new DateTimeOffset(2026, 4, 1, 12, 0, 0, 999, TimeSpan.FromHours(9)), 3);

        var bson = Serialize(MongoTestAccountDocument.From(account));
        var back = Deserialize<MongoTestAccountDocument>(bson).ToAccount();

        Assert.Equal(
            BsonDocument.Parse("""
                { "_id": UUID("6f1c2b0e-3d4a-4b5c-9d8e-7f6a5b4c3d2e"), "Name": "年金", "Balance": NumberDecimal("0.3"),
                  "UpdatedAt": ISODate("2026-04-01T03:00:00.999Z"), "Version": NumberLong(3) }
                """),
            bson);
        Assert.Equal(account, back);
        Assert.Equal(TimeSpan.Zero, back.UpdatedAt.Offset);
    }

    [Fact]
    public void Instant_SubMillisecondTicks_AreDropped()
    {
        var instant = new DateTimeOffset(2026, 4, 1, 3, 0, 0, 123, TimeSpan.Zero).AddTicks(4_567);
        var account = new TestAccount(AccountId, "", 0m, instant, 1);

        var back = Deserialize<MongoTestAccountDocument>(Serialize(MongoTestAccountDocument.From(account)));

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 3, 0, 0, 123, TimeSpan.Zero), back.UpdatedAt);
    }

    [Fact]
    public void Decimal_LargeExactAmount_SurvivesRoundTrip()
    {
        var account = new TestAccount(AccountId, "", 79_228_162_514_264_337_593_543.9503m, DateTimeOffset.UnixEpoch, 1);

        var bson = Serialize(MongoTestAccountDocument.From(account));

        Assert.Equal(BsonType.Decimal128, bson["Balance"].BsonType);
        Assert.Equal(account.Balance, Deserialize<MongoTestAccountDocument>(bson).Balance);
    }

    [Fact]
    public void VersionedUpdate_RendersVersionFilterAndIncrement()
    {
        var filter = MongoVersionedUpdate.Filter(MongoTestAccountRepository.ById(AccountId), document => document.Version, 4);
        var update = MongoVersionedUpdate.Update(
            MongoTestAccountRepository.SetBalance(12.50m, new DateTimeOffset(2026, 4, 1, 3, 0, 0, TimeSpan.Zero)), document => document.Version);

        Assert.Equal(BsonDocument.Parse("""{ "_id": UUID("6f1c2b0e-3d4a-4b5c-9d8e-7f6a5b4c3d2e"), "Version": NumberLong(4) }"""), Render(filter));
        Assert.Equal(
            BsonDocument.Parse("""{ "$set": { "Balance": NumberDecimal("12.50"), "UpdatedAt": ISODate("2026-04-01T03:00:00Z") }, "$inc": { "Version": NumberLong(1) } }"""),
            Render(update));
    }

    [Fact]
    public void AmountFilter_ComparesAsDecimal128()
    {
        var filter = Builders<MongoTestAccountDocument>.Filter.Gte(document => document.Balance, 1000m);

        Assert.Equal(BsonDocument.Parse("""{ "Balance": { "$gte": NumberDecimal("1000") } }"""), Render(filter));
    }
}
