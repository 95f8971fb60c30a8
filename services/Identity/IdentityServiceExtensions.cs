using MynaPlatform.AccessLog.Grpc;
using MynaPlatform.Hosting;
using MynaPlatform.Identity.Api;
using MynaPlatform.Identity.Operations;
using MynaPlatform.Notices.Grpc;
using MynaPlatform.ServiceDefaults.Configuration;
using MynaPlatform.ServiceDefaults.OpenApi;

namespace MynaPlatform.Identity;

public static class IdentityServiceExtensions
{
    public const string RoutePrefix = "identity";

    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddValidatedOptions<SelfCheckOptions>(SelfCheckOptions.SectionName);
        builder.Services.AddSingleton<SelfCheckRunner>();

        builder.Services.AddGrpcClient<SelfCheckProbes.SelfCheckProbesClient>(
            client => client.Address = GrpcAddress(ResourceNames.Notices));
        builder.Services.AddGrpcClient<SelfCheckReceipts.SelfCheckReceiptsClient>(
            client => client.Address = GrpcAddress(ResourceNames.AccessLog));

        return builder;
    }

    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        app.MapPlatformOpenApi(RoutePrefix);
        app.MapOperatorEndpoints();
        return app;
    }

    /// <summary>Addresses the HTTP/2-only endpoint named <c>grpc</c> through service discovery.</summary>
    private static Uri GrpcAddress(string service) => new($"http://_{ResourceNames.GrpcEndpoint}.{service}");
}
