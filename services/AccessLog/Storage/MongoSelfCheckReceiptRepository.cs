using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using MynaPlatform.AccessLog.Operations;
using MynaPlatform.Messaging.MongoDb;
using MynaPlatform.Storage.MongoDb;

namespace MynaPlatform.AccessLog.Storage;

internal sealed class MongoSelfCheckReceiptRepository(IMongoDatabase database, MongoTransaction transaction, MongoInbox inbox)
    : ISelfCheckReceiptRepository
{
    private IMongoCollection<MongoSelfCheckReceiptDocument> Receipts =>
        database.GetCollection<MongoSelfCheckReceiptDocument>(SelfCheckReceiptSchema.MongoCollection);

    public Task<bool> RecordAsync(SelfCheckReceipt receipt, string consumer, CancellationToken cancellationToken) =>
        transaction.RunAsync(async (session, token) =>
        {
            if (!await inbox.TryRecordAsync(session, receipt.MessageId, consumer, token))
            {
                return false;
            }

            await Receipts.InsertOneAsync(session, MongoSelfCheckReceiptDocument.From(receipt), cancellationToken: token);
            return true;
        }, cancellationToken);

    public async Task<SelfCheckReceipt?> FindAsync(Guid probeId, CancellationToken cancellationToken)
    {
        var document = await Receipts.Find(ByProbeId(probeId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToReceipt();
    }

    internal static FilterDefinition<MongoSelfCheckReceiptDocument> ByProbeId(Guid probeId) =>
        Builders<MongoSelfCheckReceiptDocument>.Filter.Eq(document => document.ProbeId, probeId);
}

internal sealed class MongoSelfCheckReceiptDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ProbeId { get; set; }

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid MessageId { get; set; }

    public string CorrelationId { get; set; } = "";

    public string TraceId { get; set; } = "";

    public DateTime ReceivedAt { get; set; }

    public static MongoSelfCheckReceiptDocument From(SelfCheckReceipt receipt) => new()
    {
        ProbeId = receipt.ProbeId,
        MessageId = receipt.MessageId,
        CorrelationId = receipt.CorrelationId,
        TraceId = receipt.TraceId,
        ReceivedAt = receipt.ReceivedAt.UtcDateTime,
    };

    public SelfCheckReceipt ToReceipt() =>
        new(ProbeId, MessageId, CorrelationId, TraceId, new DateTimeOffset(DateTime.SpecifyKind(ReceivedAt, DateTimeKind.Utc)));
}

/// <summary>Receipts are read by probe id, the document id; no other index is needed.</summary>
internal sealed class MongoSelfCheckReceiptIndexes : IMongoIndexes
{
    public Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken) => Task.CompletedTask;
}
