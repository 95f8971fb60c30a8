using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MynaPlatform.Hosting;
using MynaPlatform.Messaging.Inbox;
using MynaPlatform.Messaging.MongoDb;
using MynaPlatform.Messaging.Outbox;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage;

namespace MynaPlatform.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// Adds MassTransit over the platform's RabbitMQ broker (connection string <c>messaging</c>),
    /// the service's outbox and inbox on its configured storage, and the outbox dispatcher.
    /// Queue names start with <paramref name="serviceName"/>, so two services with consumers of the
    /// same name each get every message.
    /// </summary>
    public static PlatformStorageBuilder AddPlatformMessaging(
        this PlatformStorageBuilder storage,
        IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => !options.HoldDispatch || !builder.Environment.IsProduction(),
                "Messaging:HoldDispatch is a test-only setting and must not be set in Production.")
            .ValidateOnStart();

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddHostedService<MessagingMaintenance>();
        AddOutboxStorage(storage);

        AddBus(builder, serviceName, configureConsumers);
        return storage;
    }

    /// <summary>
    /// Adds MassTransit over the platform's broker for a process that only consumes messages whose
    /// effect is idempotent and kept in memory (such as the gateway's revoked sessions), so it needs
    /// neither storage, an outbox nor an inbox.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformBus(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator> configureConsumers)
    {
        AddBus(builder, serviceName, configureConsumers);
        return builder;
    }

    private static void AddBus(IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configureConsumers)
    {
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.Messaging)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ResourceNames.Messaging} is not set: give the RabbitMQ address as amqp://user:password@host:port/.");
        var brokerAddress = new Uri(connectionString);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                ConfigureHost(rabbit, brokerAddress);
                rabbit.UseConsumeFilter(typeof(CorrelationConsumeFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });

        // The service starts while the broker is down; the bus health check reports it until it connects.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = false);
    }

    /// <summary>Registers the outbox and inbox stores of the configured provider, without the bus.</summary>
    internal static void AddOutboxStorage(PlatformStorageBuilder storage)
    {
        if (storage.Provider == StorageProvider.MongoDb)
        {
            storage.AddMongoIndexes<MongoMessagingIndexes>();
            storage.Services.TryAddSingleton<MongoOutbox>();
            storage.Services.TryAddSingleton<MongoInbox>();
            storage.Services.TryAddSingleton<IOutboxStore, MongoOutboxStore>();
            storage.Services.TryAddSingleton<IInboxStore>(services => services.GetRequiredService<MongoInbox>());
            return;
        }

        storage.AddSqliteSchema(SqliteMessagingSchema.Script);
        storage.Services.TryAddSingleton<SqliteOutbox>();
        storage.Services.TryAddSingleton<SqliteInbox>();
        storage.Services.TryAddSingleton<IOutboxStore, SqliteOutboxStore>();
        storage.Services.TryAddSingleton<IInboxStore>(services => services.GetRequiredService<SqliteInbox>());
    }

    private static void ConfigureHost(IRabbitMqBusFactoryConfigurator rabbit, Uri address)
    {
        var credentials = Uri.UnescapeDataString(address.UserInfo).Split(':', 2);
        var virtualHost = address.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";

        rabbit.Host(address.Host, (ushort)(address.IsDefaultPort ? 5672 : address.Port), virtualHost, host =>
        {
            host.Username(credentials[0]);
            host.Password(credentials.Length > 1 ? credentials[1] : string.Empty);
        });
    }
}
