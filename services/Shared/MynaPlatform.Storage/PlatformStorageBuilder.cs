using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.Storage.MongoDb;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Storage;

/// <summary>Registers a service's schema, indexes and repositories for the configured provider.</summary>
public sealed class PlatformStorageBuilder(IServiceCollection services, StorageProvider provider)
{
    public IServiceCollection Services { get; } = services;

    public StorageProvider Provider { get; } = provider;

    /// <summary>Adds a script of idempotent <c>CREATE ... IF NOT EXISTS</c> statements, run at start.</summary>
    public PlatformStorageBuilder AddSqliteSchema(string script)
    {
        Services.AddSingleton(new SqliteSchema(script));
        return this;
    }

    /// <summary>Adds an index creator that runs at start when the provider is MongoDB.</summary>
    public PlatformStorageBuilder AddMongoIndexes<TIndexes>()
        where TIndexes : class, IMongoIndexes
    {
        Services.AddSingleton<IMongoIndexes, TIndexes>();
        return this;
    }

    /// <summary>Registers the repository implementation that matches the configured provider.</summary>
    public PlatformStorageBuilder AddRepository<TRepository, TSqlite, TMongo>()
        where TRepository : class
        where TSqlite : class, TRepository
        where TMongo : class, TRepository
    {
        if (Provider == StorageProvider.MongoDb)
        {
            Services.AddSingleton<TRepository, TMongo>();
        }
        else
        {
            Services.AddSingleton<TRepository, TSqlite>();
        }

        return this;
    }
}
