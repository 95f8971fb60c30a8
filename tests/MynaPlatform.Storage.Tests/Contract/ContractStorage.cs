using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MynaPlatform.AccessLog.Operations;
using MynaPlatform.AccessLog.Storage;
using MynaPlatform.Messaging;
using MynaPlatform.Messaging.Inbox;
using MynaPlatform.Messaging.Outbox;
using MynaPlatform.Notices.Operations;
using MynaPlatform.Notices.Storage;

namespace MynaPlatform.Storage.Tests.Contract;

/// <summary>
/// One fresh store (a new SQLite file or a new MongoDB database) registered the way services
/// register theirs, with the schema applied and the repositories under test resolved from it.
/// </summary>
internal sealed class ContractStorage(IHost host, string? directory) : IAsyncDisposable
{
    public ITestAccountRepository Accounts => host.Services.GetRequiredService<ITestAccountRepository>();

    public ISelfCheckProbeRepository Probes => host.Services.GetRequiredService<ISelfCheckProbeRepository>();

    public ISelfCheckReceiptRepository Receipts => host.Services.GetRequiredService<ISelfCheckReceiptRepository>();

    public IOutboxStore Outbox => host.Services.GetRequiredService<IOutboxStore>();

    public IInboxStore Inbox => host.Services.GetRequiredService<IInboxStore>();

    /// <summary>Starts a store from <paramref name="settings"/> and deletes <paramref name="directory"/>, if given, on dispose.</summary>
    public static async Task<ContractStorage> StartAsync(
        IReadOnlyDictionary<string, string?> settings, string? directory, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();

        var storage = builder.AddPlatformStorage("contract")
            .AddSqliteSchema(SqliteTestAccountRepository.Schema)
            .AddRepository<ITestAccountRepository, SqliteTestAccountRepository, MongoTestAccountRepository>()
            .AddSqliteSchema(SelfCheckProbeSchema.Sqlite)
            .AddMongoIndexes<MongoSelfCheckProbeIndexes>()
            .AddRepository<ISelfCheckProbeRepository, SqliteSelfCheckProbeRepository, MongoSelfCheckProbeRepository>()
            .AddSqliteSchema(SelfCheckReceiptSchema.Sqlite)
            .AddMongoIndexes<MongoSelfCheckReceiptIndexes>()
            .AddRepository<ISelfCheckReceiptRepository, SqliteSelfCheckReceiptRepository, MongoSelfCheckReceiptRepository>();
        MessagingRegistration.AddOutboxStorage(storage);

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new ContractStorage(host, directory);
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
