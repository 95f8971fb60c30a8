using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Signing;
using MynaPlatform.AccessLog.Storage;
using MynaPlatform.Messaging;
using MynaPlatform.Messaging.Outbox;

namespace MynaPlatform.Storage.Tests.AccessLog;

/// <summary>A fresh access-log store (a new SQLite file or MongoDB database) registered as the service registers it.</summary>
internal sealed class AccessLogStorage(IHost host, string? directory) : IAsyncDisposable
{
    public IAccessLogRepository Chains => host.Services.GetRequiredService<IAccessLogRepository>();

    public ISigningKeyRepository Keys => host.Services.GetRequiredService<ISigningKeyRepository>();

    public static async Task<AccessLogStorage> StartAsync(
        IReadOnlyDictionary<string, string?> settings, string? directory, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();

        var storage = builder.AddPlatformStorage("access-log-contract")
            .AddSqliteSchema(AccessLogSchema.Sqlite)
            .AddMongoIndexes<MongoAccessLogIndexes>()
            .AddRepository<IAccessLogRepository, SqliteAccessLogRepository, MongoAccessLogRepository>()
            .AddRepository<ISigningKeyRepository, SqliteSigningKeyRepository, MongoSigningKeyRepository>();
        MessagingRegistration.AddOutboxStorage(storage);

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new AccessLogStorage(host, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        if (directory is not null)
        {
            TestDataDirectory.TryDelete(directory);
        }
    }
}
