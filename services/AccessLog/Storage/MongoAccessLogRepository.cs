using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.Messaging.MongoDb;
using MynaPlatform.Storage;
using MynaPlatform.Storage.MongoDb;

namespace MynaPlatform.AccessLog.Storage;

/// <summary>
/// Chains in MongoDB. An append runs in one transaction and moves the tip only if it is still at
/// the sequence read, and (ChainId, Sequence) is unique, so two appends never fork a chain: the
/// loser's transaction aborts and <see cref="ChainWriter"/> tries again on the new tip.
/// </summary>
internal sealed class MongoAccessLogRepository(IMongoDatabase database, MongoTransaction transaction, MongoInbox inbox) : IAccessLogRepository
{
    private static readonly FilterDefinitionBuilder<MongoEntryDocument> EntryFilter = Builders<MongoEntryDocument>.Filter;

    private IMongoCollection<MongoChainDocument> Chains => database.GetCollection<MongoChainDocument>(AccessLogSchema.MongoChains);

    private IMongoCollection<MongoEntryDocument> Entries => database.GetCollection<MongoEntryDocument>(AccessLogSchema.MongoEntries);

    public async Task<PersonChain> GetOrCreateChainAsync(string personId, CancellationToken cancellationToken)
    {
        var found = await Chains.Find(ChainOf(personId)).FirstOrDefaultAsync(cancellationToken);
        if (found is not null)
        {
            return found.ToChain();
        }

        var created = NewChain(personId);
        try
        {
            await Chains.InsertOneAsync(created, cancellationToken: cancellationToken);
            return created.ToChain();
        }
        catch (MongoWriteException failure) when (failure.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // Another request created the chain first; use that one.
            return (await Chains.Find(ChainOf(personId)).FirstAsync(cancellationToken)).ToChain();
        }
    }

    public async Task<AppendOutcome> AppendAsync(
        string personId, NewRecord record, InboxReceipt? inboxReceipt, Func<ChainTip, ChainAppend> append, CancellationToken cancellationToken)
    {
        try
        {
            return await transaction.RunAsync(async (session, token) =>
            {
                if (inboxReceipt is not null && !await inbox.TryRecordAsync(session, inboxReceipt.MessageId, inboxReceipt.Consumer, token))
                {
                    return new AppendOutcome(AppendStatus.DuplicateMessage, null);
                }

                var existing = await Entries.Find(session, BySource(record.SourceKey)).FirstOrDefaultAsync(token);
                if (existing is not null)
                {
                    return existing.PersonId == personId
                        ? new AppendOutcome(AppendStatus.DuplicateSource, existing.ToEntry())
                        : new AppendOutcome(AppendStatus.DuplicateSourceOfOtherPerson, null);
                }

                var chain = await Chains.Find(session, ChainOf(personId)).FirstOrDefaultAsync(token);
                if (chain is null)
                {
                    chain = NewChain(personId);
                    await Chains.InsertOneAsync(session, chain, cancellationToken: token);
                }

                var appended = append(chain.ToChain().Tip);
                await Entries.InsertOneAsync(session, MongoEntryDocument.From(personId, chain.ChainId, appended.Entry, record), cancellationToken: token);
                var moved = await Chains.UpdateOneAsync(session, TipAt(personId, chain.Sequence), MoveTip(appended), cancellationToken: token);
                if (moved.MatchedCount != 1)
                {
                    throw new ConcurrencyConflictException("Access-log chain", chain.ChainId, chain.Sequence);
                }

                return new AppendOutcome(AppendStatus.Appended, appended.Entry);
            }, cancellationToken);
        }
        catch (MongoWriteException failure) when (failure.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // A racing append took the sequence, the source key or the new chain's id first.
            throw new ConcurrencyConflictException("Access-log chain", personId, -1);
        }
    }

    public async Task<IReadOnlyList<ChainEntry>> ReadEntriesAsync(string chainId, long after, long through, int limit, CancellationToken cancellationToken)
    {
        var documents = await Entries.Find(Range(chainId, after, through)).Sort(SequenceAscending).Limit(limit).ToListAsync(cancellationToken);
        return [.. documents.Select(document => document.ToEntry())];
    }

    public async Task<RecordPage> SearchAsync(string personId, RecordQuery query, CancellationToken cancellationToken)
    {
        var filter = SearchFilter(personId, query);
        var documents = await Entries.Find(filter).Sort(SequenceDescending).Skip(query.Skip).Limit(query.Take).ToListAsync(cancellationToken);
        var total = await Entries.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        return new RecordPage([.. documents.Select(document => document.ToEntry())], total);
    }

