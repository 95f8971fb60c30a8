using System.Diagnostics;
using Testcontainers.MongoDb;
using Xunit;

namespace MynaPlatform.Storage.Tests.Contract;

/// <summary>
/// Starts MongoDB as a single-node replica set (transactions need one) in a container, only when
/// a Docker daemon responds to <c>docker info</c>. An installed client without a daemon does not count.
/// </summary>
public sealed class MongoReplicaSetFixture : IAsyncLifetime
{
    private const string Image = "mongo:8.0";

    private static readonly TimeSpan DaemonQueryTimeout = TimeSpan.FromSeconds(10);

    private MongoDbContainer? container;

    /// <summary>Set once the container runs, and null when the MongoDB cases must be skipped.</summary>
    public string? ConnectionString { get; private set; }

    public string SkipReason { get; private set; } = "MongoDB has not been started.";

    public async ValueTask InitializeAsync()
    {
        if (await QueryDockerDaemonAsync() is { } reason)
        {
            SkipReason = $"No Docker daemon responds, so the MongoDB cases cannot run here: {reason}";
            return;
        }

        container = new MongoDbBuilder(Image).WithReplicaSet("rs0").Build();
        await container.StartAsync();
        ConnectionString = container.GetConnectionString();
    }

    public async ValueTask DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }

    /// <summary>Returns null when the daemon responded, otherwise the reason it did not.</summary>
    private static async Task<string?> QueryDockerDaemonAsync()
    {
        var start = new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return $"the docker client could not be started ({exception.Message}).";
        }

        using (process)
        using (var timeout = new CancellationTokenSource(DaemonQueryTimeout))
        {
            var output = process!.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                return $"'docker info' did not return within {DaemonQueryTimeout.TotalSeconds} s.";
            }

            var version = (await output).Trim();
            return process.ExitCode == 0 && version.Length > 0
                ? null
                : $"'docker info' exited with code {process.ExitCode}: {FirstLine(await error)}";
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(no output)";
}
