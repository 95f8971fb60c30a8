using MynaPlatform.Identity.Accounts;
using MynaPlatform.Identity.Agencies;
using MynaPlatform.Identity.Cards;
using MynaPlatform.Identity.Sessions;
using MynaPlatform.Identity.Storage.MongoDb;
using MynaPlatform.Identity.Storage.Sqlite;
using MynaPlatform.Storage;

namespace MynaPlatform.Identity.Storage;

public static class IdentityStorageRegistration
{
    /// <summary>
    /// Registers the schema, indexes and repositories of the identity service's own data for the
    /// configured provider. OpenIddict's token store is not among them: it stays on SQLite in every mode.
    /// </summary>
    public static PlatformStorageBuilder AddIdentityRepositories(this PlatformStorageBuilder storage)
    {
        // NOTE: the MongoDB adapters run only where a Docker daemon responds (the contract suite under
        // Testcontainers); elsewhere only their BSON mapping and rendered queries are tested.
        storage.AddSqliteSchema(IdentitySchema.Sqlite)
            .AddMongoIndexes<IdentityMongoIndexes>()
            .AddRepository<ISessionRepository, SqliteSessionRepository, MongoSessionRepository>()
            .AddRepository<ICertificateLinkRepository, SqliteCertificateLinkRepository, MongoCertificateLinkRepository>()
            .AddRepository<ICardHoldRepository, SqliteCardHoldRepository, MongoCardHoldRepository>()
            .AddRepository<IStepUpRepository, SqliteStepUpRepository, MongoStepUpRepository>()
            .AddRepository<IAccountDetailsRepository, SqliteAccountDetailsRepository, MongoAccountDetailsRepository>()
            .AddRepository<IAgencyRepository, SqliteAgencyRepository, MongoAgencyRepository>()
            .AddRepository<IAgencyIdentifierRepository, SqliteAgencyIdentifierRepository, MongoAgencyIdentifierRepository>();

        // On SQLite, persons stay in the token store's file, whose EF Core context is scoped.
        if (storage.Provider == StorageProvider.MongoDb)
        {
            storage.Services.AddSingleton<IPersonRepository, MongoPersonRepository>();
        }
        else
        {
            storage.Services.AddScoped<IPersonRepository, SqlitePersonRepository>();
        }

        return storage;
    }
}
