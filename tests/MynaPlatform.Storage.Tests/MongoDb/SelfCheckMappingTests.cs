using MongoDB.Bson;
using MynaPlatform.AccessLog.Operations;
using MynaPlatform.AccessLog.Storage;
using MynaPlatform.Notices.Operations;
using MynaPlatform.Notices.Storage;
using Xunit;
using static MynaPlatform.Storage.Tests.MongoDb.MongoRendering;

namespace MynaPlatform.Storage.Tests.MongoDb;

public sealed class SelfCheckMappingTests
{
    private static readonly Guid ProbeId = Guid.Parse("6f1c2b0e-3d4a-4b5c-9d8e-7f6a5b4c3d2e");

    private static readonly Guid MessageId = Guid.Parse("0193d1a2-7b3c-7def-8a01-23456789abcd");

    private static readonly DateTimeOffset RecordedAt = new(2026, 4, 1, 12, 4, 5, 678, TimeSpan.FromHours(9));

    [Fact]
    public void ProbeDocument_RoundTrip_StoresUtcDateAndStandardGuid()
    {
        var bson = Serialize(MongoSelfCheckProbeDocument.From(new SelfCheckProbe(ProbeId, "corr-1", RecordedAt)));
        var back = Deserialize<MongoSelfCheckProbeDocument>(bson);

        Assert.Equal(
            BsonDocument.Parse("""{ "_id": UUID("6f1c2b0e-3d4a-4b5c-9d8e-7f6a5b4c3d2e"), "CorrelationId": "corr-1", "RecordedAt": ISODate("2026-04-01T03:04:05.678Z") }"""),
            bson);
        Assert.Equal(ProbeId, back.ProbeId);
        Assert.Equal(RecordedAt.UtcDateTime, back.RecordedAt);
    }

    [Fact]
    public void ProbeLookup_RendersById()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "_id": UUID("6f1c2b0e-3d4a-4b5c-9d8e-7f6a5b4c3d2e") }"""),
            Render(MongoSelfCheckProbeRepository.ByProbeId(ProbeId)));
    }

    [Fact]
    public void ReceiptDocument_RoundTrip_KeepsReceipt()
    {
        var receipt = new SelfCheckReceipt(ProbeId, MessageId, "corr-1", "0af7651916cd43dd8448eb211c80319c", RecordedAt);

        var bson = Serialize(MongoSelfCheckReceiptDocument.From(receipt));
        var back = Deserialize<MongoSelfCheckReceiptDocument>(bson).ToReceipt();

        Assert.Equal(BsonBinarySubType.UuidStandard, bson["_id"].AsBsonBinaryData.SubType);
        Assert.Equal(new BsonBinaryData(MessageId, GuidRepresentation.Standard), bson["MessageId"]);
        Assert.Equal(BsonType.DateTime, bson["ReceivedAt"].BsonType);
        Assert.Equal(receipt, back);
    }

    [Fact]
    public void ReceiptLookup_RendersById()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "_id": UUID("6f1c2b0e-3d4a-4b5c-9d8e-7f6a5b4c3d2e") }"""),
            Render(MongoSelfCheckReceiptRepository.ByProbeId(ProbeId)));
    }
}
