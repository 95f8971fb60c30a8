using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MynaPlatform.AppHost.Messaging;

/// <summary>
/// Healthy when the broker answers the AMQP 0-9-1 protocol header with a method frame
/// (Connection.Start), which it sends only once it accepts connections.
/// </summary>
public sealed class AmqpHandshakeHealthCheck(int port) : IHealthCheck
{
    private static readonly byte[] ProtocolHeader = "AMQP"u8.ToArray().Concat(new byte[] { 0, 0, 9, 1 }).ToArray();
    private const byte MethodFrameType = 1;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, timeout.Token);

            var frameType = new byte[1];
            var read = await stream.ReadAsync(frameType, timeout.Token);
            return read == 1 && frameType[0] == MethodFrameType
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Port {port} did not answer with an AMQP method frame.");
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"No AMQP answer on port {port}: {exception.Message}");
        }
    }
}
