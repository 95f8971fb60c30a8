using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MynaPlatform.Identity.Accounts;
using MynaPlatform.Identity.Agencies;
using MynaPlatform.Identity.Cards;
using MynaPlatform.Identity.Sessions;
using MynaPlatform.Identity.Storage;
using MynaPlatform.Messaging;
using MynaPlatform.Messaging.Outbox;
using MynaPlatform.Storage;
using MynaPlatform.Storage.Tests;

namespace MynaPlatform.Identity.Tests.Storage;

/// <summary>
/// One fresh identity store (new SQLite files or a new MongoDB database) registered the way the
/// identity service registers it, with the schema, indexes and outbox, and no bus or dispatcher.
/// </summary>
internal sealed class IdentityContractStorage(IHost host, string? directory) : IAsyncDisposable
{
    public ISessionRepository Sessions => host.Services.GetRequiredService<ISessionRepository>();

    public ICertificateLinkRepository CertificateLinks => host.Services.GetRequiredService<ICertificateLinkRepository>();

    public ICardHoldRepository CardHolds => host.Services.GetRequiredService<ICardHoldRepository>();

    public IStepUpRepository StepUps => host.Services.GetRequiredService<IStepUpRepository>();

    public IAccountDetailsRepository AccountDetails => host.Services.GetRequiredService<IAccountDetailsRepository>();

    public IAgencyRepository Agencies => host.Services.GetRequiredService<IAgencyRepository>();

    public IAgencyIdentifierRepository AgencyIdentifiers => host.Services.GetRequiredService<IAgencyIdentifierRepository>();

    public IOutboxStore Outbox => host.Services.GetRequiredService<IOutboxStore>();

    /// <summary>Runs <paramref name="work"/> with the person repository of a new scope, as one request would.</summary>
    public async Task<T> WithPersonsAsync<T>(Func<IPersonRepository, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IPersonRepository>());
    }

    /// <summary>Returns the pending outbox messages of type <typeparamref name="TMessage"/>, in write order.</summary>
    public async Task<IReadOnlyList<TMessage>> PendingAsync<TMessage>(CancellationToken cancellationToken)
    {
        var pending = await Outbox.GetPendingAsync(1_000, cancellationToken);
        return [.. pending
            .Where(row => row.MessageType.StartsWith(typeof(TMessage).FullName + ",", StringComparison.Ordinal))
            .Select(row => JsonSerializer.Deserialize<TMessage>(row.Body, JsonSerializerOptions.Web)!)];
    }

    public static Task<IdentityContractStorage> StartSqliteAsync(CancellationToken cancellationToken)
    {
        var directory = TestDataDirectory.Create("identity-contract");
        return StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(directory, "identity.db"),
        }, directory, cancellationToken);
    }

    public static Task<IdentityContractStorage> StartMongoAsync(string connectionString, CancellationToken cancellationToken) =>
        StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "MongoDb",
            ["ConnectionStrings:mongodb"] = connectionString,
            ["Storage:MongoDatabase"] = $"identity_contract_{Guid.NewGuid():N}",
        }, null, cancellationToken);

    private static async Task<IdentityContractStorage> StartAsync(
        IReadOnlyDictionary<string, string?> settings, string? directory, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();

        var storage = builder.AddPlatformStorage("identity").AddIdentityRepositories();
        MessagingRegistration.AddOutboxStorage(storage);
        if (directory is not null)
        {
            // On SQLite the persons live in the token store's file, as in the service.
            var tokenStore = Path.Combine(directory, IdentityDbContext.FileName);
            builder.Services.AddDbContext<IdentityDbContext>(options => options.UseSqlite($"Data Source={tokenStore}").UseOpenIddict());
        }

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        if (directory is not null)
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database.EnsureCreatedAsync(cancellationToken);
        }

        return new IdentityContractStorage(host, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        if (directory is not null)
        {
            // Pooled connections keep the SQLite files open until the pools are cleared.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestDataDirectory.TryDelete(directory);
        }
    }
}
