using MynaPlatform.AccessLog.Grpc;
using MynaPlatform.Authentication;
using MynaPlatform.Hosting;
using MynaPlatform.Identity.Api;
using MynaPlatform.Identity.Grpc;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Identity.Operations;
using MynaPlatform.Identity.Sessions;
using MynaPlatform.Identity.Tokens;
using MynaPlatform.Notices.Grpc;
using MynaPlatform.ServiceDefaults.Configuration;
using MynaPlatform.ServiceDefaults.OpenApi;

namespace MynaPlatform.Identity;

public static class IdentityServiceExtensions
{
    public const string RoutePrefix = "identity";

    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddValidatedOptions<SelfCheckOptions>(SelfCheckOptions.SectionName);
        builder.Services.AddSingleton<SelfCheckRunner>();

        builder.AddJpkiVerification();
        builder.AddTokenServer();
        builder.AddSessions();
        builder.AddPlatformTokenValidation(ResourceNames.Identity);

        builder.Services.AddGrpcClient<SelfCheckProbes.SelfCheckProbesClient>(
            client => client.Address = GrpcAddress(ResourceNames.Notices));
        builder.Services.AddGrpcClient<SelfCheckReceipts.SelfCheckReceiptsClient>(
            client => client.Address = GrpcAddress(ResourceNames.AccessLog));

        return builder;
    }

    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapPlatformOpenApi(RoutePrefix);
        app.MapChallengeEndpoints();
        app.MapTokenEndpoints();
        app.MapAccountEndpoints();
        app.MapAccountDetailsEndpoints();
        app.MapStepUpEndpoints();
        app.MapSessionEndpoints();
        app.MapLostCardEndpoints();
        app.MapAgencyEndpoints();
        app.MapPartnerEndpoints();
        app.MapOperatorEndpoints();
        app.MapGrpcService<SessionRevocationService>();
        app.MapGrpcService<AgencyService>();
        return app;
    }

    /// <summary>Addresses the HTTP/2-only endpoint named <c>grpc</c> through service discovery.</summary>
    private static Uri GrpcAddress(string service) => new($"http://_{ResourceNames.GrpcEndpoint}.{service}");
}
