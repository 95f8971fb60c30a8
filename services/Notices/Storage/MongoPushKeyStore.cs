using MongoDB.Driver;

namespace MynaPlatform.Notices.Storage;

internal sealed class MongoPushKeyStore(IMongoDatabase database) : IPushKeyStore
{
    private static readonly FilterDefinitionBuilder<MongoPushKeyDocument> Filter = Builders<MongoPushKeyDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<MongoPushKeyDocument> Update = Builders<MongoPushKeyDocument>.Update;

    private IMongoCollection<MongoPushKeyDocument> Keys => database.GetCollection<MongoPushKeyDocument>(NoticeSchema.MongoPushKeys);

    public async Task<PushClaim> ClaimAsync(
        string agencyClientId, string key, string fingerprint, DateTimeOffset now, TimeSpan lease, TimeSpan retention, CancellationToken cancellationToken)
    {
        var id = MongoPushKeyDocument.IdOf(agencyClientId, key);
        var fresh = new MongoPushKeyDocument
        {
            Id = id,
            PushId = Guid.CreateVersion7(),
            Fingerprint = fingerprint,
            CreatedAt = now.UtcDateTime,
            LeaseUntil = (now + lease).UtcDateTime,
        };

        // Replaces only a missing or expired key; the unique _id makes one of two racing inserts fail.
        try
        {
            var replaced = await Keys.ReplaceOneAsync(Expired(id, now - retention), fresh, new ReplaceOptions { IsUpsert = true }, cancellationToken);
            if (replaced.MatchedCount == 1 || replaced.UpsertedId is not null)
            {
                return new PushClaim(PushClaimStatus.Claimed, fresh.PushId, null);
            }
        }
        catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
        }

        var current = await Keys.Find(Filter.Eq(document => document.Id, id)).FirstAsync(cancellationToken);
        if (current.Fingerprint != fingerprint)
        {
            return new PushClaim(PushClaimStatus.ContentMismatch, current.PushId, null);
        }

        if (current.ResponseStatus is { } status)
        {
            return new PushClaim(PushClaimStatus.Completed, current.PushId, new StoredResponse(status, current.ResponseBody ?? ""));
        }

        var takeover = await Keys.UpdateOneAsync(LapsedLease(id, current.PushId, now),
            Update.Set(document => document.LeaseUntil, (now + lease).UtcDateTime), cancellationToken: cancellationToken);
        return takeover.ModifiedCount == 1
            ? new PushClaim(PushClaimStatus.Claimed, current.PushId, null)
            : new PushClaim(PushClaimStatus.InProgress, current.PushId, null);
    }

    public Task RenewAsync(string agencyClientId, string key, Guid pushId, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Keys.UpdateOneAsync(Pending(agencyClientId, key, pushId), Update.Set(document => document.LeaseUntil, leaseUntil.UtcDateTime),
            cancellationToken: cancellationToken);

    public Task CompleteAsync(string agencyClientId, string key, Guid pushId, StoredResponse response, CancellationToken cancellationToken) =>
        Keys.UpdateOneAsync(Pending(agencyClientId, key, pushId),
            Update.Set(document => document.ResponseStatus, response.StatusCode).Set(document => document.ResponseBody, response.Body),
            cancellationToken: cancellationToken);

    public Task ReleaseAsync(string agencyClientId, string key, Guid pushId, CancellationToken cancellationToken) =>
        Keys.DeleteOneAsync(Pending(agencyClientId, key, pushId), cancellationToken);

    public async Task<int> DeleteExpiredAsync(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken)
    {
        var ids = await Keys.Find(Filter.Lt(document => document.CreatedAt, createdBefore.UtcDateTime) & Filter.Ne(document => document.ResponseStatus, null))
            .Limit(limit).Project(document => document.Id).ToListAsync(cancellationToken);
        var deleted = await Keys.DeleteManyAsync(Filter.In(document => document.Id, ids), cancellationToken);
        return (int)deleted.DeletedCount;
    }

    internal static FilterDefinition<MongoPushKeyDocument> Expired(string id, DateTimeOffset createdBefore) =>
        Filter.Eq(document => document.Id, id) & Filter.Lte(document => document.CreatedAt, createdBefore.UtcDateTime);

    internal static FilterDefinition<MongoPushKeyDocument> LapsedLease(string id, Guid pushId, DateTimeOffset now) =>
        Filter.Eq(document => document.Id, id) & Filter.Eq(document => document.PushId, pushId)
        & Filter.Eq(document => document.ResponseStatus, null) & Filter.Lte(document => document.LeaseUntil, now.UtcDateTime);

    internal static FilterDefinition<MongoPushKeyDocument> Pending(string agencyClientId, string key, Guid pushId) =>
        Filter.Eq(document => document.Id, MongoPushKeyDocument.IdOf(agencyClientId, key)) & Filter.Eq(document => document.PushId, pushId)
        & Filter.Eq(document => document.ResponseStatus, null);
}
