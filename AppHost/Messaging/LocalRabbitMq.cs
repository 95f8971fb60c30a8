using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace MynaPlatform.AppHost.Messaging;

public static class LocalRabbitMq
{
    /// <summary>The broker's start script in Debian's package (the one in /usr/sbin switches user).</summary>
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public const string EpmdCommand = "epmd";

    /// <summary>
    /// Adds the private node and its own epmd (the Erlang port mapper) as two executables, so both
    /// stop with the AppHost. A node left over from a killed run is stopped first.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        var brokerDirectory = Path.Combine(dataDirectory, "rabbitmq");
        PrepareFolder(brokerDirectory);
        LeftoverBrokerCleaner.StopLeftover(brokerDirectory);

        int amqpPort = FreeLoopbackPort(), distributionPort = FreeLoopbackPort(), epmdPort = FreeLoopbackPort();
        LeftoverBrokerCleaner.RecordPorts(brokerDirectory, epmdPort);

        var epmd = builder.AddExecutable($"{name}-epmd", EpmdCommand, brokerDirectory,
            "-port", epmdPort.ToString(), "-address", "127.0.0.1");

        var healthCheckKey = $"{name}-amqp";
        builder.Services.AddHealthChecks().Add(new(healthCheckKey, _ => new AmqpHandshakeHealthCheck(amqpPort), null, null));

        var broker = new LocalRabbitMqResource(name, brokerDirectory, amqpPort);
        return builder.AddResource(broker)
            .WithEnvironment("HOME", brokerDirectory)
            .WithEnvironment("RABBITMQ_NODENAME", $"{name}@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", amqpPort.ToString())
            .WithEnvironment("RABBITMQ_DIST_PORT", distributionPort.ToString())
            .WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString())
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(brokerDirectory, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(brokerDirectory, "log"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(brokerDirectory, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(brokerDirectory, "rabbitmq"))
            .WithEnvironment("RABBITMQ_PID_FILE", LeftoverBrokerCleaner.PidFile(brokerDirectory))
            .WithHealthCheck(healthCheckKey)
            .WaitFor(epmd);
    }

    private static void PrepareFolder(string brokerDirectory)
    {
        Directory.CreateDirectory(Path.Combine(brokerDirectory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(brokerDirectory, "log"));

        // No plugins: the management plugin would open another port, and the platform needs none.
        File.WriteAllText(Path.Combine(brokerDirectory, "enabled_plugins"), "[].\n");
        var config = Path.Combine(brokerDirectory, "rabbitmq.conf");
        if (!File.Exists(config))
        {
            File.WriteAllText(config, "loopback_users.guest = true\n");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
