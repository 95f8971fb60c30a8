using MongoDB.Driver;
using MynaPlatform.Messaging.Outbox;

namespace MynaPlatform.Messaging.MongoDb;

/// <summary>Adds events to the outbox inside a service's own MongoDB transaction.</summary>
public sealed class MongoOutbox(IMongoDatabase database, OutboxSignal signal, TimeProvider clock)
{
    /// <summary>
    /// Stores <paramref name="message"/> in the transaction of <paramref name="session"/>. The
    /// caller commits the session and then calls <see cref="OutboxSignal.Notify"/> through
    /// <see cref="NotifyCommitted"/>.
    /// </summary>
    public async Task<Guid> EnqueueAsync<TMessage>(IClientSessionHandle session, TMessage message, string aggregateId, CancellationToken cancellationToken)
        where TMessage : class
    {
        var row = OutboxEnvelope.Create(message, aggregateId);
        var counter = await database.GetCounters().FindOneAndUpdateAsync(
            session, SequenceCounter, NextSequence, NextSequenceOptions, cancellationToken);

        await database.GetOutbox().InsertOneAsync(session, new MongoOutboxDocument
        {
            MessageId = row.MessageId,
            Sequence = counter.Value,
            AggregateId = row.AggregateId,
            MessageType = row.MessageType,
            Body = row.Body,
            TraceParent = row.TraceParent,
            TraceState = row.TraceState,
            CorrelationId = row.CorrelationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, cancellationToken: cancellationToken);

        return row.MessageId;
    }

    public void NotifyCommitted() => signal.Notify();

    internal static readonly FilterDefinition<MongoCounterDocument> SequenceCounter =
        Builders<MongoCounterDocument>.Filter.Eq(document => document.Id, MongoMessagingCollections.OutboxSequence);

    internal static readonly UpdateDefinition<MongoCounterDocument> NextSequence =
        Builders<MongoCounterDocument>.Update.Inc(document => document.Value, 1);

    internal static readonly FindOneAndUpdateOptions<MongoCounterDocument> NextSequenceOptions =
        new() { IsUpsert = true, ReturnDocument = ReturnDocument.After };
}
