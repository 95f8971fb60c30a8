namespace MynaPlatform.Hosting;

/// <summary>
/// Names of the platform's resources, shared by the AppHost, the services and the tests so that
/// service discovery keys and connection string names are written once.
/// </summary>
public static class ResourceNames
{
    public const string Gateway = "gateway";
    public const string Identity = "identity";
    public const string Notices = "notices";
    public const string AccessLog = "access-log";
    public const string SelfInfo = "self-info";
    public const string Portal = "portal";
    public const string JpkiSimulator = "jpki-simulator";

    /// <summary>The RabbitMQ broker; also the name of its connection string.</summary>
    public const string Messaging = "messaging";

    /// <summary>The MongoDB server of containers mode; also the name of its connection string.</summary>
    public const string MongoDb = "mongodb";

    /// <summary>Name of the plain HTTP/1.1 endpoint of a service (health checks, REST).</summary>
    public const string HttpEndpoint = "http";

    /// <summary>Name of the HTTP/2-only endpoint of a service that serves gRPC.</summary>
    public const string GrpcEndpoint = "grpc";
}
