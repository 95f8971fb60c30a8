using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MynaPlatform.Authentication.Sessions;
using MynaPlatform.Hosting;
using MynaPlatform.Identity.Grpc;

namespace MynaPlatform.SessionRevocation;

public static class SessionRevocationRegistration
{
    /// <summary>
    /// Keeps the set of revoked sessions of a token validator that is not the identity service: loaded
    /// over gRPC from identity at start and periodically. Add <see cref="AddSessionRevokedConsumer"/>
    /// to the service's bus so that a session ended later is rejected within moments.
    /// </summary>
    public static IHostApplicationBuilder AddRevokedSessionsFromIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpcClient<SessionRevocations.SessionRevocationsClient>(client =>
            client.Address = new Uri($"http://_{ResourceNames.GrpcEndpoint}.{ResourceNames.Identity}"));
        builder.Services.AddRevokedSessionSource<GrpcRevokedSessionSource>();
        return builder;
    }

    public static IBusRegistrationConfigurator AddSessionRevokedConsumer(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SessionRevokedConsumer>(typeof(SessionRevokedConsumerDefinition));
        return bus;
    }
}
