using MynaPlatform.AppHost.Messaging;
using MynaPlatform.AppHost.Storage;
using MynaPlatform.Hosting;

namespace MynaPlatform.AppHost.Platform;

/// <summary>The broker and (in containers mode) the database that every service depends on.</summary>
public sealed record PlatformBackbone(
    RunMode Mode,
    string DataDirectory,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IResourceBuilder<MongoReplicaSetResource>? MongoDb)
{
    public IResourceBuilder<IResource>[] Resources => MongoDb is null ? [Messaging] : [Messaging, MongoDb];
}

public static class PlatformServices
{
    public static PlatformBackbone AddPlatformBackbone(this IDistributedApplicationBuilder builder, PlatformSettings settings, RunMode mode)
    {
        if (mode == RunMode.Containers)
        {
            var rabbit = builder.AddRabbitMQ(ResourceNames.Messaging);
            var mongo = builder.AddMongoReplicaSet(ResourceNames.MongoDb);
            return new PlatformBackbone(mode, settings.DataDirectory, rabbit, mongo);
        }

        var localRabbit = builder.AddLocalRabbitMq(ResourceNames.Messaging, settings.DataDirectory);
        return new PlatformBackbone(mode, settings.DataDirectory, localRabbit, null);
    }

    /// <summary>Gives a project the broker's connection string and starts it once the broker is healthy.</summary>
    public static IResourceBuilder<ProjectResource> WithMessaging(this IResourceBuilder<ProjectResource> project, PlatformBackbone backbone) =>
        project.WithReference(backbone.Messaging).WaitFor(backbone.Messaging);

    /// <summary>
    /// Adds a platform service with its storage settings, the broker and its health check; it starts
    /// only once the broker (and MongoDB in containers mode) is healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformDependencies(
        this IResourceBuilder<ProjectResource> service, PlatformBackbone backbone)
    {
        service
            .WithEnvironment("Platform__DataDirectory", backbone.DataDirectory)
            .WithReference(backbone.Messaging)
            .WaitFor(backbone.Messaging)
            .WithHttpHealthCheck("/health", endpointName: ResourceNames.HttpEndpoint);

        if (backbone.MongoDb is { } mongo)
        {
            service.WithEnvironment("Storage__Provider", "MongoDb").WithReference(mongo).WaitFor(mongo);
        }
        else
        {
            service.WithEnvironment("Storage__Provider", "Sqlite");
        }

        return service;
    }

    /// <summary>
    /// Adds a platform service behind the gateway: it calls identity (agency lookups, revoked
    /// sessions) and validates its tokens, starts once identity is healthy, and the gateway starts
    /// once it is. Identity calls it at request time only (the self-check), so identity does not wait.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPlatformService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        PlatformBackbone backbone,
        IResourceBuilder<ProjectResource> identity,
        IResourceBuilder<ProjectResource> gateway)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithPlatformDependencies(backbone)
            .WithReference(identity)
            .WaitFor(identity)
            .WithTokenValidation(gateway);

        identity.WithReference(service);
        gateway.WithReference(service).WaitFor(service);
        return service;
    }
}
