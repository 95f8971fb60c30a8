namespace MynaPlatform.AppHost.Messaging;

/// <summary>
/// A private RabbitMQ node from Debian's <c>rabbitmq-server</c> package, run by the AppHost on
/// 127.0.0.1 with its own node name, ports, Erlang cookie and data folder, so it never touches a
/// system node.
/// </summary>
public sealed class LocalRabbitMqResource(string name, string workingDirectory, int amqpPort)
    : ExecutableResource(name, LocalRabbitMq.ServerScript, workingDirectory), IResourceWithConnectionString
{
    public int AmqpPort { get; } = amqpPort;

    // The default guest user may only connect over loopback, which is all this node listens on.
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/");
}
