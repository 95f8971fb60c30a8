using MynaPlatform.AccessLog.Agencies;
using MynaPlatform.AccessLog.Api;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Consumers;
using MynaPlatform.AccessLog.Exchanges;
using MynaPlatform.AccessLog.Grpc;
using MynaPlatform.AccessLog.Operations;
using MynaPlatform.AccessLog.Signing;
using MynaPlatform.AccessLog.Storage;
using MynaPlatform.Authentication;
using MynaPlatform.Hosting;
using MynaPlatform.Messaging;
using MynaPlatform.ServiceDefaults.Configuration;
using MynaPlatform.ServiceDefaults.OpenApi;
using MynaPlatform.SessionRevocation;
using MynaPlatform.Storage;

namespace MynaPlatform.AccessLog;

public static class AccessLogServiceExtensions
{
    public const string RoutePrefix = "access-log";

    public static IHostApplicationBuilder AddAccessLogServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddValidatedOptions<AccessLogOptions>(AccessLogOptions.SectionName);

        builder.AddPlatformTokenValidation(ResourceNames.AccessLog);
        builder.AddRevokedSessionsFromIdentity();
        builder.Services.AddGrpcClient<Identity.Grpc.Agencies.AgenciesClient>(
            client => client.Address = new Uri($"http://_{ResourceNames.GrpcEndpoint}.{ResourceNames.Identity}"));

        builder.AddPlatformStorage(ResourceNames.AccessLog)
            .AddSqliteSchema(SelfCheckReceiptSchema.Sqlite)
            .AddSqliteSchema(AccessLogSchema.Sqlite)
            .AddMongoIndexes<MongoSelfCheckReceiptIndexes>()
            .AddMongoIndexes<MongoAccessLogIndexes>()
            .AddRepository<ISelfCheckReceiptRepository, SqliteSelfCheckReceiptRepository, MongoSelfCheckReceiptRepository>()
            .AddRepository<IAccessLogRepository, SqliteAccessLogRepository, MongoAccessLogRepository>()
            .AddRepository<ISigningKeyRepository, SqliteSigningKeyRepository, MongoSigningKeyRepository>()
            .AddPlatformMessaging(builder, ResourceNames.AccessLog, bus =>
            {
                bus.AddConsumer<SelfCheckProbeRecordedConsumer>(typeof(SelfCheckProbeRecordedConsumerDefinition));
                bus.AddConsumer<PersonDataAccessedConsumer>(typeof(PersonDataAccessedConsumerDefinition));
                bus.AddSessionRevokedConsumer();
            });

        AddChains(builder.Services);
        return builder;
    }

    public static WebApplication MapAccessLogEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapPlatformOpenApi(RoutePrefix);
        app.MapChainEndpoints();
        app.MapRecordEndpoints();
        app.MapExchangeEndpoints();
        app.MapOperatorEndpoints();
        app.MapGrpcService<SelfCheckReceiptService>();
        return app;
    }

    private static void AddChains(IServiceCollection services)
    {
        // The key ring starts after the storage initializers registered above, so its table exists.
        services.AddSingleton<SigningKeyRing>();
        services.AddHostedService(provider => provider.GetRequiredService<SigningKeyRing>());
        services.AddSingleton<ChainWriter>();
        services.AddSingleton<ChainReader>();
        services.AddSingleton<AgencyDirectoryClient>();
        services.AddSingleton<ExchangeIntake>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionJob>());
    }
}