    public async Task<IReadOnlyList<PruneCandidate>> FindPrunableAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        var groups = await Entries.Aggregate()
            .Match(RecordedBefore(cutoff))
            .Sort(NewestPerChain)
            .Group(LastPerChain)
            .Limit(limit)
            .ToListAsync(cancellationToken);

        return [.. groups.Select(group => BsonSerializer.Deserialize<MongoEntryDocument>(group["last"].AsBsonDocument))
            .Select(document => new PruneCandidate(document.ChainId, document.ToEntry()))];
    }

    public Task<int> PruneAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken) =>
        transaction.RunAsync(async (session, token) =>
        {
            var removed = await Entries.DeleteManyAsync(session, Through(checkpoint.ChainId, checkpoint.Sequence), cancellationToken: token);
            await Chains.UpdateOneAsync(session, OlderCheckpoint(checkpoint), SetCheckpoint(checkpoint), cancellationToken: token);
            return (int)removed.DeletedCount;
        }, cancellationToken);

    public async Task<AccessLogCounts> CountAsync(DateOnly japanToday, CancellationToken cancellationToken)
    {
        var entries = Entries;
        return new AccessLogCounts(
            await Chains.CountDocumentsAsync(FilterDefinition<MongoChainDocument>.Empty, cancellationToken: cancellationToken),
            await entries.CountDocumentsAsync(FilterDefinition<MongoEntryDocument>.Empty, cancellationToken: cancellationToken),
            await entries.CountDocumentsAsync(OfKind(ExchangeRecord.KindName), cancellationToken: cancellationToken),
            await entries.CountDocumentsAsync(OfKind(PlatformAccessRecord.KindName), cancellationToken: cancellationToken),
            await entries.CountDocumentsAsync(WithheldAfter(japanToday), cancellationToken: cancellationToken),
            await Chains.CountDocumentsAsync(WithCheckpoint, cancellationToken: cancellationToken));
    }

    internal static readonly SortDefinition<MongoEntryDocument> SequenceAscending = Builders<MongoEntryDocument>.Sort.Ascending(entry => entry.Sequence);

    internal static readonly SortDefinition<MongoEntryDocument> SequenceDescending = Builders<MongoEntryDocument>.Sort.Descending(entry => entry.Sequence);

    internal static readonly SortDefinition<MongoEntryDocument> NewestPerChain =
        Builders<MongoEntryDocument>.Sort.Ascending(entry => entry.ChainId).Descending(entry => entry.Sequence);

    internal static readonly ProjectionDefinition<MongoEntryDocument, BsonDocument> LastPerChain =
        new BsonDocument { ["_id"] = "$ChainId", ["last"] = new BsonDocument("$first", "$$ROOT") };

    internal static readonly FilterDefinition<MongoChainDocument> WithCheckpoint =
        Builders<MongoChainDocument>.Filter.Ne(chain => chain.Checkpoint, null);

    internal static FilterDefinition<MongoChainDocument> ChainOf(string personId) =>
        Builders<MongoChainDocument>.Filter.Eq(chain => chain.PersonId, personId);

    internal static FilterDefinition<MongoChainDocument> TipAt(string personId, long sequence) =>
        Builders<MongoChainDocument>.Filter.And(ChainOf(personId), Builders<MongoChainDocument>.Filter.Eq(chain => chain.Sequence, sequence));

    internal static UpdateDefinition<MongoChainDocument> MoveTip(ChainAppend appended) => Builders<MongoChainDocument>.Update
        .Set(chain => chain.Sequence, appended.Tip.Sequence)
        .Set(chain => chain.HeadHash, appended.Tip.Hash)
        .Set(chain => chain.RecordedAt, Instants.Format(appended.Entry.RecordedAt))
        .Set(chain => chain.Head, MongoSignature.From(appended.Head.Signature));

    internal static FilterDefinition<MongoChainDocument> OlderCheckpoint(SignedCheckpoint checkpoint)
    {
        var filter = Builders<MongoChainDocument>.Filter;
        return filter.And(
            filter.Eq(chain => chain.ChainId, checkpoint.ChainId),
            filter.Or(filter.Eq(chain => chain.Checkpoint, null), filter.Lt(chain => chain.Checkpoint!.Sequence, checkpoint.Sequence)));
    }

    internal static UpdateDefinition<MongoChainDocument> SetCheckpoint(SignedCheckpoint checkpoint) =>
        Builders<MongoChainDocument>.Update.Set(chain => chain.Checkpoint, MongoCheckpoint.From(checkpoint));

    internal static FilterDefinition<MongoEntryDocument> BySource(string sourceKey) => EntryFilter.Eq(entry => entry.SourceKey, sourceKey);

    internal static FilterDefinition<MongoEntryDocument> Range(string chainId, long after, long through) => EntryFilter.And(
        EntryFilter.Eq(entry => entry.ChainId, chainId),
        EntryFilter.Gt(entry => entry.Sequence, after),
        EntryFilter.Lte(entry => entry.Sequence, through));

    internal static FilterDefinition<MongoEntryDocument> Through(string chainId, long sequence) => EntryFilter.And(
        EntryFilter.Eq(entry => entry.ChainId, chainId),
        EntryFilter.Lte(entry => entry.Sequence, sequence));

    internal static FilterDefinition<MongoEntryDocument> RecordedBefore(DateTimeOffset cutoff) =>
        EntryFilter.Lt(entry => entry.RecordedAt, Instants.Format(cutoff));

    internal static FilterDefinition<MongoEntryDocument> OfKind(string kind) => EntryFilter.Eq(entry => entry.Kind, kind);

    internal static FilterDefinition<MongoEntryDocument> WithheldAfter(DateOnly japanToday) =>
        EntryFilter.Gt(entry => entry.WithheldUntil, Instants.Format(japanToday));

    /// <summary>The person's search; the same conditions as the SQLite adapter's.</summary>
    internal static FilterDefinition<MongoEntryDocument> SearchFilter(string personId, RecordQuery query)
    {
        var visibleOn = Instants.Format(query.VisibleOn);
        var conditions = new List<FilterDefinition<MongoEntryDocument>>
        {
            EntryFilter.Eq(entry => entry.PersonId, personId),
            EntryFilter.Or(EntryFilter.Eq(entry => entry.WithheldUntil, null), EntryFilter.Lte(entry => entry.WithheldUntil, visibleOn)),
        };

        if (query.AgencyId is { } agency)
        {
            conditions.Add(EntryFilter.AnyEq(entry => entry.AgencyIds, agency));
        }

        if (query.TaskText is { } task)
        {
            conditions.Add(EntryFilter.Regex(entry => entry.TaskSearch, new BsonRegularExpression(Regex.Escape(task))));
        }

        if (query.OccurredFrom is { } from)
        {
            conditions.Add(EntryFilter.Gte(entry => entry.OccurredAt, Instants.Format(from)));
        }

        if (query.OccurredBefore is { } before)
        {
            conditions.Add(EntryFilter.Lt(entry => entry.OccurredAt, Instants.Format(before)));
        }

        return EntryFilter.And(conditions);
    }

    private static MongoChainDocument NewChain(string personId)
    {
        var tip = ChainTip.Start(ChainIds.New());
        return new MongoChainDocument { PersonId = personId, ChainId = tip.ChainId, Sequence = 0, HeadHash = tip.Hash };
    }
}

