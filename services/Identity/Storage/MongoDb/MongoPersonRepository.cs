using MongoDB.Driver;
using MynaPlatform.Identity.Accounts;
using static MynaPlatform.Identity.Storage.MongoDb.MongoInstants;

namespace MynaPlatform.Identity.Storage.MongoDb;

internal sealed class MongoPersonRepository(IMongoDatabase database) : IPersonRepository
{
    public async Task<string?> FindByDigestAsync(string numberDigest, CancellationToken cancellationToken)
    {
        var person = await database.GetPersons().Find(ByDigest(numberDigest)).FirstOrDefaultAsync(cancellationToken);
        return person?.PersonId;
    }

    public async Task<string> FindOrCreateAsync(string numberDigest, string newPersonId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var person = new MongoPersonDocument { PersonId = newPersonId, NumberDigest = numberDigest, CreatedAt = ToUtc(createdAt) };
        try
        {
            await database.GetPersons().InsertOneAsync(person, cancellationToken: cancellationToken);
            return newPersonId;
        }
        catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            // A concurrent first login of the same person won the unique digest index; its PersonId is used.
        }

        return await FindByDigestAsync(numberDigest, cancellationToken)
            ?? throw new InvalidOperationException("The person document is missing right after a duplicate key error on its digest.");
    }

    internal static FilterDefinition<MongoPersonDocument> ByDigest(string numberDigest) =>
        Builders<MongoPersonDocument>.Filter.Eq(person => person.NumberDigest, numberDigest);
}
