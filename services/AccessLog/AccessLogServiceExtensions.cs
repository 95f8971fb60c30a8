using MynaPlatform.AccessLog.Consumers;
using MynaPlatform.AccessLog.Grpc;
using MynaPlatform.AccessLog.Operations;
using MynaPlatform.AccessLog.Storage;
using MynaPlatform.Hosting;
using MynaPlatform.Messaging;
using MynaPlatform.ServiceDefaults.OpenApi;
using MynaPlatform.Storage;

namespace MynaPlatform.AccessLog;

public static class AccessLogServiceExtensions
{
    public const string RoutePrefix = "access-log";

    public static IHostApplicationBuilder AddAccessLogServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddPlatformOpenApi();

        builder.AddPlatformStorage(ResourceNames.AccessLog)
            .AddSqliteSchema(SelfCheckReceiptSchema.Sqlite)
            .AddMongoIndexes<MongoSelfCheckReceiptIndexes>()
            .AddRepository<ISelfCheckReceiptRepository, SqliteSelfCheckReceiptRepository, MongoSelfCheckReceiptRepository>()
            .AddPlatformMessaging(builder, ResourceNames.AccessLog, bus =>
                bus.AddConsumer<SelfCheckProbeRecordedConsumer>(typeof(SelfCheckProbeRecordedConsumerDefinition)));

        return builder;
    }

    public static WebApplication MapAccessLogEndpoints(this WebApplication app)
    {
        app.MapPlatformOpenApi(RoutePrefix);
        app.MapGrpcService<SelfCheckReceiptService>();
        return app;
    }
}
