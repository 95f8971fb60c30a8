namespace MynaPlatform.AppHost.Storage;

/// <summary>
/// MongoDB as a single-node replica set in a container, because the services' outbox and inbox
/// need multi-document transactions, which MongoDB allows only on a replica set.
/// </summary>
public sealed class MongoReplicaSetResource(string name) : ContainerResource(name), IResourceWithConnectionString
{
    public const string ReplicaSetName = "rs0";
    public const string EndpointName = "tcp";
    public const int ContainerPort = 27017;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    // directConnection keeps the driver on the published port instead of the member's container host name.
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"mongodb://{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}/?replicaSet={ReplicaSetName}&directConnection=true");
}

public static class MongoReplicaSetExtensions
{
    public const string Image = "mongo";
    public const string ImageTag = "8.0";

    /// <summary>
    /// Starts <c>mongod</c> with a replica set name and initiates the set once the server answers;
    /// the official image has no option for this, so the entrypoint is a short shell script.
    /// </summary>
    public static IResourceBuilder<MongoReplicaSetResource> AddMongoReplicaSet(this IDistributedApplicationBuilder builder, string name)
    {
        const string startScript =
            "mongod --replSet " + MongoReplicaSetResource.ReplicaSetName + " --bind_ip_all & " +
            "until mongosh --quiet --eval \"try { rs.status().ok } catch (e) { rs.initiate({_id: '" +
            MongoReplicaSetResource.ReplicaSetName + "', members: [{_id: 0, host: 'localhost:27017'}]}).ok }\"; do sleep 1; done; wait";

        return builder.AddResource(new MongoReplicaSetResource(name))
            .WithImage(Image, ImageTag)
            .WithEndpoint(targetPort: MongoReplicaSetResource.ContainerPort, name: MongoReplicaSetResource.EndpointName, scheme: "tcp")
            .WithVolume($"{name}-data", "/data/db")
            .WithEntrypoint("bash")
            .WithArgs("-c", startScript);
    }
}
