using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using MynaPlatform.Contracts.Operations;
using MynaPlatform.Messaging.MongoDb;
using MynaPlatform.Notices.Operations;
using MynaPlatform.Storage.MongoDb;

namespace MynaPlatform.Notices.Storage;

internal sealed class MongoSelfCheckProbeRepository(IMongoDatabase database, MongoTransaction transaction, MongoOutbox outbox)
    : ISelfCheckProbeRepository
{
    public async Task<bool> RecordAsync(SelfCheckProbe probe, CancellationToken cancellationToken)
    {
        var recorded = await transaction.RunAsync(async (session, token) =>
        {
            try
            {
                await database.GetCollection<MongoSelfCheckProbeDocument>(SelfCheckProbeSchema.MongoCollection)
                    .InsertOneAsync(session, MongoSelfCheckProbeDocument.From(probe), cancellationToken: token);
            }
            catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                return false;
            }

            var message = new SelfCheckProbeRecorded(probe.ProbeId, probe.CorrelationId, probe.RecordedAt);
            await outbox.EnqueueAsync(session, message, probe.ProbeId.ToString(), token);
            return true;
        }, cancellationToken);

        if (recorded)
        {
            outbox.NotifyCommitted();
        }

        return recorded;
    }
}

internal sealed class MongoSelfCheckProbeDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ProbeId { get; set; }

    public string CorrelationId { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public static MongoSelfCheckProbeDocument From(SelfCheckProbe probe) => new()
    {
        ProbeId = probe.ProbeId,
        CorrelationId = probe.CorrelationId,
        RecordedAt = probe.RecordedAt.UtcDateTime,
    };
}

/// <summary>The probe id is the document id, which MongoDB indexes uniquely; nothing else is queried.</summary>
internal sealed class MongoSelfCheckProbeIndexes : IMongoIndexes
{
    public Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken) => Task.CompletedTask;
}
