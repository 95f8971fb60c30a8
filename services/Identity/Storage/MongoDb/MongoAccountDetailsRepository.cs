using MongoDB.Driver;
using MynaPlatform.Identity.Accounts;
using MynaPlatform.Storage.MongoDb;
using static MynaPlatform.Identity.Storage.MongoDb.MongoInstants;

namespace MynaPlatform.Identity.Storage.MongoDb;

internal sealed class MongoAccountDetailsRepository(IMongoDatabase database, MongoTransaction transaction) : IAccountDetailsRepository
{
    private static readonly UpdateOptions Upsert = new() { IsUpsert = true };

    public async Task<AccountDetails> GetAsync(string personId, CancellationToken cancellationToken)
    {
        var details = await database.GetAccountDetails().Find(ByPerson(personId)).FirstOrDefaultAsync(cancellationToken);
        return new AccountDetails(details?.Nickname, details?.Email);
    }

    public Task SetNicknameAsync(string personId, string? nickname, DateTimeOffset updatedAt, CancellationToken cancellationToken) =>
        database.GetAccountDetails().UpdateOneAsync(ByPerson(personId), SetNickname(nickname, updatedAt), Upsert, cancellationToken);

    public async Task<bool> SetEmailWithStepUpAsync(
        string personId, string sessionId, string email, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        try
        {
            return await SetEmailOnceAsync(personId, sessionId, email, updatedAt, cancellationToken);
        }
        catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            // A concurrent nickname change created the person's document first; the second run updates it.
            return await SetEmailOnceAsync(personId, sessionId, email, updatedAt, cancellationToken);
        }
    }

    private Task<bool> SetEmailOnceAsync(string personId, string sessionId, string email, DateTimeOffset updatedAt, CancellationToken cancellationToken) =>
        transaction.RunAsync(async (handle, token) =>
        {
            if (!await MongoStepUpRepository.ConsumeAsync(database, handle, sessionId, personId, updatedAt, token))
            {
                return false;
            }

            await database.GetAccountDetails().UpdateOneAsync(handle, ByPerson(personId), SetEmail(email, updatedAt), Upsert, token);
            return true;
        }, cancellationToken);

    internal static FilterDefinition<MongoAccountDetailsDocument> ByPerson(string personId) =>
        Builders<MongoAccountDetailsDocument>.Filter.Eq(details => details.PersonId, personId);

    internal static UpdateDefinition<MongoAccountDetailsDocument> SetNickname(string? nickname, DateTimeOffset updatedAt) =>
        Builders<MongoAccountDetailsDocument>.Update.Set(details => details.Nickname, nickname).Set(details => details.UpdatedAt, ToUtc(updatedAt));

    internal static UpdateDefinition<MongoAccountDetailsDocument> SetEmail(string email, DateTimeOffset updatedAt) =>
        Builders<MongoAccountDetailsDocument>.Update.Set(details => details.Email, email).Set(details => details.UpdatedAt, ToUtc(updatedAt));
}
