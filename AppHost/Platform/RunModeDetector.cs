using System.Diagnostics;

namespace MynaPlatform.AppHost.Platform;

/// <summary>
/// Resolves <see cref="RunMode.Auto"/>. A container runtime counts only when its daemon answers:
/// the <c>docker</c> client alone is often installed without one.
/// </summary>
public static class RunModeDetector
{
    private static readonly TimeSpan DaemonTimeout = TimeSpan.FromSeconds(10);

    public static (RunMode Mode, string Reason) Resolve(RunMode requested)
    {
        if (requested != RunMode.Auto)
        {
            return (requested, "Platform:RunMode requests it");
        }

        return ContainerDaemonAnswers(out var detail)
            ? (RunMode.Containers, "a container daemon answers `docker info`")
            : (RunMode.Local, $"no container daemon answers ({detail})");
    }

    private static bool ContainerDaemonAnswers(out string detail)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("docker", "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                detail = "docker could not be started";
                return false;
            }

            if (!process.WaitForExit(DaemonTimeout))
            {
                process.Kill(entireProcessTree: true);
                detail = $"`docker info` did not answer within {DaemonTimeout.TotalSeconds:0} s";
                return false;
            }

            detail = process.ExitCode == 0 ? "ok" : $"`docker info` exited with code {process.ExitCode}";
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            detail = "no docker client is installed";
            return false;
        }
    }
}
