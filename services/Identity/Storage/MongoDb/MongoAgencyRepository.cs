using MongoDB.Driver;
using MynaPlatform.Identity.Agencies;
using static MynaPlatform.Identity.Storage.MongoDb.MongoInstants;

namespace MynaPlatform.Identity.Storage.MongoDb;

internal sealed class MongoAgencyRepository(IMongoDatabase database) : IAgencyRepository
{
    public async Task<AgencyRecord?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        var agency = await database.GetAgencies().Find(ByClientId(clientId)).FirstOrDefaultAsync(cancellationToken);
        return agency is null ? null : new AgencyRecord(agency.ClientId, agency.DisplayName, agency.LocalGovernmentCode, agency.IdentifierKey);
    }

    public async Task<AgencyRecord> AddIfMissingAsync(AgencyRecord agency, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        try
        {
            await database.GetAgencies().UpdateOneAsync(
                ByClientId(agency.ClientId), InsertOnly(agency, createdAt), new UpdateOptions { IsUpsert = true }, cancellationToken);
        }
        catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            // A concurrent upsert inserted the record first; it is read below.
        }

        return await FindAsync(agency.ClientId, cancellationToken)
            ?? throw new InvalidOperationException($"Agency {agency.ClientId} is missing right after it was written.");
    }

    public Task DeleteAsync(string clientId, CancellationToken cancellationToken) =>
        database.GetAgencies().DeleteOneAsync(ByClientId(clientId), cancellationToken);

    internal static FilterDefinition<MongoAgencyDocument> ByClientId(string clientId) =>
        Builders<MongoAgencyDocument>.Filter.Eq(agency => agency.ClientId, clientId);

    /// <summary>Sets every field only when the upsert inserts, so an existing record and its key stay as they are.</summary>
    internal static UpdateDefinition<MongoAgencyDocument> InsertOnly(AgencyRecord agency, DateTimeOffset createdAt) =>
        Builders<MongoAgencyDocument>.Update
            .SetOnInsert(document => document.DisplayName, agency.DisplayName)
            .SetOnInsert(document => document.LocalGovernmentCode, agency.LocalGovernmentCode)
            .SetOnInsert(document => document.IdentifierKey, agency.IdentifierKey)
            .SetOnInsert(document => document.CreatedAt, ToUtc(createdAt));
}
