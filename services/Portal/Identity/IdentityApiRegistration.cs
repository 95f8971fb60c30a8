using Microsoft.Extensions.Options;
using MynaPlatform.Hosting;
using MynaPlatform.Portal.AccessLog;
using MynaPlatform.Portal.Notices;
using MynaPlatform.Portal.SelfInfo;

namespace MynaPlatform.Portal.Identity;

public static class IdentityApiRegistration
{
    /// <summary>Registers the clients that call the services through the gateway, each forwarding the request's correlation id.</summary>
    public static IServiceCollection AddIdentityApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddTransient<CorrelationHandler>();
        services.AddHttpClient<IdentityTokenClient>(ConfigureGateway).AddHttpMessageHandler<CorrelationHandler>();
        services.AddHttpClient<IdentityAccountClient>(ConfigureGateway).AddHttpMessageHandler<CorrelationHandler>();
        services.AddHttpClient<NoticesClient>(ConfigureGateway).AddHttpMessageHandler<CorrelationHandler>();
        services.AddHttpClient<SelfInfoClient>(ConfigureGateway).AddHttpMessageHandler<CorrelationHandler>();
        services.AddHttpClient<AccessLogClient>(ConfigureGateway).AddHttpMessageHandler<CorrelationHandler>();
        return services;
    }

    private static void ConfigureGateway(IServiceProvider services, HttpClient http) =>
        http.BaseAddress = services.GetRequiredService<IOptions<PortalOptions>>().Value.GatewayUrl;

    /// <summary>Sends the current correlation id, so the gateway and identity log the portal's call under the same id.</summary>
    private sealed class CorrelationHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (CorrelationId.Current is { } correlationId && CorrelationId.IsValid(correlationId))
            {
                request.Headers.TryAddWithoutValidation(CorrelationId.HeaderName, correlationId);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
