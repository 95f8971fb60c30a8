using MongoDB.Driver;
using MynaPlatform.Contracts.Access;
using MynaPlatform.Identity.Agencies;
using MynaPlatform.Messaging.MongoDb;
using MynaPlatform.Storage.MongoDb;
using static MynaPlatform.Identity.Storage.MongoDb.MongoInstants;

namespace MynaPlatform.Identity.Storage.MongoDb;

internal sealed class MongoAgencyIdentifierRepository(IMongoDatabase database, MongoTransaction transaction, MongoOutbox outbox)
    : IAgencyIdentifierRepository
{
    public async Task EnrollAsync(
        string clientId, string agencyPersonId, string personId, PersonDataAccessed access, CancellationToken cancellationToken)
    {
        try
        {
            await EnrollOnceAsync(clientId, agencyPersonId, personId, access, cancellationToken);
        }
        catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            // A concurrent enrollment of the same person inserted the identifier; the second run keeps it and records this access.
            await EnrollOnceAsync(clientId, agencyPersonId, personId, access, cancellationToken);
        }

        outbox.NotifyCommitted();
    }

    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        string clientId, IReadOnlyCollection<string> agencyPersonIds, CancellationToken cancellationToken)
    {
        var found = await database.GetAgencyPersons().Find(ByIdentifiers(clientId, agencyPersonIds)).ToListAsync(cancellationToken);
        return found.ToDictionary(identifier => identifier.AgencyPersonId, identifier => identifier.PersonId, StringComparer.Ordinal);
    }

    private Task<bool> EnrollOnceAsync(
        string clientId, string agencyPersonId, string personId, PersonDataAccessed access, CancellationToken cancellationToken) =>
        transaction.RunAsync(async (handle, token) =>
        {
            await database.GetAgencyPersons().UpdateOneAsync(handle,
                ByIdentifier(clientId, agencyPersonId), InsertOnly(clientId, agencyPersonId, personId, access.OccurredAt),
                new UpdateOptions { IsUpsert = true }, token);
            await outbox.EnqueueAsync(handle, access, personId, token);
            return true;
        }, cancellationToken);

    internal static FilterDefinition<MongoAgencyPersonDocument> ByIdentifier(string clientId, string agencyPersonId) =>
        Builders<MongoAgencyPersonDocument>.Filter.Eq(identifier => identifier.Key, MongoAgencyPersonDocument.KeyOf(clientId, agencyPersonId));

    /// <summary>Matches the keys and the client id, so another agency's identifiers are never found, whatever the requested ids contain.</summary>
    internal static FilterDefinition<MongoAgencyPersonDocument> ByIdentifiers(string clientId, IEnumerable<string> agencyPersonIds) =>
        Builders<MongoAgencyPersonDocument>.Filter.In(
            identifier => identifier.Key, agencyPersonIds.Distinct(StringComparer.Ordinal).Select(id => MongoAgencyPersonDocument.KeyOf(clientId, id)))
        & Builders<MongoAgencyPersonDocument>.Filter.Eq(identifier => identifier.ClientId, clientId);

    internal static UpdateDefinition<MongoAgencyPersonDocument> InsertOnly(string clientId, string agencyPersonId, string personId, DateTimeOffset enrolledAt) =>
        Builders<MongoAgencyPersonDocument>.Update
            .SetOnInsert(identifier => identifier.ClientId, clientId)
            .SetOnInsert(identifier => identifier.AgencyPersonId, agencyPersonId)
            .SetOnInsert(identifier => identifier.PersonId, personId)
            .SetOnInsert(identifier => identifier.EnrolledAt, ToUtc(enrolledAt));
}
