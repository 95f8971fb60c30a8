using MynaPlatform.Authentication;
using MynaPlatform.Hosting;
using MynaPlatform.Messaging;
using MynaPlatform.SelfInfo.Agencies;
using MynaPlatform.SelfInfo.Api;
using MynaPlatform.SelfInfo.Records;
using MynaPlatform.SelfInfo.Storage;
using MynaPlatform.ServiceDefaults.OpenApi;
using MynaPlatform.SessionRevocation;
using MynaPlatform.Storage;

namespace MynaPlatform.SelfInfo;

public static class SelfInfoServiceExtensions
{
    public const string RoutePrefix = ResourceNames.SelfInfo;

    public static IHostApplicationBuilder AddSelfInfoServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPlatformOpenApi();
        builder.AddPlatformTokenValidation(ResourceNames.SelfInfo);
        builder.AddRevokedSessionsFromIdentity();

        builder.Services.AddGrpcClient<Identity.Grpc.Agencies.AgenciesClient>(client =>
            client.Address = new Uri($"http://_{ResourceNames.GrpcEndpoint}.{ResourceNames.Identity}"));
        builder.Services.AddSingleton<AgencyDirectory>();

        builder.AddPlatformStorage(ResourceNames.SelfInfo)
            .AddSqliteSchema(SelfInfoSchema.Sqlite)
            .AddMongoIndexes<MongoSelfInfoIndexes>()
            .AddRepository<ISelfInfoStore, SqliteSelfInfoStore, MongoSelfInfoStore>()
            .AddPlatformMessaging(builder, ResourceNames.SelfInfo, bus => bus.AddSessionRevokedConsumer());

        return builder;
    }

    public static WebApplication MapSelfInfoEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapPlatformOpenApi(RoutePrefix);
        app.MapSelfInfoApi();
        return app;
    }

    /// <summary>Maps every route of the API; tests read the same routes from the endpoint data.</summary>
    public static IEndpointRouteBuilder MapSelfInfoApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup($"/api/{RoutePrefix}").AddEndpointFilter<ServiceFailureFilter>();
        api.MapPartnerEndpoints();
        api.MapPersonEndpoints();
        api.MapOperatorEndpoints();
        return routes;
    }
}
