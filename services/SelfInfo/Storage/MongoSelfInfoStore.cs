using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Driver;
using MynaPlatform.Messaging.MongoDb;
using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Records;
using MynaPlatform.Storage;
using MynaPlatform.Storage.MongoDb;

namespace MynaPlatform.SelfInfo.Storage;

internal sealed class MongoSelfInfoStore(IMongoDatabase database, MongoTransaction transaction, MongoOutbox outbox) : ISelfInfoStore
{
    private const int DuplicateKeyCode = 11000;

    private static readonly FilterDefinitionBuilder<MongoRecordDocument> Records = Builders<MongoRecordDocument>.Filter;

    private IMongoCollection<MongoRecordDocument> RecordCollection => database.GetCollection<MongoRecordDocument>(SelfInfoSchema.MongoRecords);

    private IMongoCollection<MongoVersionDocument> VersionCollection => database.GetCollection<MongoVersionDocument>(SelfInfoSchema.MongoVersions);

    private IMongoCollection<MongoFlagDocument> FlagCollection => database.GetCollection<MongoFlagDocument>(SelfInfoSchema.MongoFlags);

    public async Task<PublishOutcome> PublishAsync(Publication publication, CancellationToken cancellationToken)
    {
        try
        {
            return await transaction.RunAsync((session, token) => PublishInSessionAsync(session, publication, token), cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.WriteError.Code == DuplicateKeyCode)
        {
            // Two first publications of one key raced; the unique index let one of them in.
            throw new ConcurrencyConflictException("self-info record", publication.Record.RecordKey, 0);
        }
    }

    public async Task<IReadOnlyList<StoredRecord>> ListForPersonAsync(string personId, SelfInfoCategory? category, CancellationToken cancellationToken)
    {
        var documents = await RecordCollection.Find(ByPerson(personId, category)).Sort(NewestFirst).ToListAsync(cancellationToken);
        return [.. documents.Select(document => document.ToRecord())];
    }

    public async Task<StoredRecord?> FindForPersonAsync(string personId, Guid recordId, CancellationToken cancellationToken)
    {
        var document = await RecordCollection.Find(ByRecordAndPerson(recordId, personId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToRecord();
    }

    public async Task<IReadOnlyList<StoredRecord>> SearchForPersonAsync(string personId, string normalizedQuery, CancellationToken cancellationToken)
    {
        var documents = await RecordCollection.Find(Search(personId, normalizedQuery)).Sort(NewestFirst).ToListAsync(cancellationToken);
        return [.. documents.Select(document => document.ToRecord())];
    }

    public async Task<FlagOutcome?> FlagAsync(string personId, Guid recordId, DateTimeOffset flaggedAt, CancellationToken cancellationToken) =>
        await transaction.RunAsync<FlagOutcome?>(async (session, token) =>
        {
            var record = await RecordCollection.Find(session, ByRecordAndPerson(recordId, personId)).FirstOrDefaultAsync(token);
            if (record is null)
            {
                return null;
            }

            if (record.OpenFlag is { } open)
            {
                return new FlagOutcome(open.FlagId, false, DateTime.SpecifyKind(open.FlaggedAt, DateTimeKind.Utc));
            }

            var flag = new MongoFlagDocument
            {
                FlagId = Guid.CreateVersion7(),
                RecordId = recordId,
                Version = record.Current.Version,
                PersonId = personId,
                AgencyClientId = record.AgencyClientId,
                RecordKey = record.RecordKey,
                AgencyPersonId = record.Current.AgencyPersonId,
                FlaggedAt = flaggedAt.UtcDateTime,
                IsOpen = true,
            };
            await FlagCollection.InsertOneAsync(session, flag, cancellationToken: token);
            var openFlag = new MongoOpenFlag { FlagId = flag.FlagId, Version = flag.Version, FlaggedAt = flag.FlaggedAt };
            await RecordCollection.UpdateOneAsync(session, ById(recordId), Builders<MongoRecordDocument>.Update.Set(document => document.OpenFlag, openFlag),
                cancellationToken: token);
            return new FlagOutcome(flag.FlagId, true, flaggedAt);
        }, cancellationToken);

    public Task<IReadOnlyList<StoredRecord>> ReadForAgencyAsync(
        string agencyClientId, string personId, AccessContext access, CancellationToken cancellationToken) =>
        ReadRecordingAccessAsync(VisibleToAgency(agencyClientId, personId), personId, access, cancellationToken);

    public async Task<RecordHistory?> ReadHistoryForAgencyAsync(
        string agencyClientId, string recordKey, AccessContext access, CancellationToken cancellationToken)
    {
        var history = await transaction.RunAsync<RecordHistory?>(async (session, token) =>
        {
            var document = await RecordCollection.Find(session, ByKey(agencyClientId, recordKey)).FirstOrDefaultAsync(token);
            if (document is null)
            {
                return null;
            }

            var record = document.ToRecord();
            if (record.IsUnderReview)
            {
                return new RecordHistory(record, []);
            }

            var versions = await VersionCollection.Find(session, VersionsAbout(record.RecordId, record.Current.PersonId))
                .Sort(Builders<MongoVersionDocument>.Sort.Descending(version => version.Version))
                .ToListAsync(token);
            IReadOnlyList<StoredVersion> stored = [.. versions.Select(version => version.ToVersion())];
            await outbox.EnqueueAsync(session, AccessEvents.ForVersions(record.Current.PersonId, stored, access), record.Current.PersonId, token);
            return new RecordHistory(record, stored);
        }, cancellationToken);

        NotifyIf(history is { Record.IsUnderReview: false });
        return history;
    }

    public Task<IReadOnlyList<StoredRecord>> ReadForOperatorAsync(string personId, AccessContext access, CancellationToken cancellationToken) =>
        ReadRecordingAccessAsync(ByPerson(personId, null), personId, access, cancellationToken);

    /// <summary>
    /// Reads the person's records that <paramref name="filter"/> selects, newest first, and in the same
    /// transaction queues the access event of the read, when it showed any record.
    /// </summary>
    private async Task<IReadOnlyList<StoredRecord>> ReadRecordingAccessAsync(
        FilterDefinition<MongoRecordDocument> filter, string personId, AccessContext access, CancellationToken cancellationToken)
    {
        var (records, emitted) = await transaction.RunAsync(async (session, token) =>
        {
            var documents = await RecordCollection.Find(session, filter).Sort(NewestFirst).ToListAsync(token);
            IReadOnlyList<StoredRecord> found = [.. documents.Select(document => document.ToRecord())];
            var accessed = AccessEvents.ForRead(personId, found, access);
            if (accessed is not null)
            {
                await outbox.EnqueueAsync(session, accessed, personId, token);
            }

            return (found, accessed is not null);
        }, cancellationToken);

        NotifyIf(emitted);
        return records;
    }

    public async Task<IReadOnlyList<FlagListing>> ListOpenFlagsAsync(string? agencyClientId, CancellationToken cancellationToken)
    {
        var flags = await FlagCollection.Find(OpenFlags(agencyClientId))
            .Sort(Builders<MongoFlagDocument>.Sort.Ascending(flag => flag.FlaggedAt).Ascending(flag => flag.FlagId))
            .ToListAsync(cancellationToken);
        return [.. flags.Select(flag => flag.ToListing())];
    }

    public Task<bool> ClearFlagAsync(Guid flagId, string operatorClientId, string reason, DateTimeOffset clearedAt, CancellationToken cancellationToken) =>
        transaction.RunAsync(async (session, token) =>
        {
            var closed = await FlagCollection.UpdateOneAsync(session, OpenFlagById(flagId),
                CloseFlag(SelfInfoSchema.ClosedAsCleared, operatorClientId, reason, clearedAt), cancellationToken: token);
            if (closed.ModifiedCount == 0)
            {
                return false;
            }

            await RecordCollection.UpdateOneAsync(session, Records.Eq(document => document.OpenFlag!.FlagId, flagId),
                Builders<MongoRecordDocument>.Update.Unset(document => document.OpenFlag), cancellationToken: token);
            return true;
        }, cancellationToken);

    private async Task<PublishOutcome> PublishInSessionAsync(IClientSessionHandle session, Publication publication, CancellationToken token)
    {
        var existing = await RecordCollection.Find(session, ByKey(publication.AgencyClientId, publication.Record.RecordKey)).FirstOrDefaultAsync(token);
        if (existing is null)
        {
            var recordId = Guid.CreateVersion7();
            var first = MongoVersionDocument.From(recordId, 1, publication);
            await RecordCollection.InsertOneAsync(session, new MongoRecordDocument
            {
                RecordId = recordId,
                AgencyClientId = publication.AgencyClientId,
                RecordKey = publication.Record.RecordKey,
                PersonId = publication.PersonId,
                Current = first,
            }, cancellationToken: token);
            await VersionCollection.InsertOneAsync(session, first, cancellationToken: token);
            return new PublishOutcome(recordId, 1, PublishResult.Created, null);
        }

        var current = existing.ToRecord();
        if (!current.IsUnderReview && publication.Repeats(current.Current))
        {
            return new PublishOutcome(current.RecordId, current.Current.Version, PublishResult.Unchanged, null);
        }

        var next = MongoVersionDocument.From(current.RecordId, current.Current.Version + 1, publication);
        await VersionCollection.InsertOneAsync(session, next, cancellationToken: token);
        if (current.Flag is { } flag)
        {
            await FlagCollection.UpdateOneAsync(session, OpenFlagById(flag.FlagId),
                CloseFlag(SelfInfoSchema.ClosedAsCorrected, publication.AgencyClientId, null, publication.PublishedAt), cancellationToken: token);
        }

        // The filter names the version that was read, so a concurrent publication cannot be overwritten unseen.
        var replaced = await RecordCollection.UpdateOneAsync(session,
            Records.And(ById(current.RecordId), Records.Eq(document => document.Current.Version, current.Current.Version)),
            NextVersion(next), cancellationToken: token);
        if (replaced.MatchedCount == 0)
        {
            throw new ConcurrencyConflictException("self-info record", publication.Record.RecordKey, current.Current.Version);
        }

        return new PublishOutcome(current.RecordId, next.Version, PublishResult.NewVersion, current.Flag?.FlagId);
    }

    private void NotifyIf(bool emitted)
    {
        if (emitted)
        {
            outbox.NotifyCommitted();
        }
    }

    internal static FilterDefinition<MongoRecordDocument> ById(Guid recordId) => Records.Eq(document => document.RecordId, recordId);

    internal static FilterDefinition<MongoRecordDocument> ByKey(string agencyClientId, string recordKey) =>
        Records.And(Records.Eq(document => document.AgencyClientId, agencyClientId), Records.Eq(document => document.RecordKey, recordKey));

    internal static FilterDefinition<MongoRecordDocument> ByRecordAndPerson(Guid recordId, string personId) =>
        Records.And(ById(recordId), Records.Eq(document => document.PersonId, personId));

    internal static FilterDefinition<MongoRecordDocument> ByPerson(string personId, SelfInfoCategory? category) =>
        category is null
            ? Records.Eq(document => document.PersonId, personId)
            : Records.And(
                Records.Eq(document => document.PersonId, personId),
                Records.Eq(document => document.Current.CategoryGroup, category.Group),
                Records.Eq(document => document.Current.CategoryName, category.Name));

    /// <summary>The person's records that are not under review and whose search text contains the query literally.</summary>
    internal static FilterDefinition<MongoRecordDocument> Search(string personId, string normalizedQuery) =>
        Records.And(
            Records.Eq(document => document.PersonId, personId),
            Records.Exists(document => document.OpenFlag, false),
            Records.Regex(document => document.Current.SearchText, new BsonRegularExpression(Regex.Escape(normalizedQuery))));

    internal static FilterDefinition<MongoRecordDocument> VisibleToAgency(string agencyClientId, string personId) =>
        Records.And(
            Records.Eq(document => document.AgencyClientId, agencyClientId),
            Records.Eq(document => document.PersonId, personId),
            Records.Exists(document => document.OpenFlag, false));

    internal static FilterDefinition<MongoVersionDocument> VersionsAbout(Guid recordId, string personId) =>
        Builders<MongoVersionDocument>.Filter.And(
            Builders<MongoVersionDocument>.Filter.Eq(version => version.RecordId, recordId),
            Builders<MongoVersionDocument>.Filter.Eq(version => version.PersonId, personId));

    internal static FilterDefinition<MongoFlagDocument> OpenFlags(string? agencyClientId) =>
        agencyClientId is null
            ? Builders<MongoFlagDocument>.Filter.Eq(flag => flag.IsOpen, true)
            : Builders<MongoFlagDocument>.Filter.And(
                Builders<MongoFlagDocument>.Filter.Eq(flag => flag.AgencyClientId, agencyClientId),
                Builders<MongoFlagDocument>.Filter.Eq(flag => flag.IsOpen, true));

    internal static FilterDefinition<MongoFlagDocument> OpenFlagById(Guid flagId) =>
        Builders<MongoFlagDocument>.Filter.And(
            Builders<MongoFlagDocument>.Filter.Eq(flag => flag.FlagId, flagId),
            Builders<MongoFlagDocument>.Filter.Eq(flag => flag.IsOpen, true));

    internal static UpdateDefinition<MongoFlagDocument> CloseFlag(string closedAs, string closedBy, string? reason, DateTimeOffset closedAt) =>
        Builders<MongoFlagDocument>.Update
            .Set(flag => flag.IsOpen, false)
            .Set(flag => flag.ClosedAt, closedAt.UtcDateTime)
            .Set(flag => flag.ClosedAs, closedAs)
            .Set(flag => flag.ClosedBy, closedBy)
            .Set(flag => flag.CloseReason, reason);

    internal static UpdateDefinition<MongoRecordDocument> NextVersion(MongoVersionDocument next) =>
        Builders<MongoRecordDocument>.Update
            .Set(document => document.Current, next)
            .Set(document => document.PersonId, next.PersonId)
            .Unset(document => document.OpenFlag);

    internal static SortDefinition<MongoRecordDocument> NewestFirst =>
        Builders<MongoRecordDocument>.Sort.Descending(document => document.Current.PublishedAt).Ascending(document => document.RecordId);
}

/// <summary>
/// The unique key of an agency's record, the person's lookups, a record's versions, and at most
/// one open flag per record (a partial unique index on open flags).
/// </summary>
internal sealed class MongoSelfInfoIndexes : IMongoIndexes
{
    public static readonly CreateIndexModel<MongoRecordDocument> RecordKeyIndex = new(
        Builders<MongoRecordDocument>.IndexKeys.Ascending(document => document.AgencyClientId).Ascending(document => document.RecordKey),
        new CreateIndexOptions { Unique = true, Name = "ux_agency_record_key" });

    public static readonly CreateIndexModel<MongoRecordDocument> PersonIndex = new(
        Builders<MongoRecordDocument>.IndexKeys.Ascending(document => document.PersonId).Descending(document => document.Current.PublishedAt),
        new CreateIndexOptions { Name = "ix_person_published" });

    public static readonly CreateIndexModel<MongoVersionDocument> VersionIndex = new(
        Builders<MongoVersionDocument>.IndexKeys.Ascending(version => version.RecordId).Descending(version => version.Version),
        new CreateIndexOptions { Name = "ix_record_versions" });

    public static readonly CreateIndexModel<MongoFlagDocument> OpenFlagIndex = new(
        Builders<MongoFlagDocument>.IndexKeys.Ascending(flag => flag.RecordId),
        new CreateIndexOptions<MongoFlagDocument>
        {
            Unique = true,
            Name = "ux_open_flag_per_record",
            PartialFilterExpression = Builders<MongoFlagDocument>.Filter.Eq(flag => flag.IsOpen, true),
        });

    public static readonly CreateIndexModel<MongoFlagDocument> AgencyFlagIndex = new(
        Builders<MongoFlagDocument>.IndexKeys.Ascending(flag => flag.AgencyClientId).Ascending(flag => flag.IsOpen).Ascending(flag => flag.FlaggedAt),
        new CreateIndexOptions { Name = "ix_agency_open_flags" });

    public async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var records = database.GetCollection<MongoRecordDocument>(SelfInfoSchema.MongoRecords);
        await records.Indexes.CreateManyAsync([RecordKeyIndex, PersonIndex], cancellationToken);

        var versions = database.GetCollection<MongoVersionDocument>(SelfInfoSchema.MongoVersions);
        await versions.Indexes.CreateOneAsync(VersionIndex, cancellationToken: cancellationToken);

        var flags = database.GetCollection<MongoFlagDocument>(SelfInfoSchema.MongoFlags);
        await flags.Indexes.CreateManyAsync([OpenFlagIndex, AgencyFlagIndex], cancellationToken);
    }
}
