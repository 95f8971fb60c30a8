using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.AppHost.Platform;
using MynaPlatform.Hosting;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.AppHost.Readiness;

public static class ClientCredentialsReport
{
    /// <summary>
    /// Adds the token endpoint and the seeded operator's and agency's credentials to
    /// <c>platform.env</c> (mode 0600), so an operator or a partner's test can get a token.
    /// </summary>
    public static IDistributedApplicationBuilder AddClientCredentialsReport(
        this IDistributedApplicationBuilder builder, TokenServerResources tokens, IResourceBuilder<ProjectResource> gateway)
    {
        var gatewayEndpoint = gateway.GetEndpoint(ResourceNames.HttpEndpoint);
        builder.Services.AddSingleton(new PlatformEnvEntry("TOKEN_URL",
            async cancellationToken => (await gatewayEndpoint.GetValueAsync(cancellationToken))?.TrimEnd('/') + LoginRoutes.Token));
        builder.Services.AddSingleton(new PlatformEnvEntry("OPERATOR_CLIENT_ID", _ => ValueTask.FromResult<string?>(tokens.ClientIds.Operator)));
        builder.Services.AddSingleton(new PlatformEnvEntry("OPERATOR_CLIENT_SECRET", tokens.OperatorSecret.Resource.GetValueAsync));
        builder.Services.AddSingleton(new PlatformEnvEntry("AGENCY_CLIENT_ID", _ => ValueTask.FromResult<string?>(tokens.ClientIds.Agency)));
        builder.Services.AddSingleton(new PlatformEnvEntry("AGENCY_CLIENT_SECRET", tokens.AgencySecret.Resource.GetValueAsync));
        return builder;
    }
}
