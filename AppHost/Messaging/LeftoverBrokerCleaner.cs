using System.Diagnostics;

namespace MynaPlatform.AppHost.Messaging;

/// <summary>
/// Stops a private broker and epmd left running by an AppHost that was killed. A process is
/// stopped only when its command line names this data folder (the broker) or the epmd port this
/// folder recorded, so a system node or another platform's node is never touched.
/// </summary>
public static class LeftoverBrokerCleaner
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    public static string PidFile(string brokerDirectory) => Path.Combine(brokerDirectory, "rabbit.pid");

    private static string EpmdPortFile(string brokerDirectory) => Path.Combine(brokerDirectory, "epmd.port");

    public static void RecordPorts(string brokerDirectory, int epmdPort) =>
        File.WriteAllText(EpmdPortFile(brokerDirectory), epmdPort.ToString());

    public static void StopLeftover(string brokerDirectory)
    {
        if (ReadNumber(PidFile(brokerDirectory)) is { } brokerPid && CommandLineOf(brokerPid)?.Contains(brokerDirectory) == true)
        {
            Console.WriteLine($"Stopping the broker left over from an earlier run (pid {brokerPid}).");
            Stop(brokerPid);
        }

        if (ReadNumber(EpmdPortFile(brokerDirectory)) is { } epmdPort)
        {
            foreach (var epmdPid in FindEpmd(epmdPort))
            {
                Console.WriteLine($"Stopping the epmd left over from an earlier run (pid {epmdPid}, port {epmdPort}).");
                Stop(epmdPid);
            }
        }
    }

    private static IEnumerable<int> FindEpmd(int port)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid)
                && CommandLineOf(pid) is { } commandLine
                && commandLine.Contains("epmd")
                && commandLine.Contains($"-port {port}"))
            {
                yield return pid;
            }
        }
    }

    private static void Stop(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            Process.Start("kill", ["-TERM", pid.ToString()])?.WaitForExit();
            if (!process.WaitForExit(StopTimeout))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (ArgumentException)
        {
            // The process ended on its own in the meantime.
        }
    }

    private static string? CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? ReadNumber(string path) =>
        File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out var number) ? number : null;
}