/// <summary>Unique chain ids, one entry per (chain, sequence), unique source keys, and the search and retention orders.</summary>
internal sealed class MongoAccessLogIndexes : IMongoIndexes
{
    public static readonly CreateIndexModel<MongoChainDocument> ChainIdIndex = new(
        Builders<MongoChainDocument>.IndexKeys.Ascending(chain => chain.ChainId),
        new CreateIndexOptions { Name = "ux_chains_chain_id", Unique = true });

    public static readonly CreateIndexModel<MongoEntryDocument> SequenceIndex = new(
        Builders<MongoEntryDocument>.IndexKeys.Ascending(entry => entry.ChainId).Ascending(entry => entry.Sequence),
        new CreateIndexOptions { Name = "ux_entries_chain_sequence", Unique = true });

    public static readonly CreateIndexModel<MongoEntryDocument> SourceKeyIndex = new(
        Builders<MongoEntryDocument>.IndexKeys.Ascending(entry => entry.SourceKey),
        new CreateIndexOptions { Name = "ux_entries_source_key", Unique = true });

    public static readonly CreateIndexModel<MongoEntryDocument> PersonIndex = new(
        Builders<MongoEntryDocument>.IndexKeys.Ascending(entry => entry.PersonId).Descending(entry => entry.Sequence),
        new CreateIndexOptions { Name = "ix_entries_person_sequence" });

    public static readonly CreateIndexModel<MongoEntryDocument> RecordedAtIndex = new(
        Builders<MongoEntryDocument>.IndexKeys.Ascending(entry => entry.RecordedAt),
        new CreateIndexOptions { Name = "ix_entries_recorded_at" });

    public async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await database.GetCollection<MongoChainDocument>(AccessLogSchema.MongoChains).Indexes.CreateOneAsync(ChainIdIndex, cancellationToken: cancellationToken);
        var entries = database.GetCollection<MongoEntryDocument>(AccessLogSchema.MongoEntries);
        await entries.Indexes.CreateManyAsync([SequenceIndex, SourceKeyIndex, PersonIndex, RecordedAtIndex], cancellationToken);
    }
}
