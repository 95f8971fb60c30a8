using MynaPlatform.Authentication;
using MynaPlatform.Hosting;
using MynaPlatform.Identity.Grpc;
using MynaPlatform.Messaging;
using MynaPlatform.Notices.Api;
using MynaPlatform.Notices.Grpc;
using MynaPlatform.Notices.Inbox;
using MynaPlatform.Notices.Operations;
using MynaPlatform.Notices.Partner;
using MynaPlatform.Notices.Publishing;
using MynaPlatform.Notices.Recipients;
using MynaPlatform.Notices.Storage;
using MynaPlatform.ServiceDefaults.Configuration;
using MynaPlatform.ServiceDefaults.OpenApi;
using MynaPlatform.SessionRevocation;
using MynaPlatform.Storage;

namespace MynaPlatform.Notices;

public static class NoticesServiceExtensions
{
    public const string RoutePrefix = "notices";

    public static IHostApplicationBuilder AddNoticesServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddValidatedOptions<NoticesOptions>(NoticesOptions.SectionName);

        builder.AddPlatformTokenValidation(ResourceNames.Notices);
        builder.AddRevokedSessionsFromIdentity();
        builder.Services.AddGrpcClient<Agencies.AgenciesClient>(
            client => client.Address = new Uri($"http://_{ResourceNames.GrpcEndpoint}.{ResourceNames.Identity}"));

        builder.AddPlatformStorage(ResourceNames.Notices)
            .AddSqliteSchema(SelfCheckProbeSchema.Sqlite)
            .AddSqliteSchema(NoticeSchema.Sqlite)
            .AddMongoIndexes<MongoSelfCheckProbeIndexes>()
            .AddMongoIndexes<MongoNoticeIndexes>()
            .AddRepository<ISelfCheckProbeRepository, SqliteSelfCheckProbeRepository, MongoSelfCheckProbeRepository>()
            .AddRepository<INoticeStore, SqliteNoticeStore, MongoNoticeStore>()
            .AddRepository<IPushKeyStore, SqlitePushKeyStore, MongoPushKeyStore>()
            .AddPlatformMessaging(builder, ResourceNames.Notices, bus => bus.AddSessionRevokedConsumer());

        builder.Services.AddSingleton<AgencyDirectory>();
        builder.Services.AddSingleton<PushKeyLocks>();
        builder.Services.AddSingleton<PushKeyGuard>();
        builder.Services.AddSingleton<NoticePushService>();
        builder.Services.AddHostedService<ScheduledNoticePublisher>();

        return builder;
    }

    public static WebApplication MapNoticesEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapPlatformOpenApi(RoutePrefix);
        app.MapEndpointInventory();
        app.MapPartnerEndpoints();
        app.MapInboxEndpoints();
        app.MapGrpcService<SelfCheckProbeService>();
        return app;
    }
}
