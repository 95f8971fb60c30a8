using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;
using Xunit;

namespace MynaPlatform.Messaging.Tests.Infrastructure;

/// <summary>
/// A RabbitMQ node from Debian's package that this test run owns: its own epmd, node name, ports
/// on 127.0.0.1 and data folder, so a kill or a restart touches nothing else on the machine.
/// Restarting keeps the ports and the data, as a crashed broker coming back would.
/// </summary>
public sealed class PrivateBroker : IAsyncDisposable
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string directory;
    private readonly string nodeName = $"mtest{Guid.NewGuid():N}"[..14];
    private readonly int distributionPort = FreeLoopbackPort();
    private readonly int epmdPort = FreeLoopbackPort();
    private Process? epmd;
    private Process? server;
    private bool killed;

    private PrivateBroker(string directory)
    {
        this.directory = directory;
        AmqpPort = FreeLoopbackPort();
    }

    public int AmqpPort { get; }

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort}/";

    private string PidFile => Path.Combine(directory, "rabbit.pid");

    public static async Task<PrivateBroker> StartAsync(CancellationToken cancellationToken)
    {
        Assert.True(File.Exists(ServerScript), $"RabbitMQ is not installed ({ServerScript} is missing): run scripts/prerequisites.sh.");

        var broker = new PrivateBroker(TestDataDirectory.Create("broker"));
        Directory.CreateDirectory(Path.Combine(broker.directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(broker.directory, "log"));
        File.WriteAllText(Path.Combine(broker.directory, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(broker.directory, "rabbitmq.conf"), "loopback_users.guest = true\n");

        broker.epmd = Process.Start(new ProcessStartInfo("epmd", ["-port", broker.epmdPort.ToString(), "-address", "127.0.0.1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        broker.epmd.BeginOutputReadLine();
        broker.epmd.BeginErrorReadLine();
        try
        {
            await broker.StartServerAsync(cancellationToken);
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }

        return broker;
    }

    /// <summary>Sends SIGKILL to the broker's Erlang VM, whose PID the node wrote to its PID file, and returns that PID.</summary>
    public int Kill()
    {
        var pid = int.Parse(File.ReadAllText(PidFile).Trim());
        var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        Assert.Contains(directory, commandLine);

        Console.WriteLine($"Killing the broker's Erlang VM with SIGKILL (pid {pid}).");
        killed = true;
        Process.Start("kill", ["-KILL", pid.ToString()])!.WaitForExit();
        server?.WaitForExit(10_000);
        return pid;
    }

    /// <summary>Fails the test when the broker has exited without being killed by the test.</summary>
    public void EnsureRunning()
    {
        if (!killed && server is { HasExited: true })
        {
            Assert.Fail($"The broker exited unexpectedly with code {server.ExitCode}; see {directory}/log.");
        }
    }

    /// <summary>Starts the node again on the same ports and data folder.</summary>
    public Task RestartAsync(CancellationToken cancellationToken) => StartServerAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            if (File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid))
            {
                Process.Start("kill", ["-TERM", pid.ToString()])!.WaitForExit();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await server.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                server.Kill(entireProcessTree: true);
            }
        }

        if (epmd is { HasExited: false })
        {
            epmd.Kill();
        }

        server?.Dispose();
        epmd?.Dispose();
        TestDataDirectory.TryDelete(directory);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        server?.Dispose();
        killed = false;
        File.Delete(PidFile);
        var start = new ProcessStartInfo(ServerScript)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["HOME"] = directory,
                ["RABBITMQ_NODENAME"] = $"{nodeName}@localhost",
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(),
                ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
                ["ERL_EPMD_PORT"] = epmdPort.ToString(),
                ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
                ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
                ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
                ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq"),
                ["RABBITMQ_PID_FILE"] = PidFile,
            },
        };

        server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        await WaitUntilAcceptingAsync(cancellationToken);
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(ConnectionString) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && deadline.Elapsed < StartTimeout)
            {
                if (server!.HasExited)
                {
                    Assert.Fail($"The broker exited with code {server.ExitCode} while starting; see {directory}/log.");
                }

                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
