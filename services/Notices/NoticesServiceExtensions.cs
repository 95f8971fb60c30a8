using MynaPlatform.Hosting;
using MynaPlatform.Messaging;
using MynaPlatform.Notices.Grpc;
using MynaPlatform.Notices.Operations;
using MynaPlatform.Notices.Storage;
using MynaPlatform.ServiceDefaults.OpenApi;
using MynaPlatform.Storage;

namespace MynaPlatform.Notices;

public static class NoticesServiceExtensions
{
    public const string RoutePrefix = "notices";

    public static IHostApplicationBuilder AddNoticesServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddPlatformOpenApi();

        builder.AddPlatformStorage(ResourceNames.Notices)
            .AddSqliteSchema(SelfCheckProbeSchema.Sqlite)
            .AddMongoIndexes<MongoSelfCheckProbeIndexes>()
            .AddRepository<ISelfCheckProbeRepository, SqliteSelfCheckProbeRepository, MongoSelfCheckProbeRepository>()
            .AddPlatformMessaging(builder, ResourceNames.Notices);

        return builder;
    }

    public static WebApplication MapNoticesEndpoints(this WebApplication app)
    {
        app.MapPlatformOpenApi(RoutePrefix);
        app.MapGrpcService<SelfCheckProbeService>();
        return app;
    }
}
