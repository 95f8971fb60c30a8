using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using MynaPlatform.Hosting;
using MynaPlatform.Storage.MongoDb;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// Registers the storage provider named by <c>Storage:Provider</c>: the service's SQLite file
    /// under the data folder, or its MongoDB database from the <c>mongodb</c> connection string.
    /// </summary>
    public static PlatformStorageBuilder AddPlatformStorage(this IHostApplicationBuilder builder, string serviceName)
    {
        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.TryAddSingleton(options);

        if (options.Provider == StorageProvider.MongoDb)
        {
            AddMongoDb(builder, options, serviceName);
        }
        else
        {
            var path = options.SqlitePath ?? Path.Combine(RequireDataDirectory(builder.Configuration), $"{serviceName}.db");
            builder.Services.TryAddSingleton(new SqliteDatabase(path));
            builder.Services.AddHostedService<SqliteSchemaInitializer>();
        }

        return new PlatformStorageBuilder(builder.Services, options.Provider);
    }

    private static void AddMongoDb(IHostApplicationBuilder builder, StorageOptions options, string serviceName)
    {
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.MongoDb)
            ?? throw new InvalidOperationException(
                $"Storage:Provider is MongoDb but ConnectionStrings:{ResourceNames.MongoDb} is not set.");

        MongoSerialization.EnsureRegistered();
        builder.Services.TryAddSingleton<IMongoClient>(new MongoClient(connectionString));
        builder.Services.TryAddSingleton(services => services.GetRequiredService<IMongoClient>()
            .GetDatabase(options.MongoDatabase ?? serviceName));
        builder.Services.TryAddSingleton<MongoTransaction>();
        builder.Services.AddHostedService<MongoIndexInitializer>();
    }

    private static string RequireDataDirectory(IConfiguration configuration)
    {
        var directory = configuration[PlatformConfigurationKeys.DataDirectory];
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new InvalidOperationException(
                $"{PlatformConfigurationKeys.DataDirectory} is not set: name the folder for the service's SQLite file, " +
                "or set Storage:SqlitePath.");
        }

        return directory;
    }
}
