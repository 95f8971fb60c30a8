using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using MynaPlatform.Messaging.MongoDb;
using MynaPlatform.Storage.MongoDb;

namespace MynaPlatform.Storage.Tests.Contract;

internal sealed class MongoTestAccountRepository(IMongoDatabase database, MongoTransaction transaction, MongoOutbox outbox)
    : ITestAccountRepository
{
    public const string Collection = "test_accounts";

    private IMongoCollection<MongoTestAccountDocument> Accounts => database.GetCollection<MongoTestAccountDocument>(Collection);

    public Task InsertAsync(TestAccount account, CancellationToken cancellationToken) =>
        Accounts.InsertOneAsync(MongoTestAccountDocument.From(account), cancellationToken: cancellationToken);

    public async Task<TestAccount?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await Accounts.Find(ById(id)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToAccount();
    }

    public async Task<long> ChangeBalanceAsync(Guid id, long expectedVersion, decimal balance, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        var version = await transaction.RunAsync(async (session, token) =>
        {
            var changed = new TestAccount(id, "", balance, updatedAt, expectedVersion + 1);
            await outbox.EnqueueAsync(session, TestAccountEvents.Changed(changed), id.ToString(), token);

            return await Accounts.UpdateVersionedAsync(
                session, "TestAccount", id.ToString(), ById(id), document => document.Version, expectedVersion,
                SetBalance(balance, updatedAt), token);
        }, cancellationToken);

        outbox.NotifyCommitted();
        return version;
    }

    internal static FilterDefinition<MongoTestAccountDocument> ById(Guid id) =>
        Builders<MongoTestAccountDocument>.Filter.Eq(document => document.Id, id);

    internal static UpdateDefinition<MongoTestAccountDocument> SetBalance(decimal balance, DateTimeOffset updatedAt) =>
        Builders<MongoTestAccountDocument>.Update.Set(document => document.Balance, balance).Set(document => document.UpdatedAt, updatedAt);
}

/// <summary>Relies on the platform's registered serializers for its GUID, decimal and instant.</summary>
internal sealed class MongoTestAccountDocument
{
    [BsonId]
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public decimal Balance { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public static MongoTestAccountDocument From(TestAccount account) => new()
    {
        Id = account.Id,
        Name = account.Name,
        Balance = account.Balance,
        UpdatedAt = account.UpdatedAt,
        Version = account.Version,
    };

    public TestAccount ToAccount() => new(Id, Name, Balance, UpdatedAt, Version);
}
