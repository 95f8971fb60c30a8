using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MynaPlatform.Messaging;
using MynaPlatform.Messaging.Outbox;
using MynaPlatform.SelfInfo.Records;
using MynaPlatform.SelfInfo.Storage;
using MynaPlatform.Storage;

namespace MynaPlatform.SelfInfo.Tests.Storage;

/// <summary>
/// A fresh self-info store (a new SQLite file or a new MongoDB database) registered as the service
/// registers it, with its schema applied and the outbox beside it.
/// </summary>
internal sealed class SelfInfoStorage(IHost host, string? directory) : IAsyncDisposable
{
    public ISelfInfoStore Store => host.Services.GetRequiredService<ISelfInfoStore>();

    public IOutboxStore Outbox => host.Services.GetRequiredService<IOutboxStore>();

    public static async Task<SelfInfoStorage> StartAsync(IReadOnlyDictionary<string, string?> settings, string? directory, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();

        var storage = builder.AddPlatformStorage("self-info-contract")
            .AddSqliteSchema(SelfInfoSchema.Sqlite)
            .AddMongoIndexes<MongoSelfInfoIndexes>()
            .AddRepository<ISelfInfoStore, SqliteSelfInfoStore, MongoSelfInfoStore>();
        MessagingRegistration.AddOutboxStorage(storage);

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new SelfInfoStorage(host, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        if (directory is not null)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover folder under the temp folder does no harm.
            }
        }
    }
}
