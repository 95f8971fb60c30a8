using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit;

namespace MynaPlatform.Messaging.Tests.Infrastructure;

/// <summary>
/// One run of the messaging test host as a separate process, so that a test can kill it with
/// SIGKILL exactly as a crash would and start it again on the same SQLite file.
/// </summary>
public sealed class TestHostProcess : IAsyncDisposable
{
    private static readonly string HostAssembly = Path.Combine(AppContext.BaseDirectory, "MynaPlatform.Messaging.TestHost.dll");

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly string name;

    private TestHostProcess(string name, Process process)
    {
        this.name = name;
        this.process = process;
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int ProcessId => process.Id;

    /// <summary>Starts the host with configuration overrides and waits until its bus reports ready.</summary>
    public static async Task<TestHostProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_ENVIRONMENT"] = "Development", ["Logging__LogLevel__Default"] = "Warning" },
        };
        start.ArgumentList.Add(HostAssembly);
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"{key}={value}");
        }

        var host = new TestHostProcess(name, Process.Start(start)!);
        Console.WriteLine($"Started {name} (pid {host.ProcessId}).");
        await host.WaitForLineAsync("READY", TimeSpan.FromSeconds(60), cancellationToken);
        return host;
    }

    /// <summary>Waits until the host prints a line that starts with <paramref name="prefix"/>.</summary>
    public async Task WaitForLineAsync(string prefix, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!lines.Any(line => line.StartsWith(prefix, StringComparison.Ordinal)))
        {
            Assert.False(process.HasExited, $"{name} exited with code {SafeExitCode()} before printing '{prefix}'.\n{Output}");
            Assert.True(deadline.Elapsed < timeout, $"{name} did not print '{prefix}' within {timeout.TotalSeconds} s.\n{Output}");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Sends SIGKILL to the host process, prints its PID and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        var pid = process.Id;
        Console.WriteLine($"Killing {name} with SIGKILL (pid {pid}).");
        TestContext.Current.SendDiagnosticMessage($"Killing {name} with SIGKILL (pid {pid}).");
        process.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(137, process.ExitCode);
    }

    /// <summary>Fails the test when the host has exited without being killed by the test.</summary>
    public void EnsureRunning() =>
        Assert.False(process.HasExited, $"{name} exited unexpectedly with code {SafeExitCode()}.\n{Output}");

    public string Output => string.Join('\n', lines.TakeLast(40));

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(timeout.Token);
        }

        process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private string SafeExitCode() => process.HasExited ? process.ExitCode.ToString() : "(running)";
}
