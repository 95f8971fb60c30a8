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
    private IMongoCollection<MongoSelfCheckProbeDocument> Probes =>
        database.GetCollection<MongoSelfCheckProbeDocument>(SelfCheckProbeSchema.MongoCollection);

    public async Task<bool> RecordAsync(SelfCheckProbe probe, CancellationToken cancellationToken)
    {
        // The id is looked up first because a duplicate key error inside a transaction makes the
        // server abort it, and the commit that follows would fail instead of returning false.
        var recorded = await transaction.RunAsync(async (session, token) =>
        {
            if (await Probes.Find(session, ByProbeId(probe.ProbeId)).AnyAsync(token))
            {
                return false;
            }

            await Probes.InsertOneAsync(session, MongoSelfCheckProbeDocument.From(probe), cancellationToken: token);

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

    internal static FilterDefinition<MongoSelfCheckProbeDocument> ByProbeId(Guid probeId) =>
        Builders<MongoSelfCheckProbeDocument>.Filter.Eq(document => document.ProbeId, probeId);
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
